import type { Parsed } from '../../core/model/input-problem.js';
import type { Claim, ClaimFile } from './claim-types.js';
import {
  claimTotalCents,
  statementPeriod,
  write837,
  writeLineAdjudication,
  writePayerClaimReference,
  writePriorPayer,
  writeProvider,
} from './write-837-parties.js';
import { formatCents, x12Date, type SegmentList } from './write-segments.js';

/**
 * Writes an 837I institutional claim file (005010X223A2): the hospital's technical claim (delivery codes
 * without -26, revenue code 0333). Per claim: 2300 CLM (CLM05 facility type `:A:` frequency), DTP*434
 * statement period (RD8), CL1 (admission type, patient status), REF*G1 prior authorization, REF*F8
 * payer claim control number (replacement/void), HI*ABK principal diagnosis (Z51.0 first for a radiation
 * therapy encounter), HI*ABF others, 2310A attending provider NM1*71 with PRV*AT, 2310F referring,
 * 2320/2330A/2330B prior payer; per line 2400 LX, SV2 (revenue code, `HC:77412`, charge, UN, units),
 * DTP*472, REF*6R, 2430 SVD/CAS/DTP*573.
 * Returns the file text, or located problems.
 */
export function write837i(file: ClaimFile): Parsed<string> {
  return write837(file, '837I', writeInstitutionalClaim);
}

function writeInstitutionalClaim(s: SegmentList, c: Claim): void {
  const period = statementPeriod(c);
  // CLM06 is not used on the 837I (the public samples fill it; the guide does not); CLM07 A, CLM08 Y, CLM09 Y.
  s.add(
    'CLM',
    c.patientControlNumber,
    formatCents(claimTotalCents(c)),
    '',
    '',
    [c.facilityTypeCode ?? '', 'A', c.frequencyCode ?? '1'],
    '',
    'A',
    'Y',
    'Y',
  );
  s.add('DTP', '434', 'RD8', `${x12Date(period.from)}-${x12Date(period.to)}`);
  s.add('CL1', c.admissionTypeCode, '', c.patientStatusCode ?? '01');
  if (c.priorAuthorization) s.add('REF', 'G1', c.priorAuthorization);
  writePayerClaimReference(s, c);
  const [principal, ...others] = c.diagnosisCodes;
  s.add('HI', ['ABK', principal ?? '']);
  if (others.length > 0) s.add('HI', ...others.map((dx) => ['ABF', dx]));
  // 2310A attending (71, PRV*AT), 2310F referring (DN); the supervising loop is 837P only.
  if (c.provider) writeProvider(s, '71', c.provider, 'AT');
  if (c.referring) writeProvider(s, 'DN', c.referring);
  writePriorPayer(s, c);
  c.lines.forEach((l, i) => {
    s.add('LX', String(i + 1));
    s.add(
      'SV2',
      l.revenueCode,
      ['HC', l.procedureCode, ...l.modifiers],
      formatCents(l.chargeCents),
      'UN',
      String(l.units),
    );
    s.add('DTP', '472', 'D8', x12Date(l.dateOfService));
    s.add('REF', '6R', l.lineControlNumber);
    writeLineAdjudication(s, c, i, l.revenueCode);
  });
}
