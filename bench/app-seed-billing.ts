/**
 * Claims and remittances for a practice seeded by app-seed.ts, made by SQL from its charges so that the
 * claim and remittance lists are measured at the same scale as the worklist (bench/README.md, "The lists
 * at a million fractions"): one claim per course (its charges as the claim's lines, in an 837P batch per
 * week of its first date of service), and one 835 line per charge dated 21 days after the date of
 * service (only dates at least 21 days before the practice's last one), grouped into one payment per
 * payer and week. The category of a line is drawn from its charge id (stable) in shares like a
 * practice's: 70% paid as expected, 8% patient responsibility, 5% downcoded, 4% authorization denials,
 * 2% missing information, 3% underpaid, 2% other denials, 2% coordination of benefits, 1% frequency
 * denials (about 14% denied or downcoded; a charge without a rate is paid, rate unknown), with the work
 * queue and the 120-day appeal deadline of each (42 CFR 405.942(a); remit-category.ts DEADLINE_QUEUES).
 * Amounts follow the category (a denial pays 0, a downcode 60%, an underpayment 90% of the expected).
 *
 *   node --import tsx bench/app-seed-billing.ts [--db sgrt_bench]   # on a database app-seed.ts left
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { databaseExists, databaseUrl, line, option, progress, round } from './app-support.js';

/** One statement on one connection, as app-seed.ts gives it. */
type Query = <R>(text: string, params?: readonly unknown[]) => Promise<{ rows: R[] }>;

/** [upper bound of the hash bucket (0–99), category, queue]: the shares above, in order. */
const CATEGORIES: readonly (readonly [number, string, string | null])[] = [
  [70, 'paid-as-expected', null],
  [78, 'patient-responsibility', 'bill-patient-or-secondary'],
  [83, 'downcoded', 'appeal'],
  [87, 'authorization-denial', 'retro-authorization'],
  [89, 'missing-information', 'corrected-claim'],
  [92, 'underpaid', 'underpayment-dispute'],
  [94, 'other-denial', 'appeal'],
  [96, 'coordination-of-benefits', 'secondary-claim'],
  [100, 'frequency-denial', 'twice-daily-documentation'],
];
const DEADLINE_QUEUES = [
  'retro-authorization',
  'corrected-claim',
  'twice-daily-documentation',
  'appeal',
  'underpayment-dispute',
];

const lit = (v: string | null) => (v === null ? 'null' : `'${v.replaceAll("'", "''")}'`);
const bucketCase = (pick: (c: (typeof CATEGORIES)[number]) => string | null) =>
  `case ${CATEGORIES.map((c) => `when b.bucket < ${c[0]} then ${lit(pick(c))}`).join(' ')} end`;

