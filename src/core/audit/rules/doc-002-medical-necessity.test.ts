import { describe, expect, it } from 'vitest';
import {
  buildCourse,
  GOOD_NECESSITY,
  READY_LINES,
  runAudit,
  signedAt,
  type SignatureInput,
} from '../../../../test/support/course-builder.js';
import { expectFractions, findingOf } from '../../../../test/support/audit-expect.js';
import { DOC_002 } from './doc-002-medical-necessity.js';

const SIGNED = signedAt('2026-02-27T16:45:00');
const GENERIC =
  'Deep inspiration breath hold reduces cardiac dose during breast radiotherapy and is the standard of care at our institution for all patients.';

describe(`${DOC_002.id} ${DOC_002.title}`, () => {
  const holds: { name: string; text: string | null; problem: string }[] = [
    { name: 'no statement', text: null, problem: 'missing' },
    { name: 'blank statement', text: '   ', problem: 'missing' },
    { name: '"DIBH" alone', text: 'DIBH', problem: 'dibh-only' },
    { name: 'one boilerplate sentence', text: 'Patient will be treated with DIBH.', problem: 'dibh-only' },
    { name: 'a short text that never names DIBH', text: 'test by another physician', problem: 'too-short' },
    { name: 'a short SGRT-only text', text: 'Patient will be treated with SGRT.', problem: 'too-short' },
    { name: 'check-box text', text: '[x] DIBH  [x] SGRT  [ ] abdominal compression', problem: 'template' },
    {
      name: 'template with a [patient] placeholder',
      text: 'Left breast cancer; [patient] heart is within 1 cm of the tangent fields, so DIBH with AlignRT is used.',
      problem: 'template',
    },
    {
      name: 'template with a ___ blank',
      text: 'Left breast cancer; mean heart dose ___ Gy free breathing vs 1.3 Gy in DIBH, AlignRT tolerance 3 mm.',
      problem: 'template',
    },
    { name: 'generic text without patient facts', text: GENERIC, problem: 'not-patient-specific' },
  ];

  it.each(holds)('$name → hold on every fraction ($problem)', ({ text, problem }) => {
    const audit = runAudit(
      buildCourse({
        fractions: 2,
        edit: (c) =>
          (c.necessity = text === null ? null : { documentId: 'DOC-NEC-1', text, signature: SIGNED }),
      }),
    );
    const hold = { status: 'hold' as const, lines: READY_LINES, findings: ['DOC-002:error'] };
    expectFractions(audit, { 1: hold, 2: hold });
    expect(findingOf(audit, 1, 'DOC-002').evidence).toEqual({ problem });
  });

  const signatures: { name: string; signature: SignatureInput | null; findings: string[] }[] = [
    { name: 'signed by the physician', signature: SIGNED, findings: [] },
    { name: 'not signed', signature: null, findings: ['DOC-002:warning'] },
    {
      name: 'signed by a physicist',
      signature: signedAt('2026-02-27T16:45:00', undefined, 'physicist'),
      findings: ['DOC-002:warning'],
    },
  ];

  it.each(signatures)('patient-specific statement $name → ready', ({ signature, findings }) => {
    const audit = runAudit(
      buildCourse({
        fractions: 2,
        edit: (c) => (c.necessity = { documentId: 'DOC-NEC-1', text: GOOD_NECESSITY, signature }),
      }),
    );
    expectFractions(audit, {
      1: { status: 'ready', lines: READY_LINES, findings },
      2: { status: 'ready', lines: READY_LINES, findings },
    });
  });

  // Seed, "Documentation Requirements": a paragraph tailored to the patient; a dose "in N fractions" that
  // is not the plan's count describes another course.
  it.each([
    ['40.05 Gy in 15 fractions', null],
    ['30 Gy in 10 fractions followed by a boost of 10 Gy in 5 fractions', null],
    ['30 Gy in 10 fractions then a 10 Gy boost (15 fractions in all)', null],
    ['50 Gy in 20 fractions', /says "50 Gy in 20 fractions", but the course's plan has 15 fractions/],
    ['4005 cGy / 16 fx', /says "4005 cGy \/ 16 fx", but the course's plan has 15 fractions/],
  ])('a signed statement stating %s on a 15-fraction plan', (dose, message) => {
    const audit = runAudit(
      buildCourse({
        fractions: 2,
        edit: (c) =>
          (c.necessity = {
            documentId: 'DOC-NEC-1',
            text: GOOD_NECESSITY.replace('40.05 Gy in 15 fractions', dose),
            signature: SIGNED,
          }),
      }),
    );
    const findings = message ? ['DOC-002:warning'] : [];
    expectFractions(audit, { 1: { status: 'ready', lines: READY_LINES, findings } });
    if (message) expect(findingOf(audit, 1, 'DOC-002').message).toMatch(message);
  });
});
