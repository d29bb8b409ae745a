import { describe, expect, it } from 'vitest';
import {
  buildCourse,
  type CourseInput,
  DOWNGRADED_LINES,
  READY_LINES,
  runAudit,
  signedAt,
} from '../../../../test/support/course-builder.js';
import {
  expectFractions,
  type FractionExpectation,
  findingOf,
  READY,
} from '../../../../test/support/audit-expect.js';
import { DOC_001 } from './doc-001-motion-management-order.js';

const HOLD: FractionExpectation = { status: 'hold', lines: READY_LINES, findings: ['DOC-001:error'] };
const DOWNGRADE: FractionExpectation = {
  status: 'downgrade',
  lines: DOWNGRADED_LINES,
  findings: ['DOC-001:error'],
};

describe(`${DOC_001.id} ${DOC_001.title}`, () => {
  // Three fractions: Mon 2026-03-02, Tue 03-03, Wed 03-04, first beam-on 08:15 New York.
  const cases: {
    name: string;
    edit: (c: CourseInput) => void;
    expected: Record<number, FractionExpectation>;
  }[] = [
    { name: 'signed order before the course', edit: () => {}, expected: { 1: READY, 2: READY, 3: READY } },
    { name: 'no order at all', edit: (c) => (c.orders = []), expected: { 1: HOLD, 2: HOLD, 3: HOLD } },
    {
      name: 'only an image-guidance order',
      edit: (c) => (c.orders = [{ ...c.orders![0]!, id: 'ORD-IGRT-1', kind: 'image-guidance' }]),
      expected: { 1: HOLD, 2: HOLD, 3: HOLD },
    },
    {
      name: 'order not signed',
      edit: (c) => (c.orders![0]!.signature = null),
      expected: { 1: HOLD, 2: HOLD, 3: HOLD },
    },
    {
      name: 'order signed by a therapist',
      edit: (c) => (c.orders![0]!.signature = signedAt('2026-02-27T16:40:00', undefined, 'therapist')),
      expected: { 1: HOLD, 2: HOLD, 3: HOLD },
    },
    {
      name: 'order signed after fraction 1, before fraction 2 (downgrade fraction 1 only)',
      edit: (c) => (c.orders![0]!.signature = signedAt('2026-03-03T08:00:00')),
      expected: { 1: DOWNGRADE, 2: READY, 3: READY },
    },
    {
      name: 'order signed between the two beams of fraction 2 (the fraction started without it)',
      edit: (c) => (c.orders![0]!.signature = signedAt('2026-03-03T08:17:00')),
      expected: { 1: DOWNGRADE, 2: DOWNGRADE, 3: READY },
    },
    {
      name: 'order signed exactly at the first beam-on counts as on time',
      edit: (c) => (c.orders![0]!.signature = signedAt('2026-03-02T08:15:00')),
      expected: { 1: READY, 2: READY, 3: READY },
    },
    {
      name: 'an unsigned order and a signed one: the signed one counts',
      edit: (c) => c.orders!.unshift({ id: 'ORD-AMM-0', kind: 'motion-management', signature: null }),
      expected: { 1: READY, 2: READY, 3: READY },
    },
    {
      name: 'two signed orders: the earliest signature counts',
      edit: (c) =>
        c.orders!.push({
          id: 'ORD-AMM-2',
          kind: 'motion-management',
          signature: signedAt('2026-03-04T10:00:00'),
        }),
      expected: { 1: READY, 2: READY, 3: READY },
    },
  ];

  it.each(cases)('$name', ({ edit, expected }) => {
    expectFractions(runAudit(buildCourse({ fractions: 3, edit })), expected);
  });

  it('cites the order and the beam-on as instants when signed late', () => {
    const audit = runAudit(
      buildCourse({ fractions: 3, edit: (c) => (c.orders![0]!.signature = signedAt('2026-03-03T08:00:00')) }),
    );
    expect(findingOf(audit, 1, 'DOC-001').evidence).toEqual({
      orderId: 'ORD-AMM-1',
      orderSignedAt: '2026-03-03T13:00:00.000Z',
      firstBeamOn: '2026-03-02T13:15:00.000Z',
    });
  });

  it('is not applied when 77412 does not rest on motion management (no order needed for 77407)', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 1,
        edit: (c) => {
          c.orders = [];
          c.plan.motionManagement = null;
        },
      }),
    );
    expectFractions(audit, { 1: { status: 'ready', lines: ['77407', '77387-26'], findings: [] } });
    expect(audit.findings.map((f) => f.ruleId)).not.toContain('DOC-003');
  });
});
