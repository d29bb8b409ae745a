import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { testContext, type TestContext } from '../../../test/support/test-context.js';
import { readClaims837FromBytes } from '../../formats/x12/read-837.js';
import type { Claim837 } from '../../formats/x12/read-837-types.js';
import { splitX12 } from '../../../test/support/x12/split-x12.js';
import type { Actor } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { setChargeStatus } from '../commands/charge-status.js';
import { importFiles } from '../import-pipeline/import-files.js';
import { createPractice } from '../setup/create-practice.js';
import { DEMO_BILLING } from '../setup/demo-billing.js';
import { demoUploads } from '../setup/demo-uploads.js';
import { claimBatchFile } from './claim-batches.js';
import { claimHistory, sendClaimVersion, sendSecondaryClaim } from './claim-versions.js';
import { createClaimBatch } from './create-claim-batch.js';

const actor = (practiceId: string): Actor => ({
  userId: 'user-biller',
  practiceId,
  role: 'biller',
  displayName: 'Biller',
  physicianId: null,
});

const money = (cents: number) => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const d8 = (date: string) => date.replaceAll('-', '');

/**
 * The primary payer's 835 answering one claim, written by hand from the 005010X221A1 segment layout
 * (BPR, TRN, N1*PR/PE, LX, CLP02 1 with CLP07, NM1*QC, SVC with DTM*472, CAS CO-45 and PR-2, REF*6R,
 * AMT*B6): each line paid 80 %, 10 % contractual, 10 % coinsurance.
 */
function answer835(claim: Claim837, ccn: string): string {
  const lines = claim.lines.map((l) => {
    const co = Math.floor(l.chargeCents / 10);
    const pr = Math.floor(l.chargeCents / 10);
    return { l, co, pr, paid: l.chargeCents - co - pr };
  });
  const paid = lines.reduce((n, x) => n + x.paid, 0);
  const pr = lines.reduce((n, x) => n + x.pr, 0);
  const body = [
    `BPR*I*${money(paid)}*C*ACH*CCP*01*999999999*DA*123456*1999999999**01*999999999*DA*654321*20260410`,
    'TRN*1*TRACE-CV-1*1999999999',
    'DTM*405*20260410',
    'N1*PR*UNITEDHEALTHCARE SYNTHETIC*XV*SYNUHC01',
    'N3*1 PAYER WAY',
    'N4*TESTVILLE*NY*10001',
    'N1*PE*DEMO RADIATION ONCOLOGY*XX*1999999984',
    'LX*1',
    `CLP*${claim.patientControlNumber}*1*${money(claim.totalChargeCents)}*${money(paid)}*${money(pr)}*12*${ccn}`,
    `NM1*QC*1*PATIENT*SYNTHETIC****MI*${claim.memberId}`,
    ...lines.flatMap(({ l, co, pr: p, paid: linePaid }) => [
      `SVC*HC:${[l.procedure!.code, ...l.procedure!.modifiers].join(':')}*${money(l.chargeCents)}*${money(linePaid)}**${l.units}`,
      `DTM*472*${d8(l.dateOfService!)}`,
      `CAS*CO*45*${money(co)}`,
      `CAS*PR*2*${money(p)}`,
      `REF*6R*${l.lineControlNumber}`,
      `AMT*B6*${money(linePaid + p)}`,
    ]),
  ];
  return envelope('SYNUHC01', '901', body);
}

/**
 * The secondary payer's 835 to the same claim (CLP02 2 processed as secondary, its own CLP07): each line
 * pays the coinsurance the primary left, the rest under OA-23 (impact of prior payer adjudication).
 */
