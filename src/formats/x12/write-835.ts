import type {
  Adjustment,
  Procedure,
  ProviderAdjustment,
  RemitClaim,
  Remittance,
} from '../../core/model/remittance.js';
import type { X12Address } from './claim-types.js';
import { type InterchangeHeader, writeInterchange } from './write-envelope.js';
import { type Element, formatCents, type SegmentList, x12Date } from './write-segments.js';

/** 1000A: what the TR3 requires of the payer beyond its name and id (N3/N4 address, PER*BL contact). */
export interface Payer835 {
  /**
   * Where the payer's id goes: `REF*2U` (additional payer identification) or `N1*XV` (N103 XV, the CMS
   * National Plan ID in N1*PR04), as payers do one or the other.
   */
  idIn: 'REF*2U' | 'N1*XV';
  address: X12Address;
  /** PER*BL payer technical contact (required): a name and a telephone number. */
  technicalContact: { name: string; phone: string };
}

/** A claim payment with what an 835 states that the reader does not keep. */
export interface Claim835 extends RemitClaim {
  /** NM1*QC03/04 patient name (the reader keeps only the member id). */
  patientName?: { last: string; first: string };
  /** CLP06 claim filing indicator (12 PPO, MB Medicare Part B, HM HMO, …); default `12`. */
  filingIndicator?: string;
  /** CLP09 claim frequency type code (1 original, 7 replacement, 8 void), when the payer gives it. */
  frequency?: string;
  /** NM1*TT09 (NM108 PI) id of the crossover carrier named by `crossoverPayer`. */
  crossoverPayerId?: string;
  /** Institutional claims carry their remarks in MIA (MIA05, MIA20–23), professional ones in MOA. */
  institutional?: boolean;
}

export interface Remittance835 extends Omit<Remittance, 'claims'> {
  claims: Claim835[];
  payerParty: Payer835;
  /** PLB02: the last day of the provider's fiscal period (default 31 December of the payment's year). */
  fiscalPeriodEnd?: string;
}

/**
 * An 835 (005010X221A1) in the TR3's segment order: header (BPR, TRN, DTM*405), 1000A payer (N1*PR
 * with REF*2U or N103 XV, N3, N4, PER*BL), 1000B payee (N1*PE, REF*TJ), LX, 2100 claims (CLP, CAS,
 * NM1*QC, NM1*TT, MIA/MOA, REF*G1, DTM*232/233), 2110 lines (SVC with SVC06/07 when the payer changed
 * the code or units, DTM*472, CAS, REF*6R, AMT*B6, LQ*HE) and PLB. The product reads 835s and does not
 * send them; this writer makes the synthetic remittances of the demo clinic and tests (like the DICOM
 * and PDF writers of the synthetic clinic). It writes the amounts it is given: balancing (TR3 1.10.2.1)
 * is the caller's, the reader checks it. Values must not contain the delimiters.
 */
export function write835(envelope: InterchangeHeader, r: Remittance835): string {
  return writeInterchange(
    envelope,
    '005010X221A1',
    (s) => {
      header(s, r);
      s.add('LX', '1');
      for (const c of r.claims) claim(s, c);
      providerAdjustments(s, r);
    },
    { functionalId: 'HP', setId: '835' },
  );
}

function header(s: SegmentList, r: Remittance835): void {
  const paid = formatCents(r.totalPaidCents);
  const date = r.paymentDate ? x12Date(r.paymentDate) : undefined;
  // BPR: no payment (H notification only, NON) carries no bank details; else the EFT's (ACH CCP).
  if (r.totalPaidCents === 0) s.add('BPR', 'H', paid, 'C', 'NON', ...Array(11).fill(undefined), date);
  else s.add('BPR', r.handling ?? 'I', paid, r.creditDebit ?? 'C', 'ACH', 'CCP', ...BANK, date);
  s.add('TRN', '1', r.traceNumber ?? undefined, r.payerTraceId ?? undefined);
  if (date) s.add('DTM', '405', date);
  const p = r.payerParty;
  const viaN1 = p.idIn === 'N1*XV' && r.payer.id;
  s.add('N1', 'PR', r.payer.name ?? undefined, viaN1 ? 'XV' : undefined, viaN1 ? r.payer.id! : undefined);
  s.add('N3', p.address.line1, p.address.line2);
  s.add('N4', p.address.city, p.address.state, p.address.postalCode);
  if (!viaN1 && r.payer.id) s.add('REF', '2U', r.payer.id);
  s.add('PER', 'BL', p.technicalContact.name, 'TE', p.technicalContact.phone);
  s.add('N1', 'PE', r.payee.name ?? undefined, r.payee.npi ? 'XX' : undefined, r.payee.npi ?? undefined);
  if (r.payee.taxId) s.add('REF', 'TJ', r.payee.taxId);
}

