import type { Parsed } from '../../core/model/input-problem.js';
import type { Claim, ClaimFile } from './claim-types.js';
import {
  claimTotalCents,
  write837,
  writeLineAdjudication,
  writePayerClaimReference,
  writePriorPayer,
  writeProvider,
} from './write-837-parties.js';
import { formatCents, x12Date, type SegmentList } from './write-segments.js';

/**
 * Writes an 837P professional claim file (005010X222A1): freestanding global claims and the professional
 * (-26) half of hospital claims. Per claim: 2300 CLM (CLM05 place of service `:B:` frequency), REF*G1
 * prior authorization, REF*F8 payer claim control number (replacement/void), HI (ABK principal, ABF
 * others: ICD-10-CM), 2310A referring NM1*DN, 2310B rendering provider NM1*82 with PRV*PE, 2310D
 * supervising NM1*DQ, 2320/2330A/2330B prior payer; per line 2400 LX, SV1 (`HC:77387:26`, charge, UN,
 * units, SV107 diagnosis pointers), DTP*472, REF*6R, 2430 SVD/CAS/DTP*573.
 * Returns the file text, or located problems (a value holding a delimiter, a malformed code or date).
 */
export function write837p(file: ClaimFile): Parsed<string> {
  return write837(file, '837P', writeProfessionalClaim);
}

function writeProfessionalClaim(s: SegmentList, c: Claim): void {
  // CLM06 provider signature on file, CLM07 A assigned, CLM08 benefits assigned, CLM09 release of information.
  s.add(
    'CLM',
    c.patientControlNumber,
    formatCents(claimTotalCents(c)),
    '',
    '',
    [c.placeOfService ?? '', 'B', c.frequencyCode ?? '1'],
    'Y',
    'A',
    'Y',
    'Y',
  );
  if (c.priorAuthorization) s.add('REF', 'G1', c.priorAuthorization);
  writePayerClaimReference(s, c);
  s.add('HI', ...c.diagnosisCodes.map((dx, i) => [i === 0 ? 'ABK' : 'ABF', dx]));
  // 2310A referring (DN), 2310B rendering (82, PRV*PE), 2310D supervising (DQ), in the guide's order.
  if (c.referring) writeProvider(s, 'DN', c.referring);
  if (c.provider) writeProvider(s, '82', c.provider, 'PE');
  if (c.supervising) writeProvider(s, 'DQ', c.supervising);
  writePriorPayer(s, c);
  c.lines.forEach((l, i) => {
    s.add('LX', String(i + 1));
    s.add(
      'SV1',
      ['HC', l.procedureCode, ...l.modifiers],
      formatCents(l.chargeCents),
      'UN',
      String(l.units),
      '',
      '',
      (l.diagnosisPointers ?? [1]).map(String),
    );
    s.add('DTP', '472', 'D8', x12Date(l.dateOfService));
    s.add('REF', '6R', l.lineControlNumber);
    writeLineAdjudication(s, c, i);
  });
}
