import type { Parsed } from '../../core/model/input-problem.js';
import {
  DEFAULT_DELIMITERS,
  type Claim,
  type ClaimFile,
  type ClaimProvider,
  type PriorAdjustment,
  type X12Address,
} from './claim-types.js';
import { checkWritten837 } from './write-837-usage.js';
import { checkClaimFile, checkDelimiters, checkValues, type Flavour } from './write-checks.js';
import { writeInterchange } from './write-envelope.js';
import { formatCents, x12Date, type SegmentList } from './write-segments.js';

/**
 * What 837P and 837I share, in the order of the implementation guides and the public samples: BHT,
 * 1000A submitter (NM1*41, PER), 1000B receiver (NM1*40), 2000A billing provider (HL 20, PRV, NM1*85,
 * N3, N4, REF*EI), then per claim a 2000B subscriber (HL 22, SBR, 2010BA NM1*IL N3 N4 DMG, 2010BB
 * NM1*PR), for a dependent a 2000C patient (HL 23, PAT, 2010CA NM1*QC N3 N4 DMG), followed by the claim
 * loop the flavour writes. Each claim gets its own subscriber HL. The written text is checked against
 * the guide's segment usage (`checkWritten837`) before it is returned.
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
    s.add('NM1', '85', bp.entity ?? '2', bp.name, '', '', '', '', 'XX', bp.npi);
    address(s, bp.address);
    s.add('REF', 'EI', bp.taxId);

    let hl = 1;
    for (const claim of file.claims) {
      const sub = claim.subscriber;
      const dependent = claim.patient;
      const subscriberHl = ++hl;
      // HL04 1: a 2000C patient loop follows (the patient is a dependent).
      s.add('HL', String(subscriberHl), '1', '22', dependent ? '1' : '0');
      // SBR01 payer responsibility (P/S/T); SBR02 18 self, blank when the patient is a dependent (the
      // relationship is PAT01); SBR09 claim filing indicator [837 TR3 2000B SBR].
      s.add(
        'SBR',
        claim.responsibility ?? 'P',
        dependent ? '' : '18',
        sub.groupNumber,
        '',
        '',
        '',
        '',
        '',
        claim.filingIndicator ?? file.payer.filingIndicator,
      );
      s.add('NM1', 'IL', '1', sub.lastName, sub.firstName, sub.middleName, '', '', 'MI', sub.memberId);
      if (sub.address) address(s, sub.address);
      if (sub.birthDate) s.add('DMG', 'D8', x12Date(sub.birthDate), sub.sex);
      s.add('NM1', 'PR', '2', file.payer.name, '', '', '', '', 'PI', file.payer.id);
      if (dependent) {
        s.add('HL', String(++hl), String(subscriberHl), '23', '0');
        s.add('PAT', dependent.relationship);
        s.add('NM1', 'QC', '1', dependent.lastName, dependent.firstName);
        address(s, dependent.address);
        s.add('DMG', 'D8', x12Date(dependent.birthDate), dependent.sex);
      }
      writeClaim(s, claim);
    }
  });
  const written = checkWritten837(text, flavour, d);
  return written.length ? { ok: false, problems: written } : { ok: true, value: text };
}

/** 2300 REF*F8: the payer's claim control number of the claim a replacement (7) or void (8) changes. */
export function writePayerClaimReference(s: SegmentList, c: Claim): void {
  if (c.payerClaimControlNumber) s.add('REF', 'F8', c.payerClaimControlNumber);
}

/** A provider loop's NM1 (person, NPI) and its PRV taxonomy with the given PRV01 code. */
export function writeProvider(s: SegmentList, nm101: string, p: ClaimProvider, prv01?: string): void {
  s.add('NM1', nm101, '1', p.lastName, p.firstName, '', '', '', 'XX', p.npi);
  if (prv01 && p.taxonomy) s.add('PRV', prv01, 'PXC', p.taxonomy);
}

/**
 * 2320 other subscriber information (SBR of the prior payer, claim-level CAS, AMT*D payer paid amount,
 * OI: benefits assigned Y, release of information Y), 2330A other subscriber (NM1*IL) and 2330B other
 * payer (NM1*PR) [837P/837I TR3 loops 2320, 2330A, 2330B].
 */
export function writePriorPayer(s: SegmentList, c: Claim): void {
  const o = c.priorPayer;
  if (!o) return;
  s.add('SBR', o.responsibility, o.relationship, o.groupNumber, '', '', '', '', '', o.filingIndicator);
  writeAdjustments(s, o.adjustments);
  s.add('AMT', 'D', formatCents(o.paidCents));
  s.add('OI', '', '', 'Y', '', '', 'Y');
  s.add(
    'NM1',
    'IL',
    '1',
    o.subscriber.lastName,
    o.subscriber.firstName,
    '',
    '',
    '',
    'MI',
    o.subscriber.memberId,
  );
  s.add('NM1', 'PR', '2', o.payer.name, '', '', '', '', 'PI', o.payer.id);
}

/**
 * 2430 line adjudication: SVD (other payer id = 2330B NM109, paid amount, procedure, 837I revenue code,
 * units), the line's CAS, DTP*573 adjudication date.
 */
export function writeLineAdjudication(s: SegmentList, c: Claim, index: number, revenueCode?: string): void {
  const o = c.priorPayer;
  const l = o?.lines[index];
  if (!o || !l) return;
  s.add(
    'SVD',
    o.payer.id,
    formatCents(l.paidCents),
    ['HC', l.procedureCode, ...l.modifiers],
    revenueCode,
    String(l.units),
  );
  writeAdjustments(s, l.adjustments);
  s.add('DTP', '573', 'D8', x12Date(l.adjudicationDate));
}

/** CAS segments: one per group, up to six reason/amount pairs each (CAS02–CAS19) [X12 CAS]. */
function writeAdjustments(s: SegmentList, adjustments: readonly PriorAdjustment[]): void {
  const groups = new Map<string, PriorAdjustment[]>();
  for (const a of adjustments) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  for (const [group, list] of groups)
    for (let i = 0; i < list.length; i += 6)
      s.add('CAS', group, ...list.slice(i, i + 6).flatMap((a) => [a.reason, formatCents(a.amountCents), '']));
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
