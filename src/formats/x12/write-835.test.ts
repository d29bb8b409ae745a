import { describe, expect, it } from 'vitest';
import type { Remittance } from '../../core/model/remittance.js';
import { readRemittancesFromBytes } from './read-835.js';
import type { InterchangeHeader } from './write-envelope.js';
import { write835 } from './write-835.js';

const ENVELOPE: InterchangeHeader = {
  sender: { qualifier: 'ZZ', id: 'SYNPAYER01', name: 'SYNTHETIC PLAN' },
  receiver: { qualifier: 'ZZ', id: 'DEMOPRACTICE', name: 'DEMO PRACTICE' },
  created: '2026-03-18T09:30',
  interchangeControlNumber: 42,
  groupControlNumber: 42,
  transactionSetControlNumber: '0001',
};

const remittance: Remittance = {
  traceNumber: 'EFT-1',
  payerTraceId: '1999999999',
  totalPaidCents: 31764,
  handling: 'I',
  paymentDate: '2026-03-18',
  payer: { name: 'SYNTHETIC PLAN', id: 'SYN01' },
  payee: { name: 'DEMO PRACTICE', npi: '1999999984', taxId: '999999999' },
  claims: [
    {
      patientControlNumber: 'C-5001-202603',
      status: '1',
      chargeCents: 65000,
      paidCents: 31764,
      patientResponsibilityCents: 0,
      payerClaimControlNumber: 'PCC-1',
      facilityType: null,
      memberId: 'M-1',
      priorAuthorization: 'EV-25-1',
      statementFrom: '2026-03-02',
      statementTo: '2026-03-02',
      adjustments: [],
      remarks: [],
      location: '',
      lines: [
        {
          procedure: { code: '77407', modifiers: [] },
          submitted: { code: '77412', modifiers: [] },
          chargeCents: 60000,
          paidCents: 31764,
          units: 1,
          submittedUnits: null,
          dateOfService: '2026-03-02',
          adjustments: [
            { group: 'CO', reason: '45', amountCents: 20000, quantity: null },
            { group: 'CO', reason: '150', amountCents: 8236, quantity: null },
          ],
          remarks: ['N381'],
          allowedCents: 31764,
          lineControlNumber: 'CH-1',
          location: '',
        },
        {
          procedure: { code: '77387', modifiers: ['26'] },
          submitted: null,
          chargeCents: 5000,
          paidCents: 0,
          units: 1,
          submittedUnits: null,
          dateOfService: '2026-03-02',
          adjustments: [{ group: 'CO', reason: '97', amountCents: 5000, quantity: null }],
          remarks: [],
          allowedCents: null,
          lineControlNumber: null,
          location: '',
        },
      ],
    },
  ],
  providerAdjustments: [],
  location: '',
};

describe('write835', () => {
  it('writes an 835 that our reader reads back with the same values', () => {
    const text = write835(ENVELOPE, remittance);
    expect(text).toMatch(/^ISA\*/);
    expect(text).toContain('GS*HP*SYN');
    expect(text).toContain('ST*835*0001*005010X221A1~');
    const read = readRemittancesFromBytes(new TextEncoder().encode(text), 'demo.835');
    expect(read.problems).toEqual([]);
    const [r] = read.remittances;
    const strip = <T extends { location: string }>(x: T) => ({ ...x, location: '' });
    expect({
      ...strip(r!),
      claims: r!.claims.map((c) => ({ ...strip(c), lines: c.lines.map(strip) })),
    }).toEqual(remittance);
  });
});