function claim(s: SegmentList, c: Claim835): void {
  s.add(
    'CLP',
    c.patientControlNumber,
    c.status,
    formatCents(c.chargeCents),
    formatCents(c.paidCents),
    c.patientResponsibilityCents === null ? undefined : formatCents(c.patientResponsibilityCents),
    c.filingIndicator ?? '12',
    c.payerClaimControlNumber ?? undefined,
    c.facilityType ?? undefined,
    c.frequency,
  );
  adjustments(s, c.adjustments);
  s.add(
    'NM1',
    'QC',
    '1',
    c.patientName?.last,
    c.patientName?.first,
    undefined,
    undefined,
    undefined,
    c.memberId ? 'MI' : undefined,
    c.memberId ?? undefined,
  );
  if (c.crossoverPayer) {
    const id = c.crossoverPayerId;
    s.add('NM1', 'TT', '2', c.crossoverPayer, ...Array(4).fill(undefined), id ? 'PI' : undefined, id);
  }
  if (c.remarks.length) claimRemarks(s, c);
  if (c.priorAuthorization) s.add('REF', 'G1', c.priorAuthorization);
  if (c.statementFrom) s.add('DTM', '232', x12Date(c.statementFrom));
  if (c.statementTo) s.add('DTM', '233', x12Date(c.statementTo));
  for (const l of c.lines) {
    s.add(
      'SVC',
      composite(l.procedure),
      formatCents(l.chargeCents),
      formatCents(l.paidCents),
      undefined,
      // SVC05 paid units: only when not 1 (the TR3's default).
      l.units === 1 ? undefined : String(l.units),
      l.submitted ? composite(l.submitted) : undefined,
      l.submittedUnits === null ? undefined : String(l.submittedUnits),
    );
    if (l.dateOfService) s.add('DTM', '472', x12Date(l.dateOfService));
    adjustments(s, l.adjustments);
    if (l.lineControlNumber) s.add('REF', '6R', l.lineControlNumber);
    if (l.allowedCents !== null) s.add('AMT', 'B6', formatCents(l.allowedCents));
    for (const remark of l.remarks) s.add('LQ', 'HE', remark);
  }
}

/**
 * MOA (professional: MOA03–07, five remarks) or MIA (institutional: MIA01 covered days, MIA05 and
 * MIA20–23).
 */
function claimRemarks(s: SegmentList, c: Claim835): void {
  const r = c.remarks;
  if (r.length > 5) throw new Error(`${c.patientControlNumber}: at most 5 claim remarks fit MOA/MIA`);
  if (c.institutional)
    s.add('MIA', '0', undefined, undefined, undefined, r[0], ...Array(14).fill(undefined), ...r.slice(1));
  else s.add('MOA', undefined, undefined, ...r);
}

/** BPR06–BPR15: synthetic routing and account numbers (the demo's bank, not a real one). */
const BANK: Element[] = [
  '01',
  '999999992',
  'DA',
  '000111',
  '1999999999',
  undefined,
  '01',
  '999999993',
  'DA',
  '000222',
];

const composite = (p: Procedure) => ['HC', p.code, ...p.modifiers];

/** CAS: one segment per group, up to six reason/amount/quantity triplets each. */
function adjustments(s: SegmentList, list: readonly Adjustment[]): void {
  const groups = new Map<string, Adjustment[]>();
  for (const a of list) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  for (const [group, items] of groups) {
    for (let i = 0; i < items.length; i += 6) {
      s.add(
        'CAS',
        group,
        ...items
          .slice(i, i + 6)
          .flatMap((a) => [
            a.reason,
            formatCents(a.amountCents),
            a.quantity === null ? '' : String(a.quantity),
          ]),
      );
    }
  }
}

/**
 * PLB: provider (PLB01, the payee's NPI), fiscal period end (PLB02), then up to six reason:reference /
 * amount pairs per segment (PLB03–PLB14); positive amounts reduce the payment, negative ones add to it.
 */
function providerAdjustments(s: SegmentList, r: Remittance835): void {
  const list: readonly ProviderAdjustment[] = r.providerAdjustments;
  const provider = r.payee.npi ?? r.payee.taxId ?? undefined;
  const fiscal = x12Date(r.fiscalPeriodEnd ?? `${(r.paymentDate ?? '').slice(0, 4)}-12-31`);
  for (let i = 0; i < list.length; i += 6) {
    s.add(
      'PLB',
      provider,
      fiscal,
      ...list
        .slice(i, i + 6)
        .flatMap((a): Element[] => [[a.reason, a.reference ?? ''], formatCents(a.amountCents)]),
    );
  }
}
