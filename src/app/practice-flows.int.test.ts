import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/support/db-harness.js';
import { type DemoHarness, useDemoPractice } from '../../test/support/demo-harness.js';
import { setChargeStatus } from './commands/charge-status.js';
import { listRemitLines, remitSummary } from './remit/remit-lines.js';
import { signFraction } from './commands/sign-fraction.js';
import { exportList } from './exports/export-list.js';
import { enqueueImport, getImport } from './upload/import-jobs.js';
import { runOneJob } from './jobs/worker.js';
import { addContractRate } from './reference/reference-settings.js';
import { REPRICE_JOB, scheduleReprice } from './reference/reprice.js';
import { chargeHistory } from './queries/charge-history.js';
import { getCourse, listCourses } from './queries/courses.js';
import { dashboard } from './queries/dashboard.js';
import { listFractions } from './queries/fractions.js';
import { signaturesDue } from './queries/signatures-due.js';
import { DEMO_CLINIC } from './setup/demo-practice.js';
import { demoUploads } from './setup/demo-uploads.js';

/** The demo clinic's first files, generated once for both engines' upload test. */
let demoFiles: ReturnType<typeof demoUploads> | undefined;

/**
 * Issue #4, what billers and physicians do, on the demo practice, on each engine: the dashboard and
 * worklists agree with the stored fractions; a physician's sign-off clears the hold at once and the
 * charge history keeps every move; coders release and hold; exports open; uploads run as jobs.
 */
