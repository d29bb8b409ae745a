import type { Parsed } from '../../core/model/input-problem.js';
import { DEFAULT_DELIMITERS, type Claim, type ClaimFile, type X12Address } from './claim-types.js';
import { checkClaimFile, checkDelimiters, checkValues, type Flavour } from './write-checks.js';
import { writeInterchange } from './write-envelope.js';
import { x12Date, type SegmentList } from './write-segments.js';

/**
 * What 837P and 837I share, in the order of the implementation guides and the public samples: BHT,
 * 1000A submitter (NM1*41, PER), 1000B receiver (NM1*40), 2000A billing provider (HL 20, PRV, NM1*85,
 * N3, N4, REF*EI), then per claim a 2000B subscriber (HL 22, SBR, 2010BA NM1*IL N3 N4 DMG, 2010BB
 * NM1*PR) followed by the claim loop the flavour writes. The subscriber is the patient (SBR02 `18`,
 * no 2000C loop); each claim gets its own subscriber HL.
 */
export function write837(
  file: ClaimFile,
  flavour: Flavour,
  writeClaim: (s: SegmentList, claim: Claim) => void,
): Parsed<string> {
  const d = file.envelope.delimiters ?? DEFAULT_DELIMITERS;
  const problems = checkDelimiters(d);
  if (problems.length === 0) {
    checkValues(file, d, '', problems);
    problems.push(...checkClaimFile(file, flavour));
  }
  if (problems.length > 0) return { ok: false, problems };

  const version = flavour === '837P' ? '005010X222A1' : '005010X223A2';
  const text = writeInterchange(file.envelope, version, (s) => {
    const e = file.envelope;
    const [date = '', time = ''] = e.created.split('T');
    // BHT02 00 original, BHT06 CH chargeable.
    s.add('BHT', '0019', '00', e.batchReference, x12Date(date), time.replace(':', ''), 'CH');
    s.add('NM1', '41', '2', e.sender.name, '', '', '', '', '46', e.sender.id);
    s.add('PER', 'IC', e.contact.name, 'TE', e.contact.phone);
    s.add('NM1', '40', '2', e.receiver.name, '', '', '', '', '46', e.receiver.id);

    const bp = file.billingProvider;
    s.add('HL', '1', '', '20', '1');
    if (bp.taxonomy) s.add('PRV', 'BI', 'PXC', bp.taxonomy);
    s.add('NM1', '85', '2', bp.name, '', '', '', '', 'XX', bp.npi);
    address(s, bp.address);
    s.add('REF', 'EI', bp.taxId);

    file.claims.forEach((claim, i) => {
      const sub = claim.subscriber;
      s.add('HL', String(i + 2), '1', '22', '0');
      // SBR01 P primary, SBR02 18 self (the subscriber is the patient), SBR09 claim filing indicator.
      s.add('SBR', 'P', '18', sub.groupNumber, '', '', '', '', '', file.payer.filingIndicator);
      s.add('NM1', 'IL', '1', sub.lastName, sub.firstName, sub.middleName, '', '', 'MI', sub.memberId);
      address(s, sub.address);
      s.add('DMG', 'D8', x12Date(sub.birthDate), sub.sex);
      s.add('NM1', 'PR', '2', file.payer.name, '', '', '', '', 'PI', file.payer.id);
      writeClaim(s, claim);
    });
  });
  return { ok: true, value: text };
}

function address(s: SegmentList, a: X12Address): void {
  s.add('N3', a.line1, a.line2);
  s.add('N4', a.city, a.state, a.postalCode);
}

/** CLM02: the claim total, the sum of its line charges (integer cents). */
export const claimTotalCents = (claim: Claim): number =>
  claim.lines.reduce((sum, l) => sum + l.chargeCents, 0);

/** The statement period: given, else the first and last date of service. */
export function statementPeriod(claim: Claim): { from: string; to: string } {
  const dates = claim.lines.map((l) => l.dateOfService).sort();
  return {
    from: claim.statementFrom ?? dates[0] ?? '',
    to: claim.statementTo ?? dates[dates.length - 1] ?? '',
  };
}
