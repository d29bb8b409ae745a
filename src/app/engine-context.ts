import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type AuditOptions, auditOptionsSchema } from '../core/audit/audit-options.js';
import type { AuditContext } from '../core/audit/audit-course.js';
import type { InputProblem } from '../core/model/input-problem.js';
import { BUNDLED_PROFILES } from '../core/payers/bundled-profiles.js';
import { type PayerProfile, payerProfileSchema } from '../core/payers/payer-profile.js';
import { SEED_2026 } from '../core/rates/seed-2026.js';
import { validateDocument } from '../formats/json/validate-document.js';

export const payerProfilesDocumentSchema = z.array(payerProfileSchema);

export interface EngineSettings {
  /** A JSON file with more payer profiles (an array); a profile with a bundled id replaces it. */
  profilesFile?: string;
  options?: Partial<AuditOptions>;
  now: number;
}

export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => `${p.location}: ${p.message}`).join('\n'));
  }
}

/** The context the engine runs in: bundled profiles plus the user's, the rate table, options and now. */
export async function engineContext(settings: EngineSettings): Promise<AuditContext> {
  const profiles = new Map<string, PayerProfile>(BUNDLED_PROFILES.map((p) => [p.id, p]));
  if (settings.profilesFile) {
    let text: string;
    try {
      text = await readFile(settings.profilesFile, 'utf8');
    } catch {
      throw new InputError([
        { location: settings.profilesFile, message: 'cannot read the payer profiles file' },
      ]);
    }
    const parsed = validateDocument(text, settings.profilesFile, payerProfilesDocumentSchema);
    if (!parsed.ok) throw new InputError(parsed.problems);
    for (const p of parsed.value) profiles.set(p.id, p);
  }
  const options = auditOptionsSchema.safeParse(settings.options ?? {});
  if (!options.success) {
    throw new InputError(
      options.error.issues.map((i) => ({ location: `option ${i.path.join('.')}`, message: i.message })),
    );
  }
  return { profiles, rates: SEED_2026, options: options.data, now: settings.now };
}
