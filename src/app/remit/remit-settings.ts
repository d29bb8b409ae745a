import { readFile } from 'node:fs/promises';
import { authorizationKey } from '../../core/authorizations/authorization-number.js';
import { placeOfService as placeOfServiceSchema } from '../../core/model/session-facts.js';
import { remitOptionsSchema } from '../../core/remit/remit-options.js';
import { readAuthorizations } from '../../formats/csv/read-authorizations.js';
import { engineContext, InputError } from '../engine-context.js';
import type { KnownAuthorization, RemitSettings } from './analyze-remittances.js';

export interface RemitSettingsInput {
  placeOfService?: string | undefined;
  payerProfile?: string | undefined;
  profilesFile?: string | undefined;
  authorizationsFile?: string | undefined;
  underpaymentMarginPercent?: number | undefined;
}

/** The settings of a command-line remittance analysis, with every bad value reported at once. */
export async function remitSettings(input: RemitSettingsInput): Promise<RemitSettings> {
  const ctx = await engineContext({
    now: 0,
    ...(input.profilesFile ? { profilesFile: input.profilesFile } : {}),
  });
  const problems = [];
  const pos = placeOfServiceSchema.safeParse(input.placeOfService ?? '11');
  if (!pos.success) problems.push({ location: '--pos', message: 'place of service 11, 19 or 22' });
  const profile = ctx.profiles.get(input.payerProfile ?? 'default');
  if (!profile) {
    problems.push({
      location: '--payer',
      message: `unknown payer profile; known: ${[...ctx.profiles.keys()].join(', ')}`,
    });
  }
  const options = remitOptionsSchema.safeParse(
    input.underpaymentMarginPercent === undefined
      ? {}
      : { underpaymentMarginPercent: input.underpaymentMarginPercent },
  );
  if (!options.success)
    problems.push({ location: '--underpayment-margin', message: 'a percentage from 0 to 100' });
  const authorizations = new Map<string, KnownAuthorization>();
  if (input.authorizationsFile) {
    const bytes = await readFile(input.authorizationsFile).catch(() => null);
    const read = bytes ? readAuthorizations(new Uint8Array(bytes), input.authorizationsFile) : null;
    if (!read)
      problems.push({ location: input.authorizationsFile, message: 'cannot read the authorizations file' });
    else if (!read.ok) problems.push(...read.problems);
    else {
      for (const a of read.value.authorizations) {
        authorizations.set(authorizationKey(a.authorizationNumber), {
          number: a.authorizationNumber,
          obtainedOn: a.obtainedOn,
          validFrom: a.validFrom,
        });
      }
    }
  }
  if (problems.length || !pos.success || !profile || !options.success) throw new InputError(problems);
  return { placeOfService: pos.data, profile, rates: ctx.rates, options: options.data, authorizations };
}
