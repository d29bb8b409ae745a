import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksX12Remittance } from './looks-x12-835.js';

const head = (path: string) => new Uint8Array(readFileSync(path)).subarray(0, 8192);
const SAMPLES = 'test/fixtures/x12/linuxforhealth-x12';

describe('looksX12Remittance', () => {
  it.each([
    [`${SAMPLES}/835_005010X221A1/managed-care.835`, true],
    ['test/fixtures/remit/payer-problems-2026.835', true],
    [`${SAMPLES}/837_005010X222A2/demo.example1.837`, false],
    ['test/fixtures/csv/authorizations.csv', false],
  ])('%s → %s', (path, expected) => {
    expect(looksX12Remittance(head(path))).toBe(expected);
  });
  it('takes the element separator from the ISA', () => {
    expect(looksX12Remittance(new TextEncoder().encode('  ISA|00|…~GS|HP|…~ST|835|0001~'))).toBe(true);
    expect(looksX12Remittance(new TextEncoder().encode('ISA*00~ST|835|1'))).toBe(false);
  });
});