function secondary835(claim: Claim837, ccn: string): string {
  const lines = claim.lines.map((l) => ({ l, paid: Math.floor(l.chargeCents / 10) }));
  const paid = lines.reduce((n, x) => n + x.paid, 0);
  const body = [
    `BPR*I*${money(paid)}*C*ACH*CCP*01*999999999*DA*123456*1999999998**01*999999999*DA*654321*20260420`,
    'TRN*1*TRACE-CV-2*1999999998',
    'N1*PR*SYNTHETIC COMMERCIAL PPO*XV*SYNPPO01',
    'N1*PE*DEMO RADIATION ONCOLOGY*XX*1999999984',
    'LX*1',
    `CLP*${claim.patientControlNumber}*2*${money(claim.totalChargeCents)}*${money(paid)}**12*${ccn}`,
    `NM1*QC*1*PATIENT*SYNTHETIC****MI*SYNSEC01`,
    ...lines.flatMap(({ l, paid: linePaid }) => [
      `SVC*HC:${[l.procedure!.code, ...l.procedure!.modifiers].join(':')}*${money(l.chargeCents)}*${money(linePaid)}**${l.units}`,
      `DTM*472*${d8(l.dateOfService!)}`,
      `CAS*OA*23*${money(l.chargeCents - linePaid)}`,
      `REF*6R*${l.lineControlNumber}`,
    ]),
  ];
  return envelope('SYNPPO01', '902', body);
}

/** ISA/GS/ST … SE/GE/IEA around one 835 body. */
function envelope(sender: string, control: string, body: string[]): string {
  const segments = [
    `ISA*00*          *00*          *ZZ*${sender.padEnd(15)}*ZZ*DEMOPRACTICE   *260410*1200*^*00501*000000${control}*0*T*:`,
    `GS*HP*${sender}*DEMOPRACTICE*20260410*1200*${control}*X*005010X221A1`,
    'ST*835*0001',
    ...body,
    `SE*${body.length + 2}*0001`,
    `GE*1*${control}`,
    `IEA*1*000000${control}`,
  ];
  return segments.map((s) => `${s}~\n`).join('');
}

const cents = (x: string | undefined) => Math.round(Number(x) * 100);

/**
 * Corrected, void and secondary claims (837 TR3 CLM05-3 7/8 with REF*F8; 2320/2330/2430): from a claim
 * of a batch and the payer's 835 answering it, on both engines; the claim's history shows each version
 * and what the payer said.
 */
