import type { RuleMeta } from '../../model/rule.js';
import { AUTHORIZATION_CARCS } from '../carc-kinds.js';
import type { RemitVerdict } from '../remit-category.js';
import { carcLabel, denialIn, type LineFacts, type RemitLineInput, serviceDate } from '../remit-line.js';
import { patientPartBesideDenial } from './remit-008-patient-responsibility.js';

export const REMIT_001: RuleMeta = {
  id: 'REMIT-001',
  title: 'A 2026 service denied for authorization that rode on a 2025 (grandfathered) authorization',
  severity: 'error',
  source:
    'Seed: 2026 claims denied that rode on 2025 grandfathered authorizations; domain.md §4 and §6.1: CARC 15/197/198/199 (39, 62, 243; CARC list) on a 2026 date of service whose authorization (on file, or named by the claim’s REF*G1) dates from 2025 [seed; S]',
};

/** The authorization the claim rode on dates from a year before the date of service. */
export function authorizationYear(input: RemitLineInput): string | null {
  const auth = input.charge?.authorization;
  return (auth?.obtainedOn ?? auth?.validFrom ?? null)?.slice(0, 4) ?? null;
}

export function authorization2025(input: RemitLineInput, facts: LineFacts): RemitVerdict | null {
  const denial = denialIn(facts, AUTHORIZATION_CARCS);
  if (!denial) return null;
  const dos = serviceDate(input);
  const obtained = authorizationYear(input);
  if (!dos || !obtained || dos < '2026' || obtained >= dos.slice(0, 4)) return null;
  const patient = patientPartBesideDenial(facts);
  return {
    category: 'authorization-2025',
    ruleId: REMIT_001.id,
    message: `Denied for authorization (${carcLabel(denial)}) on a ${dos.slice(0, 4)} date of service; the authorization on the claim dates from ${obtained}.${patient.message}`,
    queue: 'retro-authorization',
    nextAction: `Request a 2026 authorization under the 2026 codes (or appeal with the payer’s carry-forward notice), then send a corrected claim with its number.${patient.nextAction}`,
  };
}
