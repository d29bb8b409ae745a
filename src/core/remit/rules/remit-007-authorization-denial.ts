import { sameAuthorization } from '../../authorizations/authorization-number.js';
import type { RuleMeta } from '../../model/rule.js';
import { AUTHORIZATION_CARCS } from '../carc-kinds.js';
import { TRADITIONAL_MEDICARE } from '../claim-resubmission.js';
import type { RemitQueue, RemitVerdict } from '../remit-category.js';
import { remarkPhrases } from '../remark-codes.js';
import { allRemarks, carcLabel, denialIn, type LineFacts, type RemitLineInput } from '../remit-line.js';
import { patientPartBesideDenial } from './remit-008-patient-responsibility.js';

export const REMIT_007: RuleMeta = {
  id: 'REMIT-007',
  title: 'Denied for authorization (with or without an authorization on file)',
  severity: 'error',
  source:
    'CARC list: 15 authorization number missing/invalid, 197 absent, 198 exceeded, 199 needed for the revenue code and procedure, 39 denied when requested, 62 absent or exceeded, 243 not authorized by the network; domain.md §6.1: authorization family, retro-authorization; traditional Medicare (CLP06 MA/MB) has no prior authorization for radiation therapy (CMS, "Prior Authorization and Pre-Claim Review Initiatives": listed OPD services, DMEPOS, repetitive ambulance; WISeR model list, CMS-5056-N, 90 FR 28749), so a MAC\'s authorization CARC is read by its remark and answered by a new claim, a reopening (CMS IOM 100-04 ch. 34; 42 CFR 405.980) or a redetermination [S]',
};

/**
 * A Medicare Administrative Contractor's authorization CARC cannot ask for a prior authorization that
 * traditional Medicare does not have for radiation therapy (see REMIT_007.source): the remark says what
 * it means (e.g. the patient is in a Medicare Advantage plan, a code or date the MAC could not process).
 */
function traditionalMedicareStep(remarks: readonly string[]): { queue: RemitQueue; nextAction: string } {
  const said = remarks.length ? `the remark says: ${remarks.join(', ')}` : 'no remark was sent: call the MAC';
  return {
    queue: 'corrected-claim',
    nextAction: `Traditional Medicare has no prior authorization for radiation therapy (no retro-authorization to ask for): read the remark code (${said}). If the patient is in a Medicare Advantage plan, bill that plan; if the claim was returned unprocessable (MA130), send a new claim; if a code, modifier or date was wrong, request a reopening from the MAC (clerical error, within one year), else a redetermination.`,
  };
}

/**
 * What we know of the claim's authorization: the one on file for the service (the practice's records),
 * and the number the claim carried (835 2100 REF*G1) when the practice has no such authorization.
 */
interface AuthorizationState {
  onFile: string | null;
  unknownCarried: string | null;
}

function authorizationState(input: RemitLineInput): AuthorizationState {
  const onFile = input.charge?.authorization?.number ?? null;
  const carried = input.claim.priorAuthorization ?? null;
  return {
    onFile,
    unknownCarried: carried !== null && !sameAuthorization(carried, onFile) ? carried : null,
  };
}

function authorizationPhrase(a: AuthorizationState): string {
  const carried = a.unknownCarried
    ? `the claim carried authorization ${a.unknownCarried}, which is not in the practice's authorizations`
    : null;
  if (a.onFile)
    return carried ? `${carried}; authorization ${a.onFile} is on file` : 'an authorization is on file';
  return carried ?? 'no authorization on file';
}

/** The next step by reason and by what we know of the authorization. */
function nextStep(reason: string, a: AuthorizationState): { queue: RemitQueue; nextAction: string } {
  if (reason === '39')
    return {
      queue: 'appeal',
      nextAction:
        'The authorization was refused when requested: appeal that refusal (peer-to-peer), then resubmit.',
    };
  if (a.onFile && a.unknownCarried)
    return {
      queue: 'corrected-claim',
      nextAction: `Authorization ${a.onFile} is on file: check it covers these 2026 codes and dates, then send a corrected claim carrying it (REF*G1) instead of ${a.unknownCarried}.`,
    };
  if (a.onFile && reason === '15')
    return {
      queue: 'corrected-claim',
      nextAction: 'An authorization is on file: send a corrected claim carrying its number (REF*G1).',
    };
  if (a.onFile && reason === '198')
    return {
      queue: 'retro-authorization',
      nextAction:
        'The authorization on file is exceeded: request an extension for the extra fractions, then a corrected claim.',
    };
  if (a.onFile)
    return {
      queue: 'appeal',
      nextAction:
        'An authorization is on file: check it covers these 2026 codes and dates, then send it to the payer for reprocessing (appeal if refused).',
    };
  if (a.unknownCarried)
    return {
      queue: 'retro-authorization',
      nextAction: `Find authorization ${a.unknownCarried} with the payer or utilization manager: if it is valid for these 2026 codes and dates, add it to the practice's authorizations and send the payer a corrected claim or reprocessing request; if not, request a retro-authorization, then a corrected claim with its number (REF*G1).`,
    };
  return {
    queue: 'retro-authorization',
    nextAction:
      'No authorization on file: request a retro-authorization, then send a corrected claim with its number (REF*G1).',
  };
}

export function authorizationDenial(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  const denial = denialIn(facts, AUTHORIZATION_CARCS);
  if (!denial) return null;
  const authorization = authorizationState(input);
  const remarks = remarkPhrases(allRemarks(input));
  const medicare = TRADITIONAL_MEDICARE.has(input.claim.filingIndicator ?? '');
  const step = medicare ? traditionalMedicareStep(remarks) : nextStep(denial.reason, authorization);
  const patient = patientPartBesideDenial(facts);
  const state = medicare
    ? 'traditional Medicare has no prior authorization for radiation therapy'
    : authorizationPhrase(authorization);
  return {
    category: 'authorization-denial',
    ruleId: REMIT_007.id,
    message: `Denied for authorization (${carcLabel(denial)}); ${state}${remarks.length ? `; ${remarks.join(', ')}` : ''}.${patient.message}`,
    queue: step.queue,
    nextAction: `${step.nextAction}${patient.nextAction}`,
  };
}
