import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Actor, AppContext } from '../../app/app-context.js';
import { AppError } from '../../app/app-errors.js';
import { draftLetter } from '../../app/letters/draft-letter.js';
import { enclosuresFor } from '../../app/letters/letter-enclosures.js';
import { resolveLetterTarget } from '../../app/letters/letter-facts.js';
import { redraftLetter } from '../../app/letters/letter-commands.js';
import { lineLetters } from '../../app/letters/letter-store.js';
import { currentTemplate } from '../../app/letters/letter-templates.js';
import type { Enclosure } from '../../core/letters/appeal-facts.js';
import {
  APPEAL_TYPES,
  isLetterType,
  LETTER_TYPES,
  type LetterType,
} from '../../core/letters/letter-types.js';
import { writeLetterDocx } from '../../formats/letters/write-letter-docx.js';
import { writeLetterPdf } from '../../formats/letters/write-letter-pdf.js';
import { EXIT, UsageError } from '../cli-errors.js';
import { openCliApp } from '../open-cli-app.js';
import { checkOutFile } from '../out-file-option.js';
import { instantOption } from '../shared-options.js';
import { counted } from '../../core/text/plural.js';

export interface LetterCommandOptions {
  course: string;
  claim?: string;
  out: string;
  /** The PDF packet: the letter and an evidence page per enclosure. */
  packet?: boolean;
  /** Also draft the line's stored letter again from the chart, in place (`redraftLetter`). */
  redraft?: boolean;
  dataDir?: string;
  practice?: string;
  now?: string;
}

const WRITERS = {
  '.pdf': writeLetterPdf,
  '.docx': writeLetterDocx,
} as const;

/**
 * `sgrt-billing letter <type> --course <course key or id> [--claim <remit line id or claim number>]
 * --out file.pdf|.docx [--packet] [--now INSTANT]`: drafts the letter, dated by --now (else, on the
 * demo's data, by the demo clock `serve --demo` runs; else today), from the app database (DATABASE_URL, else PGlite
 * under --data-dir) with the practice's current template, and writes it; with --packet, one PDF with the
 * letter and an evidence page per enclosure (the records of the date, signed orders, the remittance
 * line). Warnings and missing chart elements go to stderr. Exit 1 when the chart cannot support the
 * letter: the file is still written, and is the "what to add first" sheet to hand to the physician.
 * A line whose stored letter is of another type is refused (exit 2, naming it): one letter per line.
 * With --redraft, the line's letter stored in the app is drafted again from the chart too, in place
 * (the same id; its edited text replaced), as the editor's "Redraft from the chart" does; a final one is
 * refused (exit 2: set it back to draft first).
 * Exit 2 on bad input (type, course, an appeal without --claim, --out), checked before the database is opened.
 */
