import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { testContext, type TestContext } from '../../../test/support/test-context.js';
import { readClaims837FromBytes } from '../../formats/x12/read-837.js';
import type { Actor } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { setChargeStatus } from '../commands/charge-status.js';
import { importFiles } from '../import-pipeline/import-files.js';
import { createPractice } from '../setup/create-practice.js';
import { DEMO_BILLING } from '../setup/demo-billing.js';
import { demoUploads } from '../setup/demo-uploads.js';
import { claimBatchFile, claimPreview, listClaimBatches } from './claim-batches.js';
import { createClaimBatch } from './create-claim-batch.js';
import type { RemitClaim, Remittance } from '../../core/model/remittance.js';
import { replaceRemittances } from '../../../test/support/stored-remittances.js';

const actor = (practiceId: string): Actor => ({
  userId: 'user-biller',
  practiceId,
  role: 'biller',
  displayName: 'Biller',
  physicianId: null,
});

/**
 * Issue #5 "837P and 837I generation": released charges of an imported clinic become an 837 that reads
 * back with read-837 (codes, units, modifiers, REF*G1, REF*6R = charge ids, CLM01 = course id + number);
 * a second batch finds nothing left; missing settings or demographics store nothing.
 */
describe.each(ENGINES)('createClaimBatch on %s', (engine) => {
  let tdb: TestDatabase;
  let t: TestContext;
  let uploads: Awaited<ReturnType<typeof demoUploads>>;
  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    uploads = await demoUploads({ patients: 6, days: 6, seed: 5 });
    t = await testContext(tdb);
    t.clock.set(uploads.generated.clinic.options.now);
  }, 120_000);
  afterAll(() => tdb.close());

  async function practiceWithReleasedCharges(name: string, over: { billing?: unknown; pos?: string } = {}) {
    const clinic = {
      ...(uploads.clinic as object),
      facility: { timeZone: 'America/New_York', placeOfService: over.pos ?? '11' },
    };
    const practiceId = await createPractice(t.ctx, {
      name,
      clinic,
      ...('billing' in over
        ? over.billing === undefined
          ? {}
          : { billing: over.billing }
        : { billing: DEMO_BILLING }),
    });
    const files = uploads.files.filter((f) => f.name !== 'clinic.json');
    await importFiles(t.ctx, practiceId, files);
    const ready = await t.ctx.db
      .selectFrom('fractions')
      .select('id')
      .where('practice_id', '=', practiceId)
      .where('status', 'in', ['ready', 'downgrade'])
      .execute();
    const released = await setChargeStatus(
      t.ctx,
      { ...actor(practiceId), role: 'coder' },
      {
        fractionIds: ready.map((f) => f.id),
        action: 'release',
      },
    );
    expect(released.changed).toBeGreaterThan(0);
    return practiceId;
  }

  it('writes the released charges as an 837P that reads back, once', { timeout: 120_000 }, async () => {
    const practiceId = await practiceWithReleasedCharges('Freestanding');
    const released = await t.ctx.db
      .selectFrom('charges as ch')
      .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
      .innerJoin('courses as c', 'c.id', 'f.course_id')
      .select([
        'ch.id',
        'ch.code',
        'ch.modifiers',
        'ch.units',
        'f.date_of_service',
        'c.course_key',
        'c.document',
      ])
      .where('ch.practice_id', '=', practiceId)
      .where('ch.status', '=', 'released')
      .execute();

    const preview = await claimPreview(t.ctx, actor(practiceId));
    expect(preview.settingsComplete).toBe(true);
    expect(preview.rows.filter((r) => r.format === '837P').reduce((n, r) => n + r.lines, 0)).toBe(
      released.length,
    );

    const result = await createClaimBatch(t.ctx, actor(practiceId), { format: '837P' });
    const batch = result.batch!;
    expect(batch).toMatchObject({ format: '837P', lines: released.length, interchangeControlNumber: 1 });
    expect(result.unbilled).toEqual([]);

    const file = await claimBatchFile(t.ctx, actor(practiceId), batch.id);
    expect(file.text.startsWith('ISA*')).toBe(true);
    const read = readClaims837FromBytes(new TextEncoder().encode(file.text), file.filename);
    expect(read.problems).toEqual([]);
    expect(read.sets.length).toBe(batch.interchanges);
    expect(read.sets.every((s) => s.kind === 'professional')).toBe(true);
    const claims = read.sets.flatMap((s) => s.claims);
    expect(claims.length).toBe(batch.claims);
    const lines = claims.flatMap((c) => c.lines.map((l) => ({ claim: c, line: l })));
    expect(lines.map((l) => l.line.lineControlNumber).sort()).toEqual(released.map((r) => r.id).sort());
    expect(claims.reduce((n, c) => n + c.totalChargeCents, 0)).toBe(batch.totalCents);

    const byId = new Map(released.map((r) => [r.id, r]));
    for (const { claim, line } of lines) {
      const charge = byId.get(line.lineControlNumber!)!;
      // CLM01 = the course id, '-', the claim number (≤ 20 characters): what store-remit-lines matches.
      expect(claim.patientControlNumber).toMatch(new RegExp(`^${charge.course_key}-\\d+$`));
      expect(claim.patientControlNumber.length).toBeLessThanOrEqual(20);
      expect(claim.facilityCode).toBe('11');
      expect(claim.billingProviderNpi).toBe('1999999984');
      expect(claim.memberId).toMatch(/^SYNM\d+$/);
      expect(claim.diagnosisCodes).toHaveLength(1);
      expect(claim.diagnosisCodes[0]).toMatch(/^[A-Z]\d+$/);
      expect(line.procedure).toEqual({
        code: charge.code,
        modifiers: charge.modifiers ? charge.modifiers.split(',') : [],
      });
      expect(line.units).toBe(charge.units);
      expect(line.dateOfService).toBe(charge.date_of_service);
      const auths = (
        charge.document as { authorizations: { number: string; validFrom: string; validTo: string }[] }
      ).authorizations.filter(
        (a) => a.validFrom <= charge.date_of_service && charge.date_of_service <= a.validTo,
      );
      if (auths.length) expect(auths.map((a) => a.number)).toContain(claim.priorAuthorization);
      else expect(claim.priorAuthorization).toBeNull();
    }
    // Professional IGRT keeps its 26; a second session the same day keeps its 76 (when the clinic has one).
    const igrt = lines.filter((l) => l.line.procedure?.code === '77387');
    expect(igrt.length).toBeGreaterThan(0);
    expect(igrt.every((l) => l.line.procedure!.modifiers.includes('26'))).toBe(true);
    expect(claims.some((c) => c.priorAuthorization !== null)).toBe(true);

    // Nothing left: no second batch, and the preview is empty.
    const again = await createClaimBatch(t.ctx, actor(practiceId), { format: '837P' });
    expect(again.batch).toBeNull();
    expect((await claimPreview(t.ctx, actor(practiceId))).rows.filter((r) => r.format === '837P')).toEqual(
      [],
    );
    const list = await listClaimBatches(t.ctx, actor(practiceId));
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: batch.id, claims: batch.claims });
    // Patient data read: recorded; nothing of it in the log.
    const access = await t.ctx.db
      .selectFrom('access_log')
      .select('route')
      .where('practice_id', '=', practiceId)
      .where('route', '=', 'POST /api/claims/batches')
      .execute();
    expect(access.length).toBeGreaterThan(0);
    expect(t.logLines().join('\n')).not.toMatch(/SYNM\d|SYNTHETIC AVE/);
  });

  it(
    'splits a hospital practice into an 837I of technical lines with revenue codes and an 837P of -26 lines',
    { timeout: 120_000 },
    async () => {
      const practiceId = await practiceWithReleasedCharges('Hospital', {
        pos: '22',
        billing: { ...DEMO_BILLING, chargeCents: {} },
      });
      const inst = await createClaimBatch(t.ctx, actor(practiceId), { format: '837I', period: 'week' });
      // SBRT has no expected amount and no charge of the practice: left out, with the reason.
      expect(inst.unbilled.map((u) => u.reason)).toContain(
        'no amount for 77373: add its charge to the billing settings (chargeCents)',
      );
      const prof = await createClaimBatch(t.ctx, actor(practiceId), { format: '837P', period: 'week' });
      expect(inst.batch && prof.batch).toBeTruthy();
      // Control numbers increase per practice.
      expect(prof.batch!.interchangeControlNumber).toBe(
        inst.batch!.interchangeControlNumber + inst.batch!.interchanges,
      );
      const read = async (id: string) => {
        const f = await claimBatchFile(t.ctx, actor(practiceId), id);
        const r = readClaims837FromBytes(new TextEncoder().encode(f.text), f.filename);
        expect(r.problems).toEqual([]);
        return r.sets.flatMap((s) => s.claims);
      };
      const i = await read(inst.batch!.id);
      expect(i.every((c) => c.facilityCode === '13')).toBe(true);
      const iLines = i.flatMap((c) => c.lines);
      expect(iLines.every((l) => l.revenueCode === '0333' && !l.procedure!.modifiers.includes('26'))).toBe(
        true,
      );
      const p = await read(prof.batch!.id);
      expect(p.every((c) => c.facilityCode === '22')).toBe(true);
      expect(p.flatMap((c) => c.lines).every((l) => l.procedure!.modifiers.includes('26'))).toBe(true);
      // The same charge goes once to each format.
      const ids = (claims: typeof p) => claims.flatMap((c) => c.lines.map((l) => l.lineControlNumber));
      expect(new Set(ids(i)).size).toBe(ids(i).length);
      expect(new Set(ids(p)).size).toBe(ids(p).length);
    },
  );

  it(
    'keeps only the claim with a diagnosis it cannot carry out of the batch; the others are written',
    { timeout: 120_000 },
    async () => {
      const practiceId = await practiceWithReleasedCharges('One bad diagnosis');
      const [bad] = await t.ctx.db
        .selectFrom('courses')
        .select(['id', 'course_key', 'document'])
        .where('practice_id', '=', practiceId)
        .orderBy('course_key')
        .execute();
      await t.ctx.db
        .updateTable('courses')
        .set({ document: JSON.stringify({ ...(bad!.document as object), diagnosis: 'breast' }) })
        .where('id', '=', bad!.id)
        .execute();
      const result = await createClaimBatch(t.ctx, actor(practiceId), { format: '837P' });
      const sent = await t.ctx.db
        .selectFrom('claim_lines as cl')
        .innerJoin('charges as ch', 'ch.id', 'cl.charge_id')
        .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
        .select(['f.course_id'])
        .where('cl.practice_id', '=', practiceId)
        .execute();
      expect(result.batch!.claims).toBeGreaterThan(0);
      expect(sent.some((r) => r.course_id === bad!.id)).toBe(false);
      expect(result.unbilled.length).toBeGreaterThan(0);
      for (const u of result.unbilled) {
        expect(u.ruleId).toBe('diagnosis');
        expect(u.reason).toMatch(new RegExp(`^course ${bad!.course_key}: .*not an ICD-10-CM code`));
      }
    },
  );

  it(
    'refuses without billing settings or demographics, naming what to add and storing nothing',
    { timeout: 120_000 },
    async () => {
      const bare = await practiceWithReleasedCharges('No settings', { billing: undefined });
      const error = await createClaimBatch(t.ctx, actor(bare), { format: '837P' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).issues).toEqual([{ location: 'billing', message: 'not set' }]);

      const noPayers = await practiceWithReleasedCharges('No payers', {
        billing: { ...DEMO_BILLING, payers: {} },
      });
      await t.ctx.db
        .updateTable('patients')
        .set({ demographics: null })
        .where('practice_id', '=', noPayers)
        .execute();
      const missing = (await createClaimBatch(t.ctx, actor(noPayers), { format: '837P' }).catch(
        (e: unknown) => e,
      )) as AppError;
      expect(missing).toBeInstanceOf(AppError);
      const text = JSON.stringify(missing.issues);
      expect(text).toMatch(/billing\.payers\.\w+/);
      expect(text).toMatch(/memberId, address|sex, memberId, address/);
      // Identifiers only: no names, member ids or birth dates.
      const patients = await t.ctx.db
        .selectFrom('patients')
        .select(['name', 'birth_date', 'mrn'])
        .where('practice_id', '=', noPayers)
        .execute();
      for (const p of patients) {
        expect(text).not.toContain(p.name!.split(',')[0]);
        expect(text).not.toContain(p.birth_date!);
        expect(text).not.toContain(p.mrn);
      }
      const stored = await t.ctx.db
        .selectFrom('claim_batches')
        .select('id')
        .where('practice_id', 'in', [bare, noPayers])
        .execute();
      expect(stored).toEqual([]);
    },
  );

  it('cuts a long course id to fit CLM01, and the 835 answering the claim still finds its charges', async () => {
    const practiceId = await practiceWithReleasedCharges('Long course ids');
    await t.ctx.db
      .updateTable('courses')
      .set((eb) => ({ course_key: eb('course_key', '||', '-RADONC-LEFT-BREAST-2026') }))
      .where('practice_id', '=', practiceId)
      .execute();
    const { batch } = await createClaimBatch(t.ctx, actor(practiceId), { format: '837P' });
    const file = await claimBatchFile(t.ctx, actor(practiceId), batch!.id);
    const claims = readClaims837FromBytes(new TextEncoder().encode(file.text), file.filename).sets.flatMap(
      (s) => s.claims,
    );
    expect(claims.every((c) => c.patientControlNumber.length <= 20)).toBe(true);
    // The payer pays every line as billed.
    const remittance: Remittance = {
      traceNumber: 'TRN-LONG',
      payerTraceId: null,
      totalPaidCents: batch!.totalCents,
      handling: 'I',
      paymentDate: '2026-04-01',
      payer: { name: 'SYNTHETIC PAYER', id: 'SYN01' },
      payee: { name: 'DEMO', npi: null, taxId: null },
      claims: claims.map((c): RemitClaim => ({
        patientControlNumber: c.patientControlNumber,
        status: '1',
        chargeCents: c.totalChargeCents,
        paidCents: c.totalChargeCents,
        patientResponsibilityCents: 0,
        payerClaimControlNumber: null,
        facilityType: null,
        memberId: null,
        priorAuthorization: c.priorAuthorization,
        statementFrom: null,
        statementTo: null,
        adjustments: [],
        remarks: [],
        lines: c.lines.map((l) => ({
          procedure: l.procedure!,
          submitted: null,
          chargeCents: l.chargeCents,
          paidCents: l.chargeCents,
          units: l.units,
          submittedUnits: null,
          dateOfService: l.dateOfService,
          adjustments: [],
          remarks: [],
          allowedCents: null,
          lineControlNumber: l.lineControlNumber,
          location: '',
        })),
        location: '',
      })),
      providerAdjustments: [],
      location: '',
    };
    await t.ctx.db
      .transaction()
      .execute((trx) =>
        replaceRemittances(t.ctx, trx, practiceId, [{ source: 'long.835', remittance }], '11'),
      );
    const lines = await t.ctx.db
      .selectFrom('remit_lines')
      .select(['charge_id'])
      .where('practice_id', '=', practiceId)
      .execute();
    expect(lines).toHaveLength(batch!.lines);
    expect(lines.filter((l) => l.charge_id === null)).toEqual([]);
  }, 120_000);
});
