import { Command, CommanderError } from 'commander';
import { InputError } from '../app/engine-context.js';
import { LETTER_TYPES } from '../core/letters/letter-types.js';
import { REMIT_CATEGORIES, REMIT_QUEUES } from '../core/remit/remit-category.js';
import { EXIT, UsageError } from './cli-errors.js';
import { counted } from '../core/text/plural.js';

/** The CLI: one lazily loaded module per command; read → app → print. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('sgrt-billing')
    .description('Code, audit and bill radiation treatment delivered with motion management (2026 code set).')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('code')
    .description('decide the billable lines for one session from a facts document')
    .argument('<facts...>', 'session facts JSON file(s) (schema/session-facts.schema.json)')
    .option('--format <format>', 'json or table', 'json')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above info|warning|error')
    .option('--profiles <file>', 'extra payer profiles (JSON array, schema/payer-profiles.schema.json)')
    .action(async (files: string[], opts) =>
      setExit(await (await import('./commands/code.js')).runCode(files, opts)),
    );

  program
    .command('audit')
    .description('audit course documents: per fraction ready / hold / downgrade, lines and findings')
    .argument('<paths...>', 'course JSON files or folders of them (schema/course.schema.json)')
    .option('--format <format>', 'json, ndjson (one fraction per line) or table', 'json')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above info|warning|error')
    .option('--now <instant>', 'audit as of this instant (default: now), e.g. 2026-03-20T12:00:00-04:00')
    .option('--rule <id>', 'show only findings whose rule id starts with this, e.g. DOC-008')
    .option('--profiles <file>', 'extra payer profiles (JSON array)')
    .option('--occlusion-tolerance <seconds>', 'monitoring gaps tolerated during beam-on (default 10)')
    .option('--last-fraction-hours <hours>', 'signature deadline after the last fraction (default 72)')
    .option('--skip-invalid', 'audit the valid documents even when others are invalid')
    .action(async (paths: string[], opts) =>
      setExit(await (await import('./commands/audit.js')).runAudit(paths, opts)),
    );

  program
    .command('import')
    .description(
      'read clinic exports (DICOM, AlignRT, R&V CSV, HL7, FHIR, CSV), link them into courses and audit them',
    )
    .argument('<paths...>', 'export files or folders; a folder needs courses.json (and clinic.json)')
    .option('--format <format>', 'json or table', 'table')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above info|warning|error')
    .option('--now <instant>', 'audit as of this instant (default: now)')
    .option('--profiles <file>', 'extra payer profiles (JSON array)')
    .option('--out <dir>', 'also write the linked course documents to this folder')
    .option(
      '--mapping <file>',
      "the site's record-and-verify CSV column mapping (see src/formats/csv/README.md)",
    )
    .option('--no-progress', 'do not print progress on stderr')
    .action(async (paths: string[], opts) =>
      setExit(await (await import('./commands/import.js')).runImport(paths, opts)),
    );

  program
    .command('demo-data')
    .description(
      'write a synthetic clinic in the real export formats, with the expected outcome per fraction',
    )
    .option('--patients <n>', 'patients, one course each (1–2000)', '40')
    .option('--days <n>', 'treatment days (weekdays, 1–60)', '30')
    .option('--seed <n>', 'random seed (the same seed writes the same files)', '1')
    .requiredOption('--out <dir>', 'the folder to write')
    .option('--now <instant>', 'the export instant (default: the last treatment day, noon)')
    .option('--force', 'replace a folder that is not empty')
    .action(async (opts) => setExit(await (await import('./commands/demo-data.js')).runDemoData(opts)));

  program
    .command('serve')
    .description('serve the web UI and the HTTP API, with a job worker (DATABASE_URL selects PostgreSQL)')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--demo', 'load the demo practice into an empty database and print the demo logins')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .option(
      '--public-url <url>',
      'the URL browsers use (https://… behind a TLS proxy): secure cookies, same-origin checks (or SGRT_PUBLIC_URL)',
    )
    .option(
      '--trust-proxy <addresses>',
      'IP addresses of reverse proxies whose X-Forwarded-For names the client, comma-separated (or SGRT_TRUST_PROXY; default none)',
    )
    .option(
      '--upload-retention-hours <n>',
      'hours the uploaded files of a finished or failed import are kept, then removed; 0: with the result (or SGRT_UPLOAD_RETENTION_HOURS; default 24)',
    )
    .action(async (opts) => setExit(await (await import('./commands/serve.js')).runServe(opts)));

  program
    .command('remit')
    .description(
      'classify every service line of X12 835 remittances into a category and a work queue with its next action and appeal date',
    )
    // The names the classification itself uses (src/core/remit/remit-category.ts), so help cannot lag behind.
    .addHelpText(
      'after',
      `\nCategories: ${REMIT_CATEGORIES.join(', ')}\nWork queues: ${REMIT_QUEUES.join(', ')}`,
    )
    .argument('<files...>', '835 files or folders')
    .option('--format <format>', 'json, ndjson or table', 'table')
    .option(
      '--pos <code>',
      'place of service of the claims: 11 freestanding, 19 or 22 hospital outpatient',
      '11',
    )
    .option('--payer <profile>', 'payer profile id (default, medicare, uhc, evicore, …)', 'default')
    .option('--profiles <file>', 'a JSON file with more payer profiles')
    .option('--authorizations <file>', "the practice's authorizations CSV (matched by the claims' REF*G1)")
    .option('--underpayment-margin <percent>', 'how far below the expected amount counts as underpaid', '5')
    .action(async (files, opts) =>
      setExit(await (await import('./commands/remit.js')).runRemit(files, opts)),
    );

  program
    .command('claims')
    .description(
      "write an 837P or 837I batch of the practice's released charges not sent yet (stored in the app database)",
    )
    .option(
      '--format <format>',
      "837p (professional: freestanding global, the hospital's -26 half) or 837i (hospital technical); default 837p for a freestanding practice (place of service 11)",
    )
    .option('--out <file>', 'write the 837 here instead of stdout')
    .option(
      '--period <period>',
      "one claim per patient per date, week or month (default: the practice's setting)",
    )
    .option('--through <date>', 'only dates of service up to this date (YYYY-MM-DD)')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .option('--practice <id>', 'the practice (needed when the database holds several)')
    .action(async (opts) => setExit(await (await import('./commands/claims.js')).runClaims(opts)));

  program
    .command('claim')
    .description(
      "one claim sent before: a corrected claim (CLM05-3 7) or a void (8) with the payer's claim control number (Medicare Part B: a new claim after an unprocessable return, else a reopening), the secondary claim after the primary's 835, or its history",
    )
    .argument('<action>', 'correct, void, secondary or history')
    .requiredOption('--claim <number>', 'the claim number (CLM01, CLP01 on the 835) or a remittance line id')
    .option('--payer-claim <number>', "the payer's claim control number (CLP07) when no stored 835 gives it")
    .option('--out <file>', 'write the 837 (or the history) here instead of stdout')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .option('--practice <id>', 'the practice (needed when the database holds several)')
    .action(async (action: string, opts) =>
      setExit(await (await import('./commands/claim.js')).runClaim(action, opts)),
    );

  program
    .command('reference')
    .description('CMS reference data and contract rates in the app database')
    .command('import')
    .description(
      'import CMS files (PPRRVU, GPCI, locality key, OPPS Addendum B, NCCI PTP, MUE; recognised by their headers) and contract-rate CSVs',
    )
    .argument('<files...>', 'files or folders')
    .option('--year <year>', 'the release year (default: this year)')
    .option('--quarter <quarter>', 'the release quarter 1–4 (default: this quarter)')
    .option('--effective-from <date>', "first date of service covered (default: the quarter's first day)")
    .option('--effective-to <date>', 'last date of service covered (default: until a later release)')
    .option(
      '--practice <id>',
      'the practice of contract-rate CSVs and --locality (needed when the database holds several)',
    )
    .option('--locality <carrier-locality>', "set the practice's Medicare locality, e.g. 01112-05")
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .action(async (files, opts) =>
      setExit(await (await import('./commands/reference.js')).runReferenceImport(files, opts)),
    );

  program
    .command('letter')
    .description(
      'draft a prior-authorization or retro-authorization request, an appeal, a Medicare redetermination request or a peer-to-peer sheet from the app database, as PDF or Word',
    )
    .argument('<type>', `one of ${LETTER_TYPES.join(', ')}`)
    .requiredOption('--course <course>', 'course key (or id)')
    .option(
      '--claim <claim>',
      'the remittance line appealed: its id, or the claim number (a retro-authorization request or 2025 authorization appeal answers all its lines of that denial)',
    )
    .requiredOption('--out <file>', 'file.pdf or file.docx')
    .option(
      '--packet',
      'one PDF: the letter and an evidence page per enclosure (records, orders, remittance line)',
    )
    .option(
      '--redraft',
      "also draft the line's letter stored in the app again from the chart, in place (its edited text is replaced; a final letter is refused)",
    )
    .option('--data-dir <dir>', 'PGlite data directory when DATABASE_URL is not set', '.data/db')
    .option('--practice <id>', 'the practice, when the database holds several')
    .option(
      '--now <instant>',
      "the letter date from this instant, e.g. 2026-03-13T12:00:00-04:00 (default: on the demo's data the demo clock, else today)",
    )
    .action(async (type, opts) =>
      setExit(await (await import('./commands/letter.js')).runLetter(type, opts)),
    );

  const practice = program
    .command('practice')
    .description(
      "a clinic's practice in the app database: create it, list them, its billing settings, its covering physicians",
    );
  practice
    .command('create')
    .description(
      'create a practice from its clinic.json (and billing.json) with its first administrator; prints its id (the password from SGRT_ADMIN_PASSWORD or typed)',
    )
    .requiredOption('--name <name>', "the practice's name")
    .requiredOption(
      '--clinic <file>',
      'clinic.json: facility time zone, place of service, … (schema/clinic.schema.json)',
    )
    .option('--billing <file>', 'billing.json: the 837 billing settings (see examples/billing.json)')
    .requiredOption('--admin-email <email>', "the administrator's login")
    .option('--admin-name <name>', "the administrator's display name (default: the email)")
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .action(async (opts) => setExit(await (await import('./commands/practice.js')).runPracticeCreate(opts)));
  practice
    .command('list')
    .description('the practices: id, name, users, whether the billing settings are complete')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .action(async (opts) => setExit(await (await import('./commands/practice.js')).runPracticeList(opts)));
  practice
    .command('billing')
    .description("replace the practice's billing settings (--file, validated) or print them as JSON (--show)")
    .option('--file <file>', 'billing.json (see examples/billing.json)')
    .option('--show', 'print the current settings as JSON')
    .option('--practice <id>', 'the practice (needed when the database holds several)')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .action(async (opts) => setExit(await (await import('./commands/practice.js')).runPracticeBilling(opts)));

  const cover = practice
    .command('cover')
    .description(
      "covering physicians who may sign besides a course's physician: for a course, or for a physician over dates",
    );
  cover
    .command('list')
    .description('the designations, who made each and when')
    .option('--practice <id>', 'the practice (needed when the database holds several)')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .action(async (opts) => setExit(await (await import('./commands/practice.js')).runCoverList(opts)));
  cover
    .command('add')
    .description('designate a covering physician (the courses concerned are re-audited)')
    .requiredOption('--physician <id>', "the covering physician's id in the chart")
    .option('--course <id>', 'the chart course id they cover')
    .option('--for <id>', 'or the physician they cover, with --from and --to')
    .option('--from <date>', 'first facility date covered, YYYY-MM-DD')
    .option('--to <date>', 'last facility date covered, YYYY-MM-DD')
    .option('--practice <id>', 'the practice (needed when the database holds several)')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .action(async (opts) => setExit(await (await import('./commands/practice.js')).runCoverAdd(opts)));
  cover
    .command('remove')
    .description('remove a designation by its id (the courses concerned are re-audited)')
    .requiredOption('--id <id>', 'the designation id (from `practice cover list`)')
    .option('--practice <id>', 'the practice (needed when the database holds several)')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .action(async (opts) => setExit(await (await import('./commands/practice.js')).runCoverRemove(opts)));

  const user = program.command('user').description("a practice's logins: add, list, disable");
  user
    .command('add')
    .description('add a login (the password from SGRT_USER_PASSWORD or typed)')
    .requiredOption('--email <email>', 'the login')
    .requiredOption(
      '--role <role>',
      'admin, physician, coder, biller, viewer, or operator (the installation operator: loads the CMS reference data every practice shares)',
    )
    .option('--name <name>', 'display name (default: the email)')
    .option('--physician-id <id>', "a physician's id in the chart (their signature worklist)")
    .option('--practice <id>', 'the practice (needed when the database holds several)')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .action(async (opts) => setExit(await (await import('./commands/practice.js')).runUserAdd(opts)));
  user
    .command('list')
    .description("the practice's logins")
    .option('--practice <id>', 'the practice (needed when the database holds several)')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .action(async (opts) => setExit(await (await import('./commands/practice.js')).runUserList(opts)));
  user
    .command('disable')
    .description('disable a login: it can no longer log in, its sessions end')
    .requiredOption('--email <email>', 'the login')
    .option('--practice <id>', 'the practice (needed when the database holds several)')
    .option('--data-dir <dir>', 'PGlite data folder when DATABASE_URL is not set', '.data/db')
    .action(async (opts) => setExit(await (await import('./commands/practice.js')).runUserDisable(opts)));

  program
    .command('rules')
    .description('list the rule catalogue: id, severity, title and the source each rule encodes')
    .option('--format <format>', 'json or table', 'json')
    .option('--id <prefix>', 'only rules whose id starts with this, e.g. DOC')
    .action(async (opts) => setExit(await (await import('./commands/rules.js')).runRules(opts)));

  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT.input;
    }
    if (error instanceof InputError) {
      process.stderr.write(`Nothing was done: ${counted(error.problems.length, 'input problem')}.\n`);
      for (const p of error.problems) process.stderr.write(`  ${p.location}: ${p.message}\n`);
      return EXIT.input;
    }
    // A bug: no message text (it could quote patient data), only where it happened.
    const name = error instanceof Error ? error.name : typeof error;
    process.stderr.write(`internal error (${name}); please report it with the command you ran.\n`);
    if (process.env.SGRT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}