export async function runLetter(type: string, opts: LetterCommandOptions): Promise<number> {
  if (!isLetterType(type))
    throw new UsageError(`unknown letter type "${type}" (one of ${LETTER_TYPES.join(', ')})`);
  const ext = extname(opts.out).toLowerCase();
  if (!(ext in WRITERS)) throw new UsageError(`--out must end in .pdf or .docx (got "${opts.out}")`);
  if (opts.packet && ext !== '.pdf') throw new UsageError(`--packet writes a PDF: --out must end in .pdf`);
  if (opts.redraft && opts.claim === undefined)
    throw new UsageError('--redraft needs --claim: the remittance line whose stored letter is drafted again');
  if (APPEAL_TYPES.includes(type) && opts.claim === undefined)
    throw new UsageError(`${type} needs --claim: the remittance line appealed (its id, or the claim number)`);
  const now = instantOption(opts.now);
  await checkOutFile(opts.out);
  const { app, actor } = await openCliApp({
    dataDir: opts.dataDir,
    practice: opts.practice,
    course: opts.course,
    role: 'biller',
    now,
  });
  try {
    // The letter's date is the app's now: --now, else on the demo's data the demo clock, else today.
    const demoNow =
      now === undefined
        ? await (await import('../../app/setup/demo-practice.js')).demoNowFor(app.ctx.db, actor.practiceId)
        : null;
    const ctx = demoNow === null ? app.ctx : { ...app.ctx, now: () => demoNow };
    let draft;
    let enclosures: Enclosure[] = [];
    try {
      const target = await resolveLetterTarget(ctx, actor, opts.course, opts.claim, type).catch(
        (e: unknown) => {
          // The course or line a flag names is not found, or cannot have this letter: name the flag and its value.
          const flag = e instanceof AppError ? e.issues[0]?.location : undefined;
          if (e instanceof AppError && (flag === 'course' || flag === 'claim'))
            throw new AppError(e.code, `--${flag} ${opts[flag]}: ${e.message}`);
          throw e;
        },
      );
      if (target.remitLineId !== undefined)
        await refuseTwin(ctx, actor, type, target.remitLineId, opts.claim);
      if (opts.redraft) {
        const stored = (await lineLetters(ctx.db, actor.practiceId, [target.remitLineId!])).get(
          target.remitLineId!,
        );
        if (!stored)
          throw new AppError(
            'invalid_input',
            `--claim ${opts.claim}: the line has no stored letter to redraft`,
          );
        const letter = await redraftLetter(ctx, actor, stored.id);
        process.stderr.write(
          `stored letter ${letter.id} drafted again from the chart (${letter.ready ? 'ready' : 'not ready'})\n`,
        );
      }
      draft = await draftLetter(ctx, actor, {
        type,
        ...target,
        template: await currentTemplate(ctx.db, actor.practiceId, type),
        route: 'cli letter',
      });
      // A letter not ready is the "what to add first" sheet: written alone, never packed with records.
      if (opts.packet && draft.ready)
        enclosures = await enclosuresFor(ctx, actor, type, target.courseId, target.remitLineId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      process.stderr.write(`No letter was written: ${error.message}\n`);
      return EXIT.input;
    }
    await writeFile(
      opts.out,
      opts.packet
        ? await writeLetterPdf(draft, enclosures)
        : await WRITERS[ext as keyof typeof WRITERS](draft),
    );
    for (const w of draft.warnings) process.stderr.write(`warning ${w.code}: ${w.message}\n`);
    for (const m of draft.missing) process.stderr.write(`missing: ${m.element}: ${m.fix}\n`);
    process.stderr.write(
      draft.ready
        ? `${type}: written to ${opts.out}, dated ${draft.date}${demoNow === null ? '' : ' (demo clock)'} (${counted(draft.references.length, 'reference')}${opts.packet ? `, ${counted(enclosures.length, 'evidence page')}` : ''}, template ${draft.template.id} v${draft.template.version})\n`
        : `${type}: the chart cannot support this letter yet; ${opts.out} lists what to add first${opts.packet ? ' (no packet: the records are packed only with a letter ready to send)' : ''}\n`,
    );
    return draft.ready ? EXIT.ok : EXIT.findings;
  } finally {
    await app.close();
  }
}

/**
 * One live letter per remittance line (per claim for a claim's letter), as `POST /api/letters` gives
 * back (`covered`): a line whose stored letter is of another type gets no twin from the command line;
 * the file of its own type is written again from the chart.
 */
async function refuseTwin(
  ctx: AppContext,
  actor: Actor,
  type: LetterType,
  remitLineId: string,
  claim: string | undefined,
): Promise<void> {
  const had = (await lineLetters(ctx.db, actor.practiceId, [remitLineId])).get(remitLineId);
  if (!had || had.type === type) return;
  const of = had.covers === 'claim' ? `claim ${had.claim}` : `line ${had.lineNo} of claim ${had.claim}`;
  throw new AppError(
    'invalid_input',
    `--claim ${claim}: ${of} already has its ${had.type} letter (${had.id}): one letter per line; open it in the app, or write it with \`letter ${had.type}\``,
  );
}
