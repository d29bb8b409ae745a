import { describe, it } from 'vitest';
import { buildCourse, fx, READY_LINES, runAudit } from '../../../../test/support/course-builder.js';
import { expectFractions } from '../../../../test/support/audit-expect.js';
import { DOC_004 } from './doc-004-monitoring-record.js';

describe(`${DOC_004.id} ${DOC_004.title}`, () => {
  it('holds a fraction without a monitoring record, and only that one', () => {
    const audit = runAudit(buildCourse({ fractions: 3, edit: (c) => (fx(c, 2).monitoring = []) }));
    expectFractions(audit, {
      1: { status: 'ready', lines: READY_LINES, findings: [] },
      // DOC-005 says nothing about coverage when DOC-004 already reports the missing record.
      2: { status: 'hold', lines: READY_LINES, findings: ['DOC-004:error'] },
      3: { status: 'ready', lines: READY_LINES, findings: [] },
    });
  });

  it('holds every fraction when no monitoring was imported', () => {
    const audit = runAudit(
      buildCourse({ fractions: 2, edit: (c) => c.fractions.forEach((f) => (f.monitoring = [])) }),
    );
    const hold = { status: 'hold' as const, findings: ['DOC-004:error'] };
    expectFractions(audit, { 1: hold, 2: hold });
  });

  it('does not apply to 77407 courses (set-up-only surface guidance)', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 1,
        edit: (c) => {
          c.plan.motionManagement!.phase = 'setup-only';
          fx(c, 1).monitoring = [];
        },
      }),
    );
    expectFractions(audit, { 1: { status: 'ready', lines: ['77407', '77387-26'], findings: [] } });
  });
});
