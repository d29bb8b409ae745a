import { describe, expect, it } from 'vitest';
import { cas, remitClaim, remitLine } from '../../../../test/support/remit-builder.js';
import type { RemitLineInput, SentCharge } from '../remit-line.js';
import { lineFacts } from '../remit-line.js';
import { DEFAULT_REMIT_OPTIONS } from '../remit-options.js';
import { authorizationDenial } from './remit-007-authorization-denial.js';

/** A 2026 77412 line denied CO-<reason>, its claim carrying REF*G1 `carried`, with `onFile` on file. */
function denied(reason: string, carried: string | null, onFile: string | null): RemitLineInput {
  const line = remitLine({
    dateOfService: '2026-03-10',
    adjustments: [cas('CO', reason, 60000)],
    location: 'r.835:ST[1]/2100[1]/2110[1]',
  });
  const claim = remitClaim({
    patientControlNumber: 'PCN-1',
    status: '4',
    payerClaimControlNumber: null,
    facilityType: null,
    priorAuthorization: carried,
    statementFrom: null,
    statementTo: null,
    lines: [line],
    location: 'r.835:ST[1]/2100[1]',
  });
  const charge: SentCharge = {
    code: '77412',
    modifiers: [],
    units: 1,
    dateOfService: '2026-03-10',
    placeOfService: '11',
    igrtModifierRule: 'required',
    authorization: onFile ? { number: onFile, obtainedOn: '2026-01-05', validFrom: '2026-01-05' } : null,
  };
  return {
    claim,
    line,
    charge,
    expected: { cents: 39146, basis: 'medicare', medicareCents: 39146, lowerLevelCents: 31764 },
    options: DEFAULT_REMIT_OPTIONS,
  };
}

/** CARC list (15, 197, 198, 39) and 835 2100 REF*G1: what the claim carried against what is on file. */
describe('REMIT-007: an authorization denial says which authorization is on file', () => {
  const NOT_OURS = "the claim carried authorization G1-77, which is not in the practice's authorizations";
  const cases: [string, RemitLineInput, RegExp, string, RegExp][] = [
    [
      'CO-198, REF*G1 not on file, nothing on file: no claim that one is on file',
      denied('198', 'G1-77', null),
      new RegExp(`\\(CO-198\\); ${NOT_OURS}\\.$`),
      'retro-authorization',
      /^Find authorization G1-77 .*add it to the practice's authorizations.*retro-authorization/,
    ],
    [
      'CO-197, REF*G1 not on file, nothing on file',
      denied('197', 'G1-77', null),
      new RegExp(`${NOT_OURS}\\.$`),
      'retro-authorization',
      /^Find authorization G1-77/,
    ],
    [
      'CO-15, REF*G1 not on file, another number on file for the dates: correct the number',
      denied('15', 'G1-77', 'A-2026-5'),
      new RegExp(`${NOT_OURS}; authorization A-2026-5 is on file\\.$`),
      'corrected-claim',
      /corrected claim carrying it \(REF\*G1\) instead of G1-77/,
    ],
    [
      'CO-198, REF*G1 is the one on file: exceeded',
      denied('198', 'A-2026-5', 'A-2026-5'),
      /; an authorization is on file\.$/,
      'retro-authorization',
      /^The authorization on file is exceeded/,
    ],
    [
      'CO-198, REF*G1 echoed in upper case with spaces is the one on file: exceeded',
      denied('198', ' A-2026-5B ', 'a-2026-5b'),
      /; an authorization is on file\.$/,
      'retro-authorization',
      /^The authorization on file is exceeded/,
    ],
    [
      'CO-197, no REF*G1, nothing on file',
      denied('197', null, null),
      /; no authorization on file\.$/,
      'retro-authorization',
      /^No authorization on file/,
    ],
    [
      'CO-39, REF*G1 not on file: the refusal is appealed',
      denied('39', 'G1-77', null),
      new RegExp(NOT_OURS),
      'appeal',
      /refused when requested/,
    ],
  ];
  /** The same denial from a Medicare Administrative Contractor: traditional Medicare (CLP06 MB, MA). */
  const fromMac = (input: RemitLineInput, indicator: string): RemitLineInput => ({
    ...input,
    claim: { ...input.claim, filingIndicator: indicator },
  });
  cases.push(
    [
      'CO-197 from Medicare Part B (CLP06 MB), nothing on file: no retro-authorization, read the remark',
      fromMac(denied('197', null, null), 'MB'),
      /traditional Medicare has no prior authorization for radiation therapy/,
      'corrected-claim',
      /^Traditional Medicare has no prior authorization for radiation therapy.*remark.*Medicare Advantage.*reopening/,
    ],
    [
      'CO-198 from Medicare Part A (CLP06 MA) with an authorization on file: the same',
      fromMac(denied('198', 'A-2026-5', 'A-2026-5'), 'MA'),
      /traditional Medicare has no prior authorization/,
      'corrected-claim',
      /^Traditional Medicare has no prior authorization/,
    ],
  );
  it.each(cases)('%s', (_name, input, message, queue, nextAction) => {
    const verdict = authorizationDenial(input, lineFacts(input))!;
    expect(verdict.message).toMatch(message);
    if (!input.charge?.authorization) expect(verdict.message).not.toMatch(/is on file/);
    expect(verdict.queue).toBe(queue);
    expect(verdict.nextAction).toMatch(nextAction);
    if (input.claim.filingIndicator) expect(verdict.nextAction).not.toMatch(/request a retro-authorization/);
  });
});