describe.each(ENGINES)('practice flows on %s', (engine) => {
  const demo = useDemoPractice(engine);
  const actor: DemoHarness['actor'] = (role, physicianId) => demo.actor(role, physicianId);

  it('shows the same fractions on the dashboard, the worklist and the course list', async () => {
    const coder = actor('coder');
    const dash = await dashboard(demo.t.ctx, coder, {});
    const all = await listFractions(demo.t.ctx, coder, { limit: 500 });
    expect(dash.fractions).toBe(all.total);
    expect(dash.byStatus.hold).toBe(all.items.filter((f) => f.status === 'hold').length);
    expect(dash.holds.count).toBeGreaterThan(0);
    expect(dash.holds.atRisk.knownCents).toBeGreaterThan(0);
    expect(dash.share77412).toBeGreaterThan(0);
    const topRule = dash.topHoldReasons[0]!;
    const byRule = await listFractions(demo.t.ctx, coder, { status: 'hold', ruleId: topRule.ruleId });
    // The filter finds every fraction carrying the rule; the dashboard counts those it holds.
    expect(byRule.total).toBeGreaterThanOrEqual(topRule.fractions);
    const courses = await listCourses(demo.t.ctx, coder, {});
    expect(courses.items.reduce((n, c) => n + c.fractions, 0)).toBe(all.total);
  });

  it('lists signatures due by next beam-on, and signing clears the hold at once', async () => {
    const { items: due } = await signaturesDue(demo.t.ctx, actor('viewer'), { limit: 500 });
    expect(due.length).toBeGreaterThan(0);
    const next = due.map((d) => d.nextBeamOn ?? '9999');
    expect(next).toEqual([...next].sort());

    // A fraction held only because its records wait for the physician, before its deadline.
    const held = await listFractions(demo.t.ctx, actor('coder'), { status: 'hold', limit: 500 });
    const onlySignatures = new Set(
      held.items.filter((f) => f.reasons.every((r) => r === 'DOC-008' || r === 'DOC-009')).map((f) => f.id),
    );
    const target = due.find((d) => !d.overdue && onlySignatures.has(d.fractionId));
    expect(target, 'a fraction held only for its signatures, before its deadline').toBeDefined();
    const course = await getCourse(demo.t.ctx, actor('coder'), target!.courseId);
    const before = course.fractionDetails.find((f) => f.id === target!.fractionId)!;
    expect(before.signable).toEqual(target!.documents);
    expect(before.beams.length).toBeGreaterThan(0);

    const signed = await signFraction(
      demo.t.ctx,
      actor('physician', target!.physicianId),
      target!.fractionId,
      target!.documents,
    );
    expect(before.status).toBe('hold');
    expect(signed.status).not.toBe('hold');
    expect(signed.signable).toEqual([]);
    expect(
      signed.signatures
        .filter((s) => s.source === 'app')
        .map((s) => s.document)
        .sort(),
    ).toEqual(target!.documents);
    expect(signed.findings.filter((f) => f.ruleId === 'DOC-008' && f.severity !== 'info')).toEqual([]);
    const { items: after } = await signaturesDue(demo.t.ctx, actor('viewer'), { limit: 500 });
    expect(after.some((d) => d.fractionId === target!.fractionId)).toBe(false);
    const charge = signed.charges.find((c) => c.status !== 'void')!;
    const history = await chargeHistory(demo.t.ctx, actor('viewer'), charge.id);
    expect(history.length).toBeGreaterThanOrEqual(1);
    await expect(
      signFraction(demo.t.ctx, actor('coder'), target!.fractionId, ['sgrt-record']),
    ).rejects.toThrow(/physician/);
  });

  it('releases ready charges, skips held ones with the reason, and holds by hand', async () => {
    const coder = actor('coder');
    // The latest ready fractions: the demo set-up released and billed those before the day before.
    const ready = await listFractions(demo.t.ctx, coder, {
      status: 'ready',
      sort: 'date',
      order: 'desc',
      limit: 2,
    });
    const held = await listFractions(demo.t.ctx, coder, { status: 'hold', limit: 1 });
    const ids = [...ready.items.map((f) => f.id), held.items[0]!.id];
    const released = await setChargeStatus(demo.t.ctx, coder, { fractionIds: ids, action: 'release' });
    expect(released.changed).toBeGreaterThanOrEqual(2);
    expect(released.skipped).toEqual([
      { fractionId: held.items[0]!.id, reason: expect.stringMatching(/^still held by the audit: /) },
    ]);
    const course = await getCourse(demo.t.ctx, coder, ready.items[0]!.courseId);
    const charges = course.fractionDetails.find((f) => f.id === ready.items[0]!.id)!.charges;
    expect(charges.filter((c) => c.status !== 'void').every((c) => c.status === 'released')).toBe(true);
    const history = await chargeHistory(demo.t.ctx, coder, charges[0]!.id);
    expect(history.map((h) => h.status)).toEqual(['ready', 'released']);
    expect(history[1]!.actor).toBe('Demo coder');

    await expect(
      setChargeStatus(demo.t.ctx, coder, { fractionIds: [ready.items[0]!.id], action: 'hold' }),
    ).rejects.toThrow(/reason/);
  });

  it('shows the demo remittance with every 2026 payer problem, matched to the charges, with the dollars', async () => {
    const summary = await remitSummary(demo.t.ctx, actor('biller'));
    const lines = Object.fromEntries(summary.byCategory.map((c) => [c.category, c.lines]));
    for (const category of [
      'downcoded',
      'igrt-professional-denied',
      'zero-paid-no-denial-code',
      'authorization-2025',
      'underpaid',
      'other-denial',
    ]) {
      expect(lines[category], category).toBeGreaterThanOrEqual(1);
    }
    expect(lines['paid-as-expected']).toBeGreaterThan(100);
    expect(summary.unmatched).toBe(0);
    // The trend holds the same lines week by week (the demo payer pays weekly), all payers and each.
    expect(summary.trends.length).toBeGreaterThanOrEqual(2);
    expect(summary.trends.reduce((n, m) => n + m.lines, 0)).toBe(
      summary.byCategory.reduce((n, c) => n + c.lines, 0),
    );
    for (const m of summary.trends) {
      expect(new Date(`${m.week}T12:00:00Z`).getUTCDay()).toBe(1); // a Monday
      expect(m.payers.reduce((n, p) => n + p.lines, 0)).toBe(m.lines);
    }
    const down = await listRemitLines(demo.t.ctx, actor('biller'), { category: 'downcoded' });
    // Medicare for the demo's synthetic locality 99901-01 (RVU26A, setup/demo-reference.ts).
    expect(down.items[0]).toMatchObject({
      code: '77407',
      submittedCode: '77412',
      paidCents: 32392,
      expectedCents: 39789,
    });
    expect(down.items[0]!.chargeId).not.toBeNull();
    const under = (await listRemitLines(demo.t.ctx, actor('biller'), { category: 'underpaid' })).items[0]!;
    expect(under.paidCents).toBe(Math.round(under.expectedCents! * 0.6));
  });

  it('exports worklists as CSV and Excel', async () => {
    const csv = await exportList(demo.t.ctx, actor('biller'), 'holds', 'csv', {});
    const text = new TextDecoder().decode(csv.body);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('Patient,MRN,Course,Fraction');
    expect(lines.length - 1).toBe(
      (await listFractions(demo.t.ctx, actor('biller'), { status: 'hold' })).total,
    );
    const remits = await exportList(demo.t.ctx, actor('biller'), 'remittances', 'csv', {});
    const remitLines = new TextDecoder().decode(remits.body).trim().split('\r\n');
    expect(remitLines[0]).toContain(
      'Payer,Payment date,Claim,Payer claim (CLP07),Claim status (CLP02),Line,Patient',
    );
    expect(remitLines.length - 1).toBe((await listRemitLines(demo.t.ctx, actor('biller'), {})).total);
    await expect(exportList(demo.t.ctx, actor('physician'), 'remittances', 'csv', {})).rejects.toThrow(
      /billing staff/,
    );
    const xlsx = await exportList(demo.t.ctx, actor('biller'), 'charges', 'xlsx', {});
    expect(xlsx.filename).toMatch(/\.xlsx$/);
    expect(Buffer.from(xlsx.body.subarray(0, 2)).toString()).toBe('PK');
  });

  it('runs an upload as a job: duplicates change nothing, unknown files are reported by name', async () => {
    demoFiles ??= demoUploads(DEMO_CLINIC, 5);
    const { files } = await demoFiles;
    const notes = { name: 'notes.txt', bytes: new TextEncoder().encode('not an export') };
    const job = await enqueueImport(demo.t.ctx, actor('coder'), [...files, notes]);
    expect(job.status).toBe('queued');
    expect(await runOneJob(demo.t.ctx, 'test-worker')).toBe(true);
    const done = await getImport(demo.t.ctx, actor('coder'), job.id);
    // A file that is not an export is refused with its reason: the upload is partial, not done.
    expect([done.status, done.error]).toEqual([
      'partial',
      '1 of 6 files refused (not an export this app reads); the others were already imported',
    ]);
    expect(done.files.map((f) => f.status)).toEqual([...Array(5).fill('duplicate'), 'skipped']);
    expect(done.files[5]!.problems[0]!.location).toBe('notes.txt');
    expect(await runOneJob(demo.t.ctx, 'test-worker')).toBe(false);
  });

  it('re-prices the stored remittance lines in a job after a contract rate changes the expectation', async () => {
    const biller = actor('biller');
    const under = (await listRemitLines(demo.t.ctx, biller, { category: 'underpaid' })).items[0]!;
    // The payer's contract pays what this (one-unit) line paid: it is no longer underpaid once re-priced.
    await addContractRate(demo.t.ctx, actor('admin'), {
      payer: under.payer!,
      code: under.submittedCode,
      modifier: under.modifiers.includes('26') ? '26' : '',
      cents: under.paidCents,
      effectiveFrom: '2026-01-01',
    });
    await scheduleReprice(demo.t.ctx, [demo.practiceId], actor('admin').userId);
    await scheduleReprice(demo.t.ctx, [demo.practiceId], actor('admin').userId); // still queued: not twice
    const queued = await demo.t.ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('practice_id', '=', demo.practiceId)
      .where('kind', '=', REPRICE_JOB)
      .where('status', '=', 'queued')
      .execute();
    expect(queued).toHaveLength(1);
    expect(await runOneJob(demo.t.ctx, 'test-worker')).toBe(true);
    const job = await demo.t.ctx.db
      .selectFrom('jobs')
      .select(['status', 'result'])
      .where('id', '=', queued[0]!.id)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    const same = (await listRemitLines(demo.t.ctx, biller, { limit: 500 })).items.find(
      (l) => l.claim === under.claim && l.line === under.line,
    )!;
    expect(same.expectedCents).toBe(under.paidCents);
    expect(same.category).toBe('paid-as-expected');
  });
});