describe.each(ENGINES)('claim versions on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let practiceId = '';
  let claim: Claim837;
  let others: Claim837[] = [];
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    const uploads = await demoUploads({ patients: 3, days: 4, seed: 11 });
    t = await testContext(tdb);
    t.clock.set(uploads.generated.clinic.options.now);
    const clinic = {
      ...(uploads.clinic as object),
      facility: { timeZone: 'America/New_York', placeOfService: '11' },
    };
    practiceId = await createPractice(t.ctx, { name: 'Versions', clinic, billing: DEMO_BILLING });
    // Every patient has a secondary payer (courses.json patient.otherCoverage).
    const files = uploads.files
      .filter((f) => f.name !== 'clinic.json')
      .map((f) => {
        if (f.name !== 'courses.json') return f;
        const courses = JSON.parse(new TextDecoder().decode(f.bytes)) as { patient: object }[];
        for (const c of courses)
          c.patient = {
            ...c.patient,
            otherCoverage: [
              {
                order: 'secondary',
                payerName: 'SYNTHETIC COMMERCIAL PPO',
                payerProfile: 'default',
                memberId: 'SYNSEC01',
              },
            ],
          };
        return { ...f, bytes: new TextEncoder().encode(JSON.stringify(courses)) };
      });
    await importFiles(t.ctx, practiceId, files);
    const ready = await t.ctx.db
      .selectFrom('fractions')
      .select('id')
      .where('practice_id', '=', practiceId)
      .where('status', 'in', ['ready', 'downgrade'])
      .execute();
    await setChargeStatus(
      t.ctx,
      { ...actor(practiceId), role: 'coder' },
      {
        fractionIds: ready.map((f) => f.id),
        action: 'release',
      },
    );
    const batch = (await createClaimBatch(t.ctx, actor(practiceId), { format: '837P' })).batch!;
    const file = await claimBatchFile(t.ctx, actor(practiceId), batch.id);
    const claims = readClaims837FromBytes(new TextEncoder().encode(file.text), file.filename).sets.flatMap(
      (set) => set.claims,
    );
    claim = claims[0]!;
    others = claims.slice(1);
  }, 180_000);
  afterAll(() => tdb.close());

  it('refuses a correction without the payer claim control number before any 835', async () => {
    const error = await sendClaimVersion(t.ctx, actor(practiceId), {
      claimNumber: claim.patientControlNumber,
      action: 'replace',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues.map((i) => i.location)).toEqual(['payerClaimNumber']);
    const history = await claimHistory(t.ctx, actor(practiceId), claim.patientControlNumber);
    expect(history.versions.map((v) => v.kind)).toEqual(['original']);
    expect(history.canSendSecondary).toBe(false);
  });

  it(
    'after the 835: a replacement with REF*F8 = CLP07, a secondary with the primary adjudication, a void; the history shows them',
    { timeout: 120_000 },
    async () => {
      const text = answer835(claim, 'SYNCCN0042');
      const imported = await importFiles(t.ctx, practiceId, [
        { name: 'era.835', bytes: new TextEncoder().encode(text) },
      ]);
      expect(imported.files.map((f) => f.status)).toEqual(['imported']);
      let history = await claimHistory(t.ctx, actor(practiceId), claim.patientControlNumber);
      expect(history.payerClaimNumber).toBe('SYNCCN0042');
      expect(history.answers).toEqual([
        expect.objectContaining({
          status: '1',
          payerClaimNumber: 'SYNCCN0042',
          chargeCents: claim.totalChargeCents,
        }),
      ]);
      expect(history.remitLines).toHaveLength(claim.lines.length);
      // A remittance line opens its claim (the Remittances page and the CLI name a line by its id).
      const byLine = await claimHistory(t.ctx, actor(practiceId), history.remitLines[0]!.id);
      expect(byLine.claimNumber).toBe(claim.patientControlNumber);
      expect(history.canSendSecondary).toBe(true);

      const replacement = await sendClaimVersion(t.ctx, actor(practiceId), {
        claimNumber: claim.patientControlNumber,
        action: 'replace',
      });
      expect(replacement).toMatchObject({ kind: 'replacement', claims: 1, lines: claim.lines.length });
      const replaced = await claimBatchFile(t.ctx, actor(practiceId), replacement.id);
      const back = readClaims837FromBytes(new TextEncoder().encode(replaced.text), 'r.837');
      expect(back.problems).toEqual([]);
      expect(back.sets[0]!.claims[0]).toMatchObject({
        patientControlNumber: claim.patientControlNumber,
        frequency: '7',
        payerClaimControlNumber: 'SYNCCN0042',
        totalChargeCents: claim.totalChargeCents,
      });

      const secondary = await sendSecondaryClaim(t.ctx, actor(practiceId), claim.patientControlNumber);
      const sent = await claimBatchFile(t.ctx, actor(practiceId), secondary.id);
      const segs = splitX12(sent.text);
      const read = readClaims837FromBytes(new TextEncoder().encode(sent.text), 's.837').sets[0]!.claims[0]!;
      const paid = claim.lines.reduce((n, l) => n + l.chargeCents - 2 * Math.floor(l.chargeCents / 10), 0);
      expect(read).toMatchObject({ responsibility: 'S', priorPayerPaidCents: paid, memberId: 'SYNSEC01' });
      expect(segs.find((s) => s[0] === 'NM1' && s[1] === 'PR')?.[3]).toBe('SYNTHETIC COMMERCIAL PPO');
      expect(read.lines.map((l) => l.priorPaidCents)).toEqual(
        claim.lines.map((l) => l.chargeCents - 2 * Math.floor(l.chargeCents / 10)),
      );
      expect(segs.filter((s) => s[0] === 'DTP' && s[1] === '573').map((s) => s[3])).toEqual(
        claim.lines.map(() => '20260410'),
      );
      expect(segs.filter((s) => s[0] === 'CAS').length).toBe(2 * claim.lines.length);
      // The primary's adjudication, line by line: SVD paid, CAS CO-45 and PR-2, and AMT*D its CLP04.
      const tenth = claim.lines.map((l) => Math.floor(l.chargeCents / 10));
      expect(segs.filter((s) => s[0] === 'SVD').map((s) => cents(s[2]))).toEqual(
        claim.lines.map((l, i) => l.chargeCents - 2 * tenth[i]!),
      );
      expect(segs.filter((s) => s[0] === 'CAS').map((s) => [s[1], s[2], cents(s[3])])).toEqual(
        tenth.flatMap((t) => [
          ['CO', '45', t],
          ['PR', '2', t],
        ]),
      );
      expect(segs.filter((s) => s[0] === 'AMT' && s[1] === 'D').map((s) => cents(s[2]))).toEqual([paid]);
      // One secondary claim per claim; once the secondary payer answered (CLP02 2), none at all.
      const refused = async (pattern: RegExp) => {
        const e = await sendSecondaryClaim(t.ctx, actor(practiceId), claim.patientControlNumber).catch(
          (x: unknown) => x,
        );
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('invalid_input');
        expect((e as AppError).message).toMatch(pattern);
      };
      await refused(/already sent/);
      const later = await importFiles(t.ctx, practiceId, [
        { name: 'era-secondary.835', bytes: new TextEncoder().encode(secondary835(claim, 'PPOCCN0007')) },
      ]);
      expect(later.files.map((f) => f.status)).toEqual(['imported']);
      await refused(/secondary payer already answered this claim \(835 CLP02 2/);
      history = await claimHistory(t.ctx, actor(practiceId), claim.patientControlNumber);
      expect(history.answers.map((a) => [a.status, a.payerClaimNumber])).toEqual([
        ['1', 'SYNCCN0042'],
        ['2', 'PPOCCN0007'],
      ]);
      // The primary's claim control number still names the claim (REF*F8 of the void below).
      expect(history).toMatchObject({ payerClaimNumber: 'SYNCCN0042', canSendSecondary: false });

      const voided = await sendClaimVersion(t.ctx, actor(practiceId), {
        claimNumber: claim.patientControlNumber,
        action: 'void',
      });
      const v = await claimBatchFile(t.ctx, actor(practiceId), voided.id);
      expect(
        readClaims837FromBytes(new TextEncoder().encode(v.text), 'v.837').sets[0]!.claims[0],
      ).toMatchObject({
        frequency: '8',
        payerClaimControlNumber: 'SYNCCN0042',
      });
      history = await claimHistory(t.ctx, actor(practiceId), claim.patientControlNumber);
      expect(history.versions.map((x) => [x.kind, x.frequencyCode, x.payerClaimNumber])).toEqual([
        ['original', '1', null],
        ['replacement', '7', 'SYNCCN0042'],
        ['secondary', '1', null],
        ['void', '8', 'SYNCCN0042'],
      ]);
      expect(history).toMatchObject({ canCorrect: false, canVoid: false, canSendSecondary: false });
      const again = await sendClaimVersion(t.ctx, actor(practiceId), {
        claimNumber: claim.patientControlNumber,
        action: 'replace',
      }).catch((e: unknown) => e);
      expect((again as AppError).code).toBe('conflict');
    },
  );

  it('no Medigap claim when Medicare left nothing to the patient (CO-197, no PR)', async () => {
    const denied = others.find((c) => c.filingIndicator === 'MB')!;
    const body = [
      'BPR*H*0*C*NON************20260410',
      'TRN*1*TRACE-CV-3*1999999999',
      'N1*PR*MEDICARE PART B SYNTHETIC*XV*SYNMCR01',
      'N1*PE*DEMO RADIATION ONCOLOGY*XX*1999999984',
      'LX*1',
      `CLP*${denied.patientControlNumber}*1*${money(denied.totalChargeCents)}*0**MB*MCRCCN0197`,
      `NM1*QC*1*PATIENT*SYNTHETIC****MI*${denied.memberId}`,
      ...denied.lines.flatMap((l) => [
        `SVC*HC:${[l.procedure!.code, ...l.procedure!.modifiers].join(':')}*${money(l.chargeCents)}*0**${l.units}`,
        `DTM*472*${d8(l.dateOfService!)}`,
        `CAS*CO*197*${money(l.chargeCents)}`,
        `REF*6R*${l.lineControlNumber}`,
      ]),
    ];
    const imported = await importFiles(t.ctx, practiceId, [
      { name: 'era-197.835', bytes: new TextEncoder().encode(envelope('SYNMCR01', '903', body)) },
    ]);
    expect(imported.files.map((f) => f.status)).toEqual(['imported']);
    const e = await sendSecondaryClaim(t.ctx, actor(practiceId), denied.patientControlNumber).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('invalid_input');
    expect((e as AppError).message).toMatch(/left nothing to the patient.*CO-197/);
    const history = await claimHistory(t.ctx, actor(practiceId), denied.patientControlNumber);
    expect(history.canSendSecondary).toBe(false);
  });

  it(
    'Medicare Part B: no replacement or void (reopening); after CO-16 + MA130 a new claim, frequency 1, no REF*F8',
    { timeout: 120_000 },
    async () => {
      const mb = others.find((c) => c.filingIndicator === 'MB')!;
      const attempt = (action: 'replace' | 'void') =>
        sendClaimVersion(t.ctx, actor(practiceId), {
          claimNumber: mb.patientControlNumber,
          action,
          payerClaimNumber: 'MCRCCN0197',
        }).catch((e: unknown) => e as AppError);
      expect((await attempt('replace')) as AppError).toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/no replacement claim \(CLM05-3 7\).*reopening/),
      });
      expect((await attempt('void')) as AppError).toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/no void claim \(CLM05-3 8\).*billed in error/),
      });
      let history = await claimHistory(t.ctx, actor(practiceId), mb.patientControlNumber);
      expect(history).toMatchObject({ canCorrect: false, canVoid: false });
      expect(history.correctionNote).toMatch(/reopening/);

      // Returned unprocessable (CLP02 4, CO-16 with MA130 and N290 rendering provider id).
      const body = [
        'BPR*H*0*C*NON************20260415',
        'TRN*1*TRACE-CV-4*1999999999',
        'N1*PR*MEDICARE PART B SYNTHETIC*XV*SYNMCR01',
        'N1*PE*DEMO RADIATION ONCOLOGY*XX*1999999984',
        'LX*1',
        `CLP*${mb.patientControlNumber}*4*${money(mb.totalChargeCents)}*0**MB*MCRCCN0200`,
        `NM1*QC*1*PATIENT*SYNTHETIC****MI*${mb.memberId}`,
        'MOA***MA130',
        ...mb.lines.flatMap((l) => [
          `SVC*HC:${[l.procedure!.code, ...l.procedure!.modifiers].join(':')}*${money(l.chargeCents)}*0**${l.units}`,
          `DTM*472*${d8(l.dateOfService!)}`,
          `CAS*CO*16*${money(l.chargeCents)}`,
          `REF*6R*${l.lineControlNumber}`,
          'LQ*HE*N290',
        ]),
      ];
      const imported = await importFiles(t.ctx, practiceId, [
        { name: 'era-ma130.835', bytes: new TextEncoder().encode(envelope('SYNMCR01', '904', body)) },
      ]);
      expect(imported.files.map((f) => f.status)).toEqual(['imported']);
      history = await claimHistory(t.ctx, actor(practiceId), mb.patientControlNumber);
      expect(history).toMatchObject({ canCorrect: true, canVoid: false });
      expect(history.correctionNote).toMatch(/new claim/);
      const sent = await sendClaimVersion(t.ctx, actor(practiceId), {
        claimNumber: mb.patientControlNumber,
        action: 'replace',
      });
      expect(sent).toMatchObject({ kind: 'resubmission', claims: 1 });
      const file = await claimBatchFile(t.ctx, actor(practiceId), sent.id);
      expect(splitX12(file.text).some((s) => s[0] === 'REF' && s[1] === 'F8')).toBe(false);
      expect(
        readClaims837FromBytes(new TextEncoder().encode(file.text), 'n.837').sets[0]!.claims[0],
      ).toMatchObject({ frequency: '1', payerClaimControlNumber: null, filingIndicator: 'MB' });

      // The return is answered by that new claim: a second one is refused, and the history says why.
      const twice = await sendClaimVersion(t.ctx, actor(practiceId), {
        claimNumber: mb.patientControlNumber,
        action: 'replace',
      }).catch((e: unknown) => e as AppError);
      expect(twice).toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/a new claim was already sent for this return .*wait for the payer/),
      });
      history = await claimHistory(t.ctx, actor(practiceId), mb.patientControlNumber);
      expect(history).toMatchObject({
        canCorrect: false,
        correctionNote: expect.stringMatching(/^A new claim was already sent/),
      });
      expect(history.versions.filter((v) => v.kind === 'resubmission')).toHaveLength(1);
    },
  );

  it('a claim number the practice never sent is not found', async () => {
    const error = await claimHistory(t.ctx, actor(practiceId), 'NO-SUCH-1').catch((e: unknown) => e);
    expect((error as AppError).code).toBe('not_found');
  });
});
