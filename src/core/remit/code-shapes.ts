import type { InputProblem } from '../model/input-problem.js';
import type { Adjustment, RemitClaim, Remittance } from '../model/remittance.js';

/*
 * The shapes of the codes a remittance is matched and shown by. Claim adjustment reason codes (CARC,
 * X12 code list 139: 1–3 digits such as 45 or 253, or a letter and digits such as A1, B7, P30) and
 * remittance advice remark codes (RARC, X12 code list 411: M, MA or N and digits such as M15, MA01,
 * N290) — 835 TR3 005010X221A1 CAS02/05/…, LQ02, MOA03–07, MIA05/20–23. Claim ids CLP01 (our CLM01)
 * and CLP07 (the payer's claim control number) are free identifiers of the X12 character sets (X12.6):
 * markup or a control character in one is damage or an injection, never an id to match or show.
 */
const CARC = /^[A-Z]?\d{1,3}$/;
const RARC = /^(M|MA|N)\d{1,4}$/;
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const NOT_AN_ID = /[<>\u0000-\u001f\u007f]/;

const CARC_SHAPE = 'is not a claim adjustment reason code (1 to 3 digits, or a letter and 1 to 3 digits)';
const RARC_SHAPE = 'is not a remark code (M, MA or N and 1 to 4 digits)';
const ID_SHAPE = 'holds markup (< or >) or a control character';

const badReason = (adjustments: readonly Adjustment[]) => adjustments.some((a) => !CARC.test(a.reason));
const badRemark = (remarks: readonly string[]) => remarks.some((r) => !RARC.test(r));

/** Where a claim's codes are not code-shaped (located, never quoting the value). */
export function misshapenCodes(claim: RemitClaim): InputProblem[] {
  const problems: InputProblem[] = [];
  const at = (location: string, message: string) => problems.push({ location, message });
  if (NOT_AN_ID.test(claim.patientControlNumber)) at(`${claim.location}/CLP01`, `CLP01 ${ID_SHAPE}`);
  if (claim.payerClaimControlNumber !== null && NOT_AN_ID.test(claim.payerClaimControlNumber))
    at(`${claim.location}/CLP07`, `CLP07 ${ID_SHAPE}`);
  if (badReason(claim.adjustments)) at(`${claim.location}/CAS`, `CAS reason ${CARC_SHAPE}`);
  if (badRemark(claim.remarks)) at(`${claim.location}/MOA`, `MOA/MIA remark ${RARC_SHAPE}`);
  for (const line of claim.lines) {
    if (badReason(line.adjustments)) at(`${line.location}/CAS`, `CAS reason ${CARC_SHAPE}`);
    if (badRemark(line.remarks)) at(`${line.location}/LQ02`, `LQ02 ${RARC_SHAPE}`);
  }
  return problems;
}

/**
 * The remittance with each claim holding a code that is not code-shaped refused whole, like the
 * reader's refusal of a control character (`refusedClaims`: its location, CLP04 and problems, also
 * added to `problems` when given), the other claims kept; the same object when every claim is
 * code-shaped.
 */
export function refuseMisshapenClaims(remittance: Remittance, problems?: InputProblem[]): Remittance {
  const found = remittance.claims.map(misshapenCodes);
  if (found.every((p) => p.length === 0)) return remittance;
  const refused = remittance.claims.flatMap((c, i) =>
    found[i]!.length ? [{ location: c.location, paidCents: c.paidCents, problems: found[i]! }] : [],
  );
  problems?.push(...refused.flatMap((c) => c.problems));
  return {
    ...remittance,
    claims: remittance.claims.filter((_, i) => found[i]!.length === 0),
    refusedClaims: [...(remittance.refusedClaims ?? []), ...refused],
  };
}
