import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { seedPractice, type SeededPractice } from '../../../test/support/seed-rows.js';
import { testContext, type TestContext } from '../../../test/support/test-context.js';
import { file835, paymentHeader, set835 } from '../../../test/support/x12/remit-835-examples.js';
import type { Course } from '../../core/model/course.js';
import { readRemittancesFromBytes } from '../../formats/x12/read-835.js';
import type { Actor } from '../app-context.js';
import { saveAuthorizations } from '../../storage/repositories/authorization-store.js';
import { savePayerSetting } from '../reference/reference-settings.js';
import { listRemitLines, remitSummary } from './remit-lines.js';
import { listRemitPayments } from './remit-payments.js';
import { replaceRemittances } from '../../../test/support/stored-remittances.js';

/**
 * Storing remittances as a biller works them, on each engine: lines matched to the seeded course's
 * charge (REF*6R), the patient's other coverage deciding whether a secondary claim is due, a claim
 * without service lines kept as line 0, reversals paired across files and netted, payments with their
 * PLB reconciled, appeal dates by payer kind. 835s written by hand in the TR3 layout.
 */
describe.each(ENGINES)('storeRemitLines on %s', { timeout: 30_000 }, (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let a: SeededPractice;
  let b: SeededPractice;
  let dos: string;
  const biller = (p: SeededPractice): Actor => ({
    userId: p.users.biller.id,
    practiceId: p.practiceId,
    role: 'biller',
    displayName: 'biller',
    physicianId: null,
  });
  const admin = (p: SeededPractice): Actor => ({ ...biller(p), userId: p.users.admin.id, role: 'admin' });

  /** A claim of the seeded course (CLP01 `C-A-1-…` names course C-A-1) paying its charge (REF*6R). */
  const claim = (pcn: string, status: string, paid: string, cas: string[], extra: string[] = []) =>
    [
      `CLP*${pcn}*${status}*${status === '22' ? '-600' : '600'}*${paid}*0*12*PCC-${pcn}*11*1`,
      'NM1*QC*1*DOE*JANE****MI*MEMBER01',
      `DTM*232*${dos.replaceAll('-', '')}`,
      ...extra,
    ].concat(
      cas.length
        ? [
            `SVC*HC:77412*${status === '22' ? '-600' : '600'}*${paid}**1`,
            `DTM*472*${dos.replaceAll('-', '')}`,
            ...cas,
            `REF*6R*${a.chargeId}`,
          ]
        : [],
    );
  const store = async (p: SeededPractice, files: Record<string, string>) => {
    const remittances = Object.entries(files).flatMap(([name, text]) =>
      readRemittancesFromBytes(new TextEncoder().encode(text), name).remittances.map((remittance) => ({
        source: name,
        remittance,
      })),
    );
    return tdb.db
      .transaction()
      .execute((trx) => replaceRemittances(t.ctx, trx, p.practiceId, remittances, '11'));
  };
  const setCoverage = async (patch: Partial<Course['patient']>) => {
    const row = await tdb.db
      .selectFrom('courses')
      .select('document')
      .where('id', '=', a.courseId)
      .executeTakeFirstOrThrow();
    const doc = row.document as Course;
    await tdb.db
      .updateTable('courses')
      .set({ document: JSON.stringify({ ...doc, patient: { ...doc.patient, ...patch } }) })
      .where('id', '=', a.courseId)
      .execute();
  };
  const rows = (p: SeededPractice) =>
    tdb.db
      .selectFrom('remit_lines')
      .selectAll()
      .where('practice_id', '=', p.practiceId)
      .orderBy('payment_date')
      .orderBy('claim_pcn')
      .orderBy('line_no')
      .execute();

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    t = await testContext(tdb);
    a = await seedPractice(tdb.db, 'a');
    b = await seedPractice(tdb.db, 'b');
    dos = (
      await tdb.db
        .selectFrom('fractions')
        .select('date_of_service')
        .where('id', '=', a.fractionId)
        .executeTakeFirstOrThrow()
    ).date_of_service;
  }, 60_000);
  afterAll(async () => tdb?.close());

  it('a deductible line of a patient with secondary coverage: a secondary claim is due, unless the payer forwarded it', async () => {
    await setCoverage({
      otherCoverage: [{ order: 'secondary', payerName: 'SECOND MUTUAL', memberId: 'SM-1' }],
    });
    const april = file835(
      set835('0001', [
        ...paymentHeader('0.00', 'TRN-DEDUCTIBLE'),
        'LX*1',
        ...claim('C-A-1-01', '1', '0', ['CAS*CO*45*180', 'CAS*PR*1*420']),
        ...claim(
          'C-A-1-02',
          '19',
          '0',
          ['CAS*CO*45*180', 'CAS*PR*1*420'],
          ['NM1*TT*2*SECOND MUTUAL*****PI*SM01'],
        ),
      ]),
    );
    await store(a, { 'april.835': april });
    const [due, forwarded] = await rows(a);
    expect(due).toMatchObject({
      category: 'patient-responsibility',
      queue: 'secondary-claim',
      flags: 'secondary-claim-due',
      charge_id: a.chargeId,
      course_id: a.courseId,
      claim_status: '1',
      payer_claim_control_number: 'PCC-C-A-1-01',
    });
    expect(Number(due!.patient_responsibility_cents)).toBe(42000);
    expect(Number(due!.open_cents)).toBe(42000);
    expect(forwarded).toMatchObject({ queue: 'bill-patient-or-secondary', flags: '', claim_status: '19' });
    await setCoverage({ otherCoverage: undefined });
  });

  it('keeps a claim answered without service lines as line 0 of its course, with its claim remarks', async () => {
    const text = file835(
      set835('0001', [
        ...paymentHeader('0.00', 'TRN-CLAIM-ONLY'),
        'LX*1',
        'CLP*C-A-1-03*4*600*0*0*12*PCC-3*11*1',
        'NM1*QC*1*DOE*JANE****MI*MEMBER01',
        'MOA***MA130*N290',
        `DTM*232*${dos.replaceAll('-', '')}`,
        'CAS*CO*16*600',
      ]),
    );
    await store(a, { 'claim-only.835': text });
    const [line] = await rows(a);
    expect(line).toMatchObject({
      line_no: 0,
      category: 'missing-information',
      queue: 'corrected-claim',
      remarks: 'MA130,N290',
      course_id: a.courseId,
      patient_id: a.patientId,
      charge_id: null,
      // MA130: unprocessable, no appeal rights (CMS IOM 100-04 ch. 1 §80.3): a new claim, no appeal date.
      appeal_by: null,
    });
    const page = await listRemitLines(t.ctx, biller(a), { queue: 'corrected-claim' });
    expect(page.items[0]!.remarks).toEqual([
      { code: 'MA130', meaning: expect.any(String) },
      { code: 'N290', meaning: expect.stringMatching(/rendering provider/) },
    ]);
  });

  it('pairs a take-back with the payment of an earlier file, line by line; the pair nets out in every total', async () => {
    const header = (paid: string, trace: string, date: string) =>
      paymentHeader(paid, trace).map((s) => s.replaceAll('20260410', date));
    const march = file835(
      set835('0001', [
        ...header('400.00', 'TRN-MAR', '20260320'),
        'LX*1',
        ...claim('C-A-1-04', '1', '400', ['CAS*CO*45*200']),
      ]),
    );
    const april = file835(
      set835('0001', [
        ...header('50.00', 'TRN-APR', '20260417'),
        'LX*1',
        ...claim('C-A-1-04', '22', '-400', ['CAS*CO*45*-200']),
        ...claim('C-A-1-04', '1', '450', ['CAS*CO*45*150']).map((s) =>
          s.startsWith('CLP') ? s.replace('PCC-C-A-1-04', 'PCC-C-A-1-04B') : s,
        ),
      ]),
    );
    // The later file first: pairing goes by payment date, not by the order files come in.
    await store(a, { 'april.835': april, 'march.835': march });
    const stored = await rows(a);
    const [original, takeBack, correction] = [
      stored.find((r) => r.payment_date === '2026-03-20')!,
      stored.find((r) => r.claim_status === '22')!,
      stored.find((r) => r.payer_claim_control_number === 'PCC-C-A-1-04B')!,
    ];
    expect([original.reversal_role, takeBack.reversal_role, correction.reversal_role]).toEqual([
      'reversed',
      'take-back',
      'correction',
    ]);
    expect(original.reversal_partner_id).toBe(takeBack.id);
    expect(takeBack.reversal_partner_id).toBe(original.id);
    expect(correction.reversal_partner_id).toBe(original.id);
    expect([original.category, takeBack.category, correction.category]).toEqual([
      'reversal',
      'reversal',
      'paid-as-expected',
    ]);
    const page = await listRemitLines(t.ctx, biller(a), { category: 'reversal' });
    expect(page.items.map((i) => i.reversal)).toEqual(
      expect.arrayContaining([
        {
          role: 'take-back',
          partner: expect.objectContaining({ id: original.id, paidCents: 40000 }),
          netCents: 0,
        },
        {
          role: 'reversed',
          partner: expect.objectContaining({ id: takeBack.id, paidCents: -40000 }),
          netCents: 0,
        },
      ]),
    );
    const summary = await remitSummary(t.ctx, biller(a));
    expect(summary.byCategory.find((c) => c.category === 'reversal')).toMatchObject({
      lines: 2,
      paidCents: 0,
      takenBackCents: 0,
      shortCents: 0,
    });
    expect(summary.byCategory.find((c) => c.category === 'paid-as-expected')).toMatchObject({
      paidCents: 45000,
    });
    // No week and no payer shows a negative payment.
    for (const w of summary.trends) expect(w.paidCents).toBeGreaterThanOrEqual(0);
    expect(summary.payers.map((p) => p.paidCents)).toEqual([45000]);

    // Without March's file the take-back has nothing to net with: taken back, reviewed, never income.
    await store(a, { 'april.835': april });
    const alone = await remitSummary(t.ctx, biller(a));
    expect(alone.byCategory.find((c) => c.category === 'reversal')).toMatchObject({
      lines: 1,
      paidCents: 0,
      takenBackCents: 40000,
    });
    expect(alone.queues.find((q) => q.queue === 'reversal-review')).toMatchObject({
      lines: 1,
      openCents: 40000,
    });
  });

  it('a later import keeps every line id: a saved letter still answers the same line, with its claim', async () => {
    const header = (paid: string, trace: string, date: string) =>
      paymentHeader(paid, trace).map((s) => s.replaceAll('20260410', date));
    const march = file835(
      set835('0001', [
        ...header('700.00', 'TRN-KEEP-MAR', '20260320'),
        'LX*1',
        ...claim('C-A-1-31', '1', '400', ['CAS*CO*45*200']),
        ...claim('C-A-1-32', '1', '300', ['CAS*CO*45*300']),
      ]),
    );
    // A take-back of the first claim and a new adjudication: ids must not move (the letter would switch lines).
    const april = file835(
      set835('0001', [
        ...header('50.00', 'TRN-KEEP-APR', '20260417'),
        'LX*1',
        ...claim('C-A-1-31', '22', '-400', ['CAS*CO*45*-200']),
        ...claim('C-A-1-31', '1', '450', ['CAS*CO*45*150']).map((s) =>
          s.startsWith('CLP') ? s.replace('PCC-C-A-1-31', 'PCC-C-A-1-31B') : s,
        ),
      ]),
    );
    await store(a, { 'keep-march.835': march });
    const before = await rows(a);
    const appealed = before.find((r) => r.claim_pcn === 'C-A-1-32')!;
    await tdb.db
      .updateTable('letters')
      .set({ remit_line_id: appealed.id })
      .where('id', '=', a.letterId)
      .execute();
    await store(a, { 'keep-april.835': april, 'keep-march.835': march });
    const after = await rows(a);
    for (const old of before) {
      expect(after.find((r) => r.id === old.id)).toMatchObject({
        claim_pcn: old.claim_pcn,
        line_no: old.line_no,
        code: old.code,
        payment_date: old.payment_date,
        payer_claim_control_number: old.payer_claim_control_number,
      });
    }
    expect(after).toHaveLength(4);
    const letter = await tdb.db
      .selectFrom('letters')
      .select('remit_line_id')
      .where('id', '=', a.letterId)
      .executeTakeFirstOrThrow();
    expect(letter.remit_line_id).toBe(appealed.id);
    // The pair still names each other by the kept ids.
    const takeBack = after.find((r) => r.claim_status === '22')!;
    const original = before.find((r) => r.claim_pcn === 'C-A-1-31')!;
    expect(takeBack.reversal_partner_id).toBe(original.id);
    await tdb.db.updateTable('letters').set({ remit_line_id: null }).where('id', '=', a.letterId).execute();
  });

  it('keeps each payment with its PLB and its reconciliation; another practice sees none of them', async () => {
    const balanced = file835(
      set835('0001', [
        ...paymentHeader('362.40', 'TRN-PLB'),
        'LX*1',
        ...claim('C-A-1-05', '1', '500', ['CAS*CO*45*100']),
        'PLB*1234567893*20261231*L6:PCC-C-A-1-05*-12.40*WO:OLDCLAIM*150.00',
      ]),
    );
    const short = file835(
      set835('0001', [
        ...paymentHeader('480.00', 'TRN-SHORT'),
        'LX*1',
        ...claim('C-A-1-06', '1', '500', ['CAS*CO*45*100']),
      ]),
    );
    await store(a, { 'plb.835': balanced, 'short.835': short });
    const page = await listRemitPayments(t.ctx, biller(a), {});
    expect(
      page.items.map((p) => [
        p.traceNumber,
        p.paidCents,
        p.claimsPaidCents,
        p.providerAdjustmentCents,
        p.differenceCents,
        p.balanced,
      ]),
    ).toEqual([
      ['TRN-PLB', 36240, 50000, 13760, 0, true],
      ['TRN-SHORT', 48000, 50000, 0, 2000, false],
    ]);
    expect(page.items[0]!.providerAdjustments).toEqual([
      { reason: 'L6', reference: 'PCC-C-A-1-05', amountCents: -1240, meaning: 'interest paid by the payer' },
      {
        reason: 'WO',
        reference: 'OLDCLAIM',
        amountCents: 15000,
        meaning: expect.stringMatching(/recoupment/),
      },
    ]);
    expect(
      (await listRemitPayments(t.ctx, biller(a), { unbalanced: true })).items.map((p) => p.traceNumber),
    ).toEqual(['TRN-SHORT']);
    expect(await listRemitPayments(t.ctx, biller(b), {})).toEqual({ items: [], total: 0 });
    // Lines point at their payment; re-importing replaces both.
    const lines = await rows(a);
    expect(new Set(lines.map((l) => l.payment_id)).size).toBe(2);
  });

  it('a payment with a damaged claim: the good claim is stored, the refused one explains the difference', async () => {
    const damaged = claim('C-A-1-08', '1', '300', ['CAS*CO*45*300']).map((seg) =>
      seg.startsWith('SVC*') ? seg.replace('SVC', 'SVX') : seg,
    );
    const text = file835(
      set835('0001', [
        ...paymentHeader('800.00', 'TRN-DAMAGED'),
        'LX*1',
        ...claim('C-A-1-07', '1', '500', ['CAS*CO*45*100']),
        ...damaged,
      ]),
    );
    await store(a, { 'damaged.835': text });
    const stored = await rows(a);
    expect(stored.map((l) => l.claim_pcn)).toEqual(['C-A-1-07']);
    const [payment] = (await listRemitPayments(t.ctx, biller(a), {})).items;
    const at = 'damaged.835:ISA[1]/GS[1]/ST[1]/2100[2]';
    expect(payment).toMatchObject({
      claimsPaidCents: 50000,
      differenceCents: -30000,
      balanced: false,
      refusedClaims: [{ location: at, paidCents: 30000 }],
      differenceReason: `the claim refused at ${at} (CLP04 $300.00), not counted in Σ CLP04, accounts for the difference`,
    });
  });

  /** A payment denying one claim (CLP02 4, CO-50) whose CLP06 claim filing indicator is `filing`. */
  const denialOf = (trace: string, pcn: string, filing: string) =>
    file835(
      set835('0001', [
        ...paymentHeader('0.00', trace),
        'LX*1',
        ...claim(pcn, '4', '0', ['CAS*CO*50*600']).map((seg) => seg.replace('*0*12*', `*0*${filing}*`)),
      ]),
    );

  it('appeal dates follow the payer: Medicare Part B 120 days, others 180, a payer setting wins', async () => {
    // CLP06 left empty: the payer's kind then comes from the patient's coverage (SBR09).
    const denial = denialOf('TRN-DENIED', 'C-A-1-07', '');
    const appealBy = async () => (await rows(a))[0]!.appeal_by;
    await store(a, { 'denied.835': denial });
    expect(await appealBy()).toBe('2026-10-07'); // 2026-04-10 + 180
    await setCoverage({ claimFilingIndicator: 'MB' });
    await store(a, { 'denied.835': denial });
    expect(await appealBy()).toBe('2026-08-08'); // + 120: Medicare Part B redetermination
    // The 835's own CLP06 (CI commercial) wins over the patient's SBR09.
    await store(a, { 'denied.835': denial.replace('*0**PCC', '*0*CI*PCC') });
    expect(await appealBy()).toBe('2026-10-07');
    // A Medicare CLP06 keeps its 120 days when another payer's setting recomputes the stored dates.
    await setCoverage({ claimFilingIndicator: 'CI' });
    await store(a, { 'denied.835': denial.replace('*0**PCC', '*0*MB*PCC') });
    expect(await appealBy()).toBe('2026-08-08');
    await savePayerSetting(t.ctx, admin(a), { payer: 'ANOTHER PLAN', appealDays: 60 });
    expect(await appealBy()).toBe('2026-08-08');
    await store(a, { 'denied.835': denial });
    await savePayerSetting(t.ctx, admin(a), { payer: 'EXAMPLE HEALTH PLAN', appealDays: 90 });
    expect(await appealBy()).toBe('2026-07-09'); // the setting moves stored dates at once
    const summary = await remitSummary(t.ctx, biller(a));
    expect(summary.queues.find((q) => q.queue === 'appeal')).toEqual({
      queue: 'appeal',
      lines: 1,
      openCents: expect.any(Number),
      withoutRate: expect.any(Number),
      soonestAppealBy: '2026-07-09',
      overdue: 0,
    });
  });

  it('a payer declared Medicare Advantage: 60 days to ask for a reconsideration, its own window first', async () => {
    // CLP06 HM (HMO): a commercial HMO and a Medicare Advantage plan both send it.
    const denial = denialOf('TRN-MA', 'C-A-1-09', 'HM');
    const appealBy = async () => (await rows(a)).find((l) => l.claim_pcn === 'C-A-1-09')!.appeal_by;
    await savePayerSetting(t.ctx, admin(a), { payer: 'EXAMPLE HEALTH PLAN', appealDays: null });
    await store(a, { 'ma.835': denial });
    expect(await appealBy()).toBe('2026-10-07'); // 2026-04-10 + 180: nothing says it is Medicare Advantage
    await savePayerSetting(t.ctx, admin(a), {
      payer: 'EXAMPLE HEALTH PLAN',
      payerKind: 'medicare-advantage',
    });
    expect(await appealBy()).toBe('2026-06-09'); // + 60 (CMS Part C reconsideration), stored dates moved at once
    await store(a, { 'ma.835': denial });
    expect(await appealBy()).toBe('2026-06-09');
    // The practice's own window for that payer still wins.
    await savePayerSetting(t.ctx, admin(a), {
      payer: 'EXAMPLE HEALTH PLAN',
      payerKind: 'medicare-advantage',
      appealDays: 60,
    });
    expect(await appealBy()).toBe('2026-06-09');
  });

  it("a claim's REF*G1 is matched to an authorization on file for a patient with no course; another practice's is not", async () => {
    // Exported for a patient the practice has no course for yet (the import lists the record as unlinked).
    const authorization = (number: string, obtainedOn: string, validFrom: string) => ({
      patientMrn: 'MRN-NO-COURSE',
      payer: 'EXAMPLE HEALTH PLAN',
      number,
      codes: ['77412'],
      fractionsAuthorized: 25,
      obtainedOn,
      validFrom,
      validTo: '2026-06-30',
    });
    await tdb.db.transaction().execute(async (trx) => {
      await saveAuthorizations(trx, a.practiceId, [authorization('ADV-25-0002', '2025-11-25', '2025-12-01')]);
      await saveAuthorizations(trx, b.practiceId, [authorization('ADV-26-0009', '2026-01-02', '2026-01-05')]);
    });
    const denied = (pcn: string, number: string) => [
      `CLP*${pcn}*4*600*0*0*12*PCC-${pcn}*11*1`,
      'NM1*QC*1*ROE*RICHARD****MI*MEMBER09',
      `REF*G1*${number}`,
      'SVC*HC:77412*600*0**1',
      'DTM*472*20260305',
      'CAS*CO*197*600',
    ];
    await store(a, {
      'auth.835': file835(
        set835('0001', [
          ...paymentHeader('0.00', 'TRN-AUTH-ON-FILE'),
          'LX*1',
          ...denied('ZZ-900-1', ' adv-25-0002'),
          ...denied('ZZ-900-2', 'ADV-26-0009'),
        ]),
      ),
    });
    const byPcn = new Map((await rows(a)).map((l) => [l.claim_pcn, l]));
    expect(byPcn.get('ZZ-900-1')).toMatchObject({ category: 'authorization-2025', charge_id: null });
    expect(byPcn.get('ZZ-900-1')!.message).not.toMatch(/not in the practice's authorizations/);
    expect(byPcn.get('ZZ-900-2')).toMatchObject({ category: 'authorization-denial' });
    expect(byPcn.get('ZZ-900-2')!.message).toMatch(
      /ADV-26-0009, which is not in the practice's authorizations/,
    );
  });
});
