import type { RuleMeta } from '../../model/rule.js';
import { AUTHORIZATION_CARCS } from '../carc-kinds.js';
import type { RemitQueue, RemitVerdict } from '../remit-category.js';
import { remarkPhrases } from '../remark-codes.js';
import { allRemarks, carcLabel, denialIn, type LineFacts, type RemitLineInput } from '../remit-line.js';

export const REMIT_007: RuleMeta = {
  id: 'REMIT-007',
  title: 'Denied for authorization (with or without an authorization on file)',
  severity: 'error',
  source:
    'CARC list: 15 authorization number missing/invalid, 197 absent, 198 exceeded, 199 needed for the revenue code and procedure, 39 denied when requested, 62 absent or exceeded, 243 not authorized by the network; domain.md §6.1: authorization family, retro-authorization [S]',
};

/** The next step by reason and by whether we hold an authorization for the service. */
function nextStep(reason: string, onFile: boolean): { queue: RemitQueue; nextAction: string } {
  if (reason === '39')
    return {
      queue: 'appeal',
      nextAction:
        'The authorization was refused when requested: appeal that refusal (peer-to-peer), then resubmit.',
    };
  if (onFile && reason === '15')
    return {
      queue: 'corrected-claim',
      nextAction: 'An authorization is on file: send a corrected claim carrying its number (REF*G1).',
    };
  if (onFile && reason === '198')
    return {
      queue: 'retro-authorization',
      nextAction:
        'The authorization on file is exceeded: request an extension for the extra fractions, then a corrected claim.',
    };
  if (onFile)
    return {
      queue: 'appeal',
      nextAction:
        'An authorization is on file: check it covers these 2026 codes and dates, then send it to the payer for reprocessing (appeal if refused).',
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
  const onFile = input.charge?.authorization != null || Boolean(input.claim.priorAuthorization);
  const remarks = remarkPhrases(allRemarks(input));
  return {
    category: 'authorization-denial',
    ruleId: REMIT_007.id,
    message: `Denied for authorization (${carcLabel(denial)}); ${onFile ? 'an authorization is on file' : 'no authorization on file'}${remarks.length ? `; ${remarks.join(', ')}` : ''}.`,
    ...nextStep(denial.reason, onFile),
  };
}