const STATEMENTS = [
  `create temp table bench_billing as
   select ch.id as charge_id, ch.code, ch.modifiers, ch.expected_cents, f.date_of_service, f.payer,
     c.id as course_id, c.course_key, c.patient_id,
     (('x' || substr(md5(ch.id), 1, 8))::bit(32)::int & 2147483647) % 100 as bucket,
     row_number() over (partition by c.id order by f.date_of_service, ch.code, ch.id) as line_no,
     min(f.date_of_service) over (partition by c.id) as first_date
   from charges ch join fractions f on f.id = ch.fraction_id join courses c on c.id = f.course_id
   where ch.practice_id = $1 and ch.status <> 'void'`,
  `insert into claim_batches (id, practice_id, format, created_at, created_by, interchange_control_number,
     interchange_count, first_claim_number, claim_count, line_count, total_cents, period, file_text, kind)
   select 'bench-batch-' || w.week, $1, '837P', w.week + interval '7 days', 'bench',
     coalesce((select max(interchange_control_number) from claim_batches where practice_id = $1), 0)
       + row_number() over (order by w.week),
     1, 1, w.claims, w.lines, w.cents, w.week::text, '', 'claims'
   from (select date_trunc('week', first_date)::date as week, count(distinct course_id) as claims,
       count(*) as lines, coalesce(sum(expected_cents), 0) as cents
     from bench_billing group by 1) w`,
  `insert into claim_versions (id, practice_id, claim_pcn, batch_id, format, kind, frequency_code,
     payer_profile, payer_name, patient_id, draft, total_cents, created_at, created_by)
   select md5(c.id || '#claim')::uuid::text, $1, c.course_key, 'bench-batch-' || b.week, '837P', 'original',
     '1', c.payer_profile, coalesce(c.payer_name, c.payer_profile), c.patient_id, '{"bench":true}'::jsonb,
     b.cents, b.week + interval '7 days', 'bench'
   from (select course_id, date_trunc('week', min(first_date))::date as week,
       coalesce(sum(expected_cents), 0) as cents from bench_billing group by 1) b
   join courses c on c.id = b.course_id`,
  `insert into claim_lines (practice_id, batch_id, format, claim_pcn, charge_id)
   select $1, 'bench-batch-' || date_trunc('week', first_date)::date, '837P', course_key, charge_id
   from bench_billing`,
  `create temp table bench_remit as
   select b.*, b.date_of_service + 21 as payment_date,
     case when b.expected_cents is null then 'paid-rate-unknown' else ${bucketCase((c) => c[1])} end as category,
     case when b.expected_cents is null then 'set-contract-rate' else ${bucketCase((c) => c[2])} end as queue
   from bench_billing b
   where b.date_of_service + 21 <= (select max(date_of_service) from fractions where practice_id = $1)`,
  `alter table bench_remit add column paid bigint, add column allowed bigint, add column pr bigint`,
  `update bench_remit set
     allowed = case when category in ('downcoded') then round(expected_cents * 0.6)
       when category = 'underpaid' then round(expected_cents * 0.9)
       when category in ('authorization-denial', 'missing-information', 'other-denial', 'frequency-denial') then 0
       else coalesce(expected_cents, 15000) end,
     pr = case when category = 'patient-responsibility' then round(expected_cents * 0.2) else 0 end`,
  `update bench_remit set paid = case when category = 'coordination-of-benefits' then round(allowed * 0.5)
     else allowed - pr end`,
  `insert into remit_payments (practice_id, source, payer, payer_id, trace_number, payment_date, paid_cents,
     claims_paid_cents, provider_adjustment_cents, provider_adjustments, difference_cents, balanced, claims)
   select $1, 'bench-' || md5(payer) || '-' || week || '.835', payer, upper(substr(md5(payer), 1, 5)),
     'BENCH' || to_char(week, 'YYYYMMDD') || substr(md5(payer), 1, 4), week + 4, sum(paid), sum(paid), 0,
     '[]'::jsonb, 0, true, count(distinct course_id)
   from (select *, date_trunc('week', payment_date)::date as week from bench_remit) r group by payer, week`,
  `insert into remit_lines (practice_id, source, payer, payer_id, trace_number, payment_date, claim_pcn, line_no,
     date_of_service, code, modifiers, submitted_code, billed_cents, paid_cents, allowed_cents, expected_cents,
     category, rule_id, carcs, remarks, flags, message, next_action, appeal_by, charge_id, course_id,
     patient_id, payment_id, queue, claim_status, patient_responsibility_cents, open_cents)
   select $1, p.source, r.payer, p.payer_id, p.trace_number, p.payment_date, r.course_key, r.line_no,
     r.date_of_service, r.code, r.modifiers, r.code, coalesce(r.expected_cents, 15000) * 2, r.paid, r.allowed,
     r.expected_cents, r.category, null,
     case r.category when 'paid-as-expected' then 'CO-45' when 'patient-responsibility' then 'CO-45,PR-2'
       when 'downcoded' then 'CO-45,CO-150' when 'authorization-denial' then 'CO-197'
       when 'missing-information' then 'CO-16' when 'underpaid' then 'CO-45' when 'other-denial' then 'CO-96'
       when 'coordination-of-benefits' then 'OA-23' when 'frequency-denial' then 'CO-151' else 'CO-45' end,
     '', '', 'bench line', null,
     case when r.queue in (${DEADLINE_QUEUES.map(lit).join(', ')}) then r.payment_date + 120 end,
     r.charge_id, r.course_id, r.patient_id, p.id, r.queue,
     case when r.category = 'coordination-of-benefits' then '2' else '1' end, r.pr,
     case when r.queue is null then 0 else greatest(coalesce(r.expected_cents, 0) - r.paid, 0) end
   from bench_remit r join remit_payments p on p.practice_id = $1
     and p.source = 'bench-' || md5(r.payer) || '-' || date_trunc('week', r.payment_date)::date || '.835'`,
  `drop table bench_remit`,
  `drop table bench_billing`,
];

/** Seeds the claims and remittances of `practiceId` (on the connection of `query`); the rows added. */
export async function seedBilling(query: Query, practiceId: string): Promise<Record<string, number>> {
  for (const statement of STATEMENTS) await query(statement, statement.includes('$1') ? [practiceId] : []);
  const counts: Record<string, number> = {};
  for (const table of ['claim_batches', 'claim_versions', 'claim_lines', 'remit_payments', 'remit_lines']) {
    const { rows } = await query<{ n: string }>(`select count(*) as n from ${table} where practice_id = $1`, [
      practiceId,
    ]);
    counts[table] = Number(rows[0]!.n);
  }
  await query('analyze claim_batches, claim_versions, claim_lines, remit_payments, remit_lines');
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dbName = option('db', 'sgrt_bench');
  if (!(await databaseExists(dbName))) throw new Error(`no database ${dbName}: seed it with app-seed.ts`);
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: databaseUrl(dbName) });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      'select id from practices order by created_at limit 1',
    );
    const practiceId = rows[0]!.id;
    progress('seeding claims and remittances from the charges…');
    const t = performance.now();
    const counts = await seedBilling(
      async <R>(text: string, params: readonly unknown[] = []) => ({
        rows: (await client.query(text, [...params])).rows as R[],
      }),
      practiceId,
    );
    line('app-seed-billing', {
      metric: 'seed_seconds',
      value: round((performance.now() - t) / 1000, 1),
      unit: 's',
      rows_by_table: counts,
    });
  } finally {
    await client.end();
  }
}
