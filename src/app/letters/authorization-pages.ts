import type { Enclosure } from '../../core/letters/appeal-facts.js';
import type { LetterClaim } from '../../core/letters/assemble-letter.js';
import { authorizationCovering } from '../../core/letters/authorization-on-file.js';
import { authorization2025 } from '../../core/letters/letter-statements.js';
import type { Authorization, Course } from '../../core/model/course.js';

/**
 * The authorization records an appeal rests on, as enclosure pages: for a 2026 line denied on a 2025
 * authorization, that authorization and the 2026 request the payer denied (the letter says the record of
 * the denied request is enclosed: letter-statements.ts `carryForwardEvidence`); for a 77412 line, the
 * authorization on file that approved 77412 for its date (the decisive fact against a downcode).
 */
export function authorizationPages(course: Course, claim: LetterClaim | null): Enclosure[] {
  if (!claim) return [];
  const records: Authorization[] = [];
  if (claim.category === 'authorization-2025') {
    const grandfathered = authorization2025(course);
    if (grandfathered) records.push(grandfathered);
    records.push(
      ...course.authorizations.filter((a) => a.obtainedOn >= '2026-01-01' && a.status === 'denied'),
    );
  } else if (claim.submittedCode === '77412') {
    const onFile = authorizationCovering(course, claim.dateOfService);
    if (onFile?.codes.includes('77412')) records.push(onFile);
  }
  return records.map(authorizationPage);
}

function authorizationPage(a: Authorization): Enclosure {
  return {
    title: `Authorization ${a.number}${a.status === 'denied' ? ' (denied)' : ''}, obtained ${a.obtainedOn}`,
    what: "The payer's authorization as the practice's authorization export records it.",
    source: 'the practice authorization export (file not recorded in the imports)',
    rows: [
      { label: 'Number', value: a.number },
      { label: 'Status', value: a.status ?? 'not stated in the export' },
      { label: 'Codes', value: a.codes.join(', ') || 'none listed' },
      { label: 'Fractions authorized', value: String(a.fractionsAuthorized) },
      { label: 'Valid', value: `${a.validFrom} to ${a.validTo}` },
      { label: 'Obtained', value: a.obtainedOn },
    ],
  };
}
