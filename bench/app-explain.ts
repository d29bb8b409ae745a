/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of every list query the app serves (issue 15), on a database seeded by
 * app-seed.ts (`--db`, left in place). Each case calls the use case behind a list endpoint once in this
 * process, on a Kysely that records its statements (app-recorder.ts), then explains every SELECT it
 * issued: one JSON line per statement (execution ms, rows, the plan's scans and joins), the plans in
 * full to bench/out/app-explain.txt and a Markdown table to bench/out/app-explain.md. Anchor: the whole
 * use case's time in the same call (`baseline`).
 *
 *   node --import tsx bench/app-explain.ts [--db sgrt_bench] [--only worklist] [--pg-url postgres://…]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { Actor, AppContext } from '../src/app/app-context.js';
import { listClaimBatches } from '../src/app/claims/claim-batches.js';
import { listClaims } from '../src/app/claims/claim-versions.js';
import { listAccessLog } from '../src/app/queries/access-log-entries.js';
import { listCourses } from '../src/app/queries/courses.js';
import { dashboard } from '../src/app/queries/dashboard.js';
import { listFractions } from '../src/app/queries/fractions.js';
import { signaturesDue } from '../src/app/queries/signatures-due.js';
import { today } from '../src/app/queries/today.js';
import { listUnlinkedRecords } from '../src/app/queries/unlinked-records.js';
import { worklistChoices } from '../src/app/queries/worklist-choices.js';
import { listRemitLines } from '../src/app/remit/remit-lines.js';
import { listRemitPayments } from '../src/app/remit/remit-payments.js';
import type { FractionQuery } from '../src/app/views.js';
import { benchPool, explain, isSelect, type PlanNode, recordingContext } from './app-recorder.js';
import { databaseExists, databaseUrl, line, option, progress, round } from './app-support.js';

const BENCH = 'app-explain';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dbName = option('db', 'sgrt_bench');
const only = option('only', '');
if (!(await databaseExists(dbName))) throw new Error(`no database ${dbName}: seed it with app-seed.ts`);

const pool = benchPool(databaseUrl(dbName));
try {
  const inputs = await readInputs(pool);
  const { ctx, recorded } = await recordingContext(pool);
  const cases = listCases(ctx, inputs);
  const text: string[] = [];
  const table = ['| case | statement | plan (scans, joins) | rows | ms |', '| --- | --- | --- | --- | --- |'];
  for (const [name, call] of Object.entries(cases)) {
    if (only && !name.startsWith(only)) continue;
    progress(name);
    recorded.length = 0;
    const t = performance.now();
    await call();
    const total = performance.now() - t;
    const selects = recorded.filter(isSelect);
    text.push(`## ${name} (use case ${round(total, 1)} ms)`, '');
    for (const [i, r] of selects.entries()) {
      const plan = await explain(pool, r, 'json');
      const shape = planShape(plan.Plan);
      const statement = statementName(r.query.sql);
      line(BENCH, {
        metric: 'execution_ms',
        case: name,
        statement: `${i + 1} ${statement}`,
        value: round(plan['Execution Time'], 2),
        unit: 'ms',
        baseline: round(total, 1),
        baseline_name: 'the whole use case, one call, no concurrent load',
        ratio: round(plan['Execution Time'] / total, 3),
        rows: plan.Plan['Actual Rows'],
        buffers: (plan.Plan['Shared Hit Blocks'] ?? 0) + (plan.Plan['Shared Read Blocks'] ?? 0),
        plan: shape,
      });
      table.push(
        `| ${name} | ${statement} | ${shape} | ${plan.Plan['Actual Rows']} | ${round(plan['Execution Time'], 1)} |`,
      );
      text.push(`-- ${r.query.sql}`, '', await explain(pool, r, 'text'), '');
    }
  }
  await mkdir(`${ROOT}bench/out`, { recursive: true });
  await writeFile(`${ROOT}bench/out/app-explain.txt`, `${text.join('\n')}\n`);
  await writeFile(`${ROOT}bench/out/app-explain.md`, `${table.join('\n')}\n`);
  progress('plans: bench/out/app-explain.txt, table: bench/out/app-explain.md');
} finally {
  await pool.end();
}

/** The list use cases, each called as its endpoint calls it, by the role that reads it. */
function listCases(ctx: AppContext, x: Inputs): Record<string, () => Promise<unknown>> {
  const as = (role: Actor['role'], physicianId: string | null = null): Actor => ({
    userId: x.users[role] ?? 'bench-user',
    practiceId: x.practiceId,
    role,
    displayName: `Bench ${role}`,
    physicianId,
  });
  const coder = as('coder');
  const physician = as('physician', x.physician);
  const admin = as('admin');
  const worklist = (q: FractionQuery) => () => listFractions(ctx, coder, { limit: 50, ...q });
  const held = { status: 'hold', sort: 'deadline' } as const;
  return {
    'worklist, no filter (date)': worklist({}),
    'worklist, no filter, date desc': worklist({ order: 'desc' }),
    'worklist, no filter, page 5 (offset 200)': worklist({ offset: 200 }),
    'worklist, status hold (date)': worklist({ status: 'hold' }),
    'worklist, status ready (date)': worklist({ status: 'ready' }),
    'worklist, status downgrade (date)': worklist({ status: 'downgrade' }),
    'worklist, hold by deadline': worklist(held),
    'worklist, hold by deadline, page 5': worklist({ ...held, offset: 200 }),
    'worklist, sort deadline': worklist({ sort: 'deadline' }),
    'worklist, sort at risk': worklist({ sort: 'atRisk', order: 'desc' }),
    'worklist, sort patient': worklist({ sort: 'patient' }),
    [`worklist, rule ${x.commonRule}`]: worklist({ ruleId: x.commonRule }),
    [`worklist, hold, rule ${x.commonRule}`]: worklist({ ...held, ruleId: x.commonRule }),
    [`worklist, hold, rule ${x.rareRule} (rarest)`]: worklist({ ...held, ruleId: x.rareRule }),
    [`worklist, payer ${x.commonPayer}`]: worklist({ payer: x.commonPayer }),
    [`worklist, hold, payer ${x.commonPayer}`]: worklist({ ...held, payer: x.commonPayer }),
    'worklist, hold, payer with no held fraction': worklist({ ...held, payer: x.payerWithoutHolds }),
    'worklist, physician': worklist({ physicianId: x.physician }),
    'worklist, hold, physician': worklist({ ...held, physicianId: x.physician }),
    'worklist, patient search (name part)': worklist({ search: x.namePart }),
    'worklist, patient search (no match)': worklist({ search: 'zzzz-no-such-patient' }),
    'signatures due, coder': () => signaturesDue(ctx, coder, {}),
    'signatures due, coder, page 5': () => signaturesDue(ctx, coder, { offset: 200 }),
    'signatures due, physician': () => signaturesDue(ctx, physician, {}),
    'signatures due, image reviews': () => signaturesDue(ctx, coder, { document: 'igrt-review' }),
    dashboard: () => dashboard(ctx, coder, {}),
    'today, coder': () => today(ctx, coder),
    'today, physician': () => today(ctx, physician),
    'worklist choices': () => worklistChoices(ctx, coder),
    courses: () => listCourses(ctx, coder, {}),
    'courses, search': () => listCourses(ctx, coder, { search: x.namePart }),
    'courses, search (no match)': () => listCourses(ctx, coder, { search: 'zzzz-no-such-patient' }),
    'remittance lines': () => listRemitLines(ctx, coder, {}),
    'remittance lines, page 5': () => listRemitLines(ctx, coder, { offset: 200 }),
    'remittance lines, queue appeal': () => listRemitLines(ctx, coder, { queue: 'appeal' }),
    'remittance lines, queue appeal, deadline in 30 days': () =>
      listRemitLines(ctx, coder, { queue: 'appeal', appealFrom: x.appealFrom, appealTo: x.appealTo }),
    [`remittance lines, payer ${x.commonPayer}`]: () => listRemitLines(ctx, coder, { payer: x.commonPayer }),
    'remittance lines, unmatched': () => listRemitLines(ctx, coder, { matched: false }),
    'remittance payments': () => listRemitPayments(ctx, coder, {}),
    claims: () => listClaims(ctx, coder, {}),
    'claims, page 5': () => listClaims(ctx, coder, { offset: 200 }),
    'claims, claim number prefix': () => listClaims(ctx, coder, { q: x.claimPrefix }),
    'claim batches': () => listClaimBatches(ctx, coder, {}),
    'access log': () => listAccessLog(ctx, admin, {}),
    'access log, patient': () => listAccessLog(ctx, admin, { patient: x.namePart }),
    'access log, user': () => listAccessLog(ctx, admin, { userId: x.users.coder }),
    'unlinked records': () => listUnlinkedRecords(ctx, coder, {}),
  };
}

/** "Limit › Index Scan fractions_deadline › …": the plan's nodes, scans with their index or table. */
function planShape(node: PlanNode): string {
  const parts: string[] = [];
  const walk = (n: PlanNode) => {
    const on = n['Index Name'] ?? n['Relation Name'];
    const kind =
      n['Join Type'] && n['Join Type'] !== 'Inner' ? `${n['Node Type']} (${n['Join Type']})` : n['Node Type'];
    const part = on ? `${kind} ${on}` : kind;
    if (!['Limit', 'Result', 'Materialize', 'Memoize', 'Gather', 'Gather Merge'].includes(n['Node Type']))
      if (!parts.includes(part)) parts.push(part);
    n.Plans?.forEach(walk);
  };
  walk(node);
  return parts.join(' › ');
}

/** What a statement reads: the table of its outermost FROM (a count names the table it counts). */
function statementName(sql: string): string {
  let depth = 0;
  let from = '?';
  for (const m of sql.matchAll(/[()]|\bfrom\s+"?(\w+)"?/gi)) {
    if (m[0] === '(') depth++;
    else if (m[0] === ')') depth--;
    else if (depth === 0 && from === '?') from = m[1]!;
  }
  if (from === '?') from = /\bfrom\s+"?(\w+)"?/i.exec(sql)?.[1] ?? '?';
  return /^\s*select\s+count\(\*\)/i.test(sql) ? `count (${from})` : from;
}

type Inputs = Awaited<ReturnType<typeof readInputs>>;

/** The practice, its logins, and filter values that make the plans differ (common, rare, empty). */
async function readInputs(pool: pg.Pool) {
  const one = async <R extends object>(text: string, params: unknown[] = []): Promise<R> => {
    const r = await pool.query<R>(text, params);
    if (!r.rows[0]) throw new Error(`no row: ${text}`);
    return r.rows[0];
  };
  const { id: practiceId } = await one<{ id: string }>(
    'select id from practices order by created_at limit 1',
  );
  const users = (
    await pool.query<{ role: string; id: string }>(
      `select role, id from users where email like '%@bench.test' and practice_id = $1`,
      [practiceId],
    )
  ).rows;
  const rules = (
    await pool.query<{ rule_id: string; n: string }>(
      `select rule_id, count(*) as n from findings
        where practice_id = $1 and severity != 'info' and fraction_id is not null group by 1 order by 2 desc`,
      [practiceId],
    )
  ).rows;
  const payers = (
    await pool.query<{ payer: string; held: string }>(
      `select c.payer, count(f.id) as held from (select distinct payer from fractions where practice_id = $1) c
         left join fractions f on f.practice_id = $1 and f.payer = c.payer and f.status = 'hold'
        group by 1 order by 2 desc`,
      [practiceId],
    )
  ).rows;
  const { physician_id: physician } = await one<{ physician_id: string }>(
    `select physician_id from courses where practice_id = $1 group by 1 order by count(*) desc limit 1`,
    [practiceId],
  );
  const { name } = await one<{ name: string }>(
    `select name from patients where practice_id = $1 and name is not null order by md5(id) limit 1`,
    [practiceId],
  );
  const { appeal_from: appealFrom, appeal_to: appealTo } = await one<{
    appeal_from: string;
    appeal_to: string;
  }>(
    `select coalesce(min(appeal_by), current_date)::text as appeal_from,
       (coalesce(min(appeal_by), current_date) + 30)::text as appeal_to
     from remit_lines where practice_id = $1 and queue = 'appeal'`,
    [practiceId],
  );
  const { course_key: courseKey } = await one<{ course_key: string }>(
    `select course_key from courses where practice_id = $1 order by md5(id) limit 1`,
    [practiceId],
  );
  return {
    practiceId,
    appealFrom,
    appealTo,
    claimPrefix: courseKey.slice(0, 4),
    users: Object.fromEntries(users.map((u) => [u.role, u.id])) as Partial<Record<Actor['role'], string>>,
    physician,
    commonRule: rules[0]!.rule_id,
    rareRule: rules.at(-1)!.rule_id,
    commonPayer: payers[0]!.payer,
    payerWithoutHolds: payers.find((p) => Number(p.held) === 0)?.payer ?? 'no such payer',
    namePart: name.split(/[\s,]+/)[0]!,
  };
}
