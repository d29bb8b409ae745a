import type { Adjustment, Procedure, Remittance } from '../../core/model/remittance.js';
import { type InterchangeHeader, writeInterchange } from './write-envelope.js';
import { type Element, formatCents, type SegmentList, x12Date } from './write-segments.js';

/**
 * An 835 (005010X221A1) from the remittance model: what `read-835.ts` reads back. The product reads
 * 835s and does not send them; this writer makes the synthetic remittances of the demo clinic and tests
 * (like the DICOM and PDF writers of the synthetic clinic). Values must not contain the delimiters.
 */
export function write835(envelope: InterchangeHeader, r: Remittance): string {
  return writeInterchange(
    envelope,
    '005010X221A1',
    (s) => {
      s.add(
        'BPR',
        r.handling ?? 'I',
        formatCents(r.totalPaidCents),
        'C',
        'ACH',
        'CCP',
        ...BANK,
        r.paymentDate ? x12Date(r.paymentDate) : undefined,
      );
      s.add('TRN', '1', r.traceNumber ?? undefined, r.payerTraceId ?? undefined);
      s.add('N1', 'PR', r.payer.name ?? undefined);
      if (r.payer.id) s.add('REF', '2U', r.payer.id);
      s.add('N1', 'PE', r.payee.name ?? undefined, r.payee.npi ? 'XX' : undefined, r.payee.npi ?? undefined);
      if (r.payee.taxId) s.add('REF', 'TJ', r.payee.taxId);
      s.add('LX', '1');
      for (const c of r.claims) {
        s.add(
          'CLP',
          c.patientControlNumber,
          c.status,
          formatCents(c.chargeCents),
          formatCents(c.paidCents),
          c.patientResponsibilityCents === null ? undefined : formatCents(c.patientResponsibilityCents),
          '12',
          c.payerClaimControlNumber ?? undefined,
          c.facilityType ?? undefined,
        );
        adjustments(s, c.adjustments);
        if (c.memberId)
          s.add('NM1', 'QC', '1', undefined, undefined, undefined, undefined, undefined, 'MI', c.memberId);
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
            String(l.units),
            l.submitted ? composite(l.submitted) : undefined,
          );
          if (l.dateOfService) s.add('DTM', '472', x12Date(l.dateOfService));
          adjustments(s, l.adjustments);
          if (l.lineControlNumber) s.add('REF', '6R', l.lineControlNumber);
          if (l.allowedCents !== null) s.add('AMT', 'B6', formatCents(l.allowedCents));
          for (const remark of l.remarks) s.add('LQ', 'HE', remark);
        }
      }
    },
    { functionalId: 'HP', setId: '835' },
  );
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
