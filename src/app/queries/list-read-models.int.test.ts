import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/support/db-harness.js';
import { type DemoHarness, useDemoPractice } from '../../../test/support/demo-harness.js';
import { setChargeStatus } from '../commands/charge-status.js';
import { signFraction } from '../commands/sign-fraction.js';
import type { SignatureDue } from '../views.js';
import { cappedPage, countUpTo } from './capped-count.js';
import { dashboard } from './dashboard.js';
import { fractionSelection, listFractions } from './fractions.js';
import { countSignaturesDue, signaturesDue } from './signatures-due.js';

/**
 * The read models behind the dashboard and the worklists at a million fractions (bench/README.md) give
 * the answers the plain queries gave, on the demo practice, on each engine: the per-day rollups and each
 * fraction's at-risk amount equal a recount of the fractions and charges after every kind of write, the dashboard equals its old joins,
 * signatures due page by page equal the old unpaged list, and totals stop at their cap saying so.
 */
describe.each(ENGINES)('list read models on %s', (engine) => {
  const demo = useDemoPractice(engine);
  const actor: DemoHarness['actor'] = (role, physicianId) => demo.actor(role, physicianId);

  /** The rollups' rows that count something, and each fraction's kept at-risk amount, as text. */
  const rollups = async () => ({
    atRisk: (
      await sql<{
        k: string;
      }>`select concat_ws('|', id, at_risk_cents) as k from fractions order by 1`.execute(demo.t.ctx.db)
    ).rows.map((r) => r.k),
    fractions: (
      await sql<{ k: string }>`select concat_ws('|', practice_id, date_of_service, status, fractions) as k
        from fraction_days where fractions <> 0 order by 1`.execute(demo.t.ctx.db)
    ).rows.map((r) => r.k),
    charges: (
      await sql<{
        k: string;
      }>`select concat_ws('|', practice_id, date_of_service, fraction_status, code, charges,
          cents, without_rate) as k
        from charge_days where charges <> 0 or cents <> 0 or without_rate <> 0 order by 1`.execute(
        demo.t.ctx.db,
      )
    ).rows.map((r) => r.k),
    reasons: (
      await sql<{ k: string }>`select concat_ws('|', practice_id, date_of_service, rule_id, fractions, cents,
          without_rate) as k
        from hold_reason_days where fractions <> 0 or cents <> 0 or without_rate <> 0 order by 1`.execute(
        demo.t.ctx.db,
      )
    ).rows.map((r) => r.k),
  });
  /** The same counts made from the fractions and charges. */
  const recount = async () => ({
    atRisk: (
      await sql<{ k: string }>`select concat_ws('|', f.id, (select coalesce(sum(c.expected_cents), 0)
          from charges c where c.fraction_id = f.id and c.status <> 'void')) as k
        from fractions f order by 1`.execute(demo.t.ctx.db)
    ).rows.map((r) => r.k),
    fractions: (
      await sql<{ k: string }>`select concat_ws('|', practice_id, date_of_service, status, count(*)) as k
        from fractions group by practice_id, date_of_service, status order by 1`.execute(demo.t.ctx.db)
    ).rows.map((r) => r.k),
    charges: (
      await sql<{
        k: string;
      }>`select concat_ws('|', f.practice_id, f.date_of_service, f.status, c.code, count(*),
          coalesce(sum(c.expected_cents), 0), count(*) filter (where c.expected_cents is null)) as k
        from charges c join fractions f on f.id = c.fraction_id where c.status <> 'void'
        group by f.practice_id, f.date_of_service, f.status, c.code order by 1`.execute(demo.t.ctx.db)
    ).rows.map((r) => r.k),
    reasons: (
      await sql<{ k: string }>`select concat_ws('|', f.practice_id, f.date_of_service, r, count(*),
          coalesce(sum(ch.cents), 0), coalesce(sum(ch.without_rate), 0)) as k
        from fractions f cross join jsonb_array_elements_text(f.audit -> 'reasons') r
        left join lateral (select sum(c.expected_cents) as cents,
          count(*) filter (where c.expected_cents is null) as without_rate
          from charges c where c.fraction_id = f.id and c.status <> 'void') ch on true
        where f.status = 'hold' group by f.practice_id, f.date_of_service, r order by 1`.execute(
        demo.t.ctx.db,
      )
    ).rows.map((r) => r.k),
  });

  /** The dashboard's counts as the joins over fractions and charges gave them before the rollups. */
  async function dashboardByJoins(from: string, to: string) {
    const codes = await sql<{ code: string; n: string }>`select ch.code, count(*) as n
      from fractions f join charges ch on ch.fraction_id = f.id
      where f.practice_id = ${demo.practiceId} and f.date_of_service between ${from} and ${to} and ch.status <> 'void'
      group by ch.code order by ch.code`.execute(demo.t.ctx.db);
    const risk = await sql<{
      cents: string;
      without_rate: string;
    }>`select coalesce(sum(ch.expected_cents), 0) as cents,
        count(*) filter (where ch.expected_cents is null) as without_rate
      from fractions f join charges ch on ch.fraction_id = f.id
      where f.practice_id = ${demo.practiceId} and f.date_of_service between ${from} and ${to}
        and f.status = 'hold' and ch.status <> 'void'`.execute(demo.t.ctx.db);
    const daily = await sql<{ date: string; status: string; n: string }>`select f.date_of_service as date,
        f.status, count(*) as n
      from fractions f where f.practice_id = ${demo.practiceId} and f.date_of_service between ${from} and ${to}
      group by 1, 2 order by 1, 2`.execute(demo.t.ctx.db);
    const reasons = await sql<{
      rule_id: string;
      fractions: string;
      cents: string;
      without_rate: string;
    }>`select
        r as rule_id, count(distinct f.id) as fractions,
        coalesce(sum((select coalesce(sum(ch.expected_cents), 0) from charges ch
          where ch.fraction_id = f.id and ch.status <> 'void')), 0) as cents,
        coalesce(sum((select count(*) filter (where ch.expected_cents is null) from charges ch
          where ch.fraction_id = f.id and ch.status <> 'void')), 0) as without_rate
      from fractions f cross join jsonb_array_elements_text(f.audit -> 'reasons') r
      where f.practice_id = ${demo.practiceId} and f.date_of_service between ${from} and ${to} and f.status = 'hold'
      group by r order by count(distinct f.id) desc, r limit 8`.execute(demo.t.ctx.db);
    return {
      reasons: reasons.rows.map((r) => [
        r.rule_id,
        Number(r.fractions),
        Number(r.cents),
        Number(r.without_rate),
      ]),
      codeMix: codes.rows.map((r) => [r.code, Number(r.n)]),
      atRisk: [Number(risk.rows[0]!.cents), Number(risk.rows[0]!.without_rate)],
      daily: daily.rows.map((r) => [r.date, r.status, Number(r.n)]),
    };
  }

  async function expectDashboardAsByJoins(period: { from?: string; to?: string }) {
    const view = await dashboard(demo.t.ctx, actor('coder'), period);
    const old = await dashboardByJoins(view.period.from, view.period.to);
    expect(view.codeMix.map((c) => [c.code, c.count])).toEqual(old.codeMix);
    expect(
      view.topHoldReasons.map((r) => [r.ruleId, r.fractions, r.atRisk.knownCents, r.atRisk.linesWithoutRate]),
    ).toEqual(old.reasons);
    expect([view.holds.atRisk.knownCents, view.holds.atRisk.linesWithoutRate]).toEqual(old.atRisk);
    expect(
      view.daily.flatMap((d) =>
        (['downgrade', 'hold', 'ready'] as const).filter((s) => d[s] > 0).map((s) => [d.date, s, d[s]]),
      ),
    ).toEqual(old.daily);
  }

  it('the dashboard gives what the joins over every charge gave, for the default period and a year', async () => {
    const stored = await rollups();
    expect(stored.charges.length).toBeGreaterThan(0);
    expect(stored.reasons.length).toBeGreaterThan(0);
    expect(await rollups()).toEqual(await recount());
    await expectDashboardAsByJoins({});
    await expectDashboardAsByJoins({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('keeps the rollups equal to a recount after sign-off, release, hold, void, a moved and a deleted fraction', async () => {
    const due = (await signaturesDue(demo.t.ctx, actor('viewer'), { limit: 500 })).items;
    const target = due.find((d) => !d.overdue)!;
    await signFraction(
      demo.t.ctx,
      actor('physician', target.physicianId),
      target.fractionId,
      target.documents,
    );
    expect(await rollups()).toEqual(await recount());

    const ready = await listFractions(demo.t.ctx, actor('coder'), { status: 'ready', limit: 3 });
    await setChargeStatus(demo.t.ctx, actor('coder'), {
      fractionIds: ready.items.map((f) => f.id),
      action: 'release',
    });
    const held = await listFractions(demo.t.ctx, actor('coder'), { status: 'downgrade', limit: 2 });
    await setChargeStatus(demo.t.ctx, actor('coder'), {
      fractionIds: held.items.map((f) => f.id),
      action: 'hold',
      reason: 'checking the plan',
    });
    expect(await rollups()).toEqual(await recount());

    const onHold = await listFractions(demo.t.ctx, actor('coder'), { status: 'hold', limit: 3 });
    const [voided, moved, deleted] = onHold.items.map((f) => f.id);
    await demo.t.ctx.db
      .updateTable('charges')
      .set({ status: 'void' })
      .where('fraction_id', '=', voided!)
      .execute();
    await sql`update fractions set status = 'ready', date_of_service = date_of_service + 1
      where id = ${moved!}`.execute(demo.t.ctx.db);
    await demo.t.ctx.db.deleteFrom('fractions').where('id', '=', deleted!).execute();
    expect(await rollups()).toEqual(await recount());
    await expectDashboardAsByJoins({});
  });

  it('pages and counts signatures due as the unpaged list sorted and counted them', async () => {
    for (const physicianId of [undefined, 'DR-SYN-01']) {
      const old = await signaturesByJoins(physicianId);
      expect(old.length).toBeGreaterThan(physicianId ? 0 : 2);
      const paged: SignatureDue[] = [];
      for (let offset = 0; offset < old.length + 2; offset += 2) {
        const page = await signaturesDue(demo.t.ctx, actor('coder'), { physicianId, limit: 2, offset });
        expect(page).toMatchObject({ total: old.length });
        paged.push(...page.items);
      }
      expect(paged.map((d) => [d.fractionId, d.documents.join('+')])).toEqual(old);
      expect(await countSignaturesDue(demo.t.ctx, actor('coder'), { physicianId })).toBe(old.length);
      const reviews = old.filter(([, kinds]) => kinds!.includes('igrt-review')).length;
      expect(
        await countSignaturesDue(demo.t.ctx, actor('coder'), { physicianId, document: 'igrt-review' }),
      ).toBe(reviews);
    }
  });

  /** The old query: every unsigned document joined and sorted, grouped by fraction in order. */
  async function signaturesByJoins(physicianId: string | undefined) {
    const rows = await sql<{ fraction_id: string; kind: string }>`select f.id as fraction_id, d.kind
      from documents d join fractions f on f.id = d.fraction_id join courses c on c.id = f.course_id
      where d.practice_id = ${demo.practiceId} and d.kind in ('sgrt-record', 'igrt-review') and not d.signed
        and (${physicianId ?? null}::text is null or c.physician_id = ${physicianId ?? null})
      order by c.next_beam_on asc nulls last, f.signature_deadline asc nulls last, c.course_key, f.number,
        d.kind`.execute(demo.t.ctx.db);
    const byFraction = new Map<string, string[]>();
    for (const r of rows.rows)
      byFraction.set(r.fraction_id, [...(byFraction.get(r.fraction_id) ?? []), r.kind]);
    return [...byFraction].map(([id, kinds]) => [id, kinds.sort().join('+')]);
  }

  it('counts a list up to its cap and says when there are more', async () => {
    const coder = actor('coder');
    const all = await listFractions(demo.t.ctx, coder, { limit: 1 });
    const exact = await demo.t.ctx.db
      .selectFrom('fractions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('practice_id', '=', demo.practiceId)
      .executeTakeFirstOrThrow();
    expect(all).toMatchObject({ total: Number(exact.n) });
    expect(all.capped).toBeUndefined();
    const rows = fractionSelection(demo.t.ctx, coder, {}).select('f.id');
    expect(await countUpTo(demo.t.ctx.db, rows, 10)).toBe(11);
    expect(await countUpTo(demo.t.ctx.db, rows, Number(exact.n))).toBe(Number(exact.n));
    expect(cappedPage([], 11, 10)).toEqual({ items: [], total: 10, capped: true });
    expect(cappedPage([], 10, 10)).toEqual({ items: [], total: 10 });
  });
});
