import type { AuditContext } from '../core/audit/audit-course.js';
import { type CodingResult, selectCodes } from '../core/coding/select-codes.js';
import { sessionFactsSchema } from '../core/model/session-facts.js';
import { unknownProfileFinding } from '../core/payers/rules/payer-004-known-profile.js';
import { validateDocument } from '../formats/json/validate-document.js';
import { InputError } from './engine-context.js';
import { readInputFiles } from './input-files.js';

export interface CodedSession extends CodingResult {
  file: string;
}

/** `sgrt-billing code`: session facts documents → billable lines and findings. Invalid input → InputError. */
export async function codeSessions(paths: readonly string[], ctx: AuditContext): Promise<CodedSession[]> {
  const { files, problems } = await readInputFiles(paths);
  const parsed = files.map((f) => ({
    file: f.name,
    result: validateDocument(f.text, f.name, sessionFactsSchema),
  }));
  problems.push(...parsed.flatMap((p) => (p.result.ok ? [] : p.result.problems)));
  if (problems.length > 0) throw new InputError(problems);
  return parsed.map(({ file, result }) => {
    if (!result.ok) throw new Error('unreachable: invalid documents were reported above');
    const facts = result.value;
    const requested = facts.payer ?? 'default';
    const profile = ctx.profiles.get(requested);
    const coded = selectCodes(facts, { profile: profile ?? ctx.profiles.get('default')!, rates: ctx.rates });
    if (!profile) coded.findings.unshift(unknownProfileFinding(requested, 'session'));
    return { file, ...coded };
  });
}
