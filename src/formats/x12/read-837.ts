import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import { readProcedure } from './assemble-835-parts.js';
import type { Claim837, ClaimLine837, ClaimSet837 } from './read-837-types.js';
import type { X12Source } from './tokenize-x12.js';
import { X12Fields } from './x12-fields.js';
import { readX12Sets, readX12SetsFromBytes, type BuilderFactory, type SetBuilder } from './x12-set-reader.js';
import { element, X12Segment } from './x12-types.js';

/** HI qualifiers of diagnosis codes (ICD-10-CM ABK/ABF/ABJ/ABN/APR, ICD-9 BK/BF/BJ/BN/PR). */
const DIAGNOSIS = new Set(['ABK', 'ABF', 'ABJ', 'ABN', 'APR', 'BK', 'BF', 'BJ', 'BN', 'PR']);

/**
 * A minimal 837P/837I reader (enough to read generated claims back and the public samples): per
 * claim CLM01/02/05, REF*G1, REF*F8, HI diagnoses, the subscriber's SBR01/SBR09 and NM1*IL09, the
 * dependent's PAT01, the billing provider's and the rendering/attending provider's NPI, 2320 AMT*D, and
 * service lines SV1/SV2 with DTP*472, REF*6R and 2430 SVD02. Other segments are skipped.
 */
class Claim837Builder implements SetBuilder<ClaimSet837> {
  private readonly f = new X12Fields();
  private readonly value: ClaimSet837;
  private claim: Claim837 | null = null;
  private line: ClaimLine837 | null = null;
  private claimDate: string | null = null;
  private hl = '';
  private memberId: string | null = null;
  private npi: string | null = null;
  private sbr: { responsibility: string | null; filingIndicator: string | null } = {
    responsibility: null,
    filingIndicator: null,
  };
  private relationship: string | null = null;
  /** Inside 2320/2330 (an SBR after CLM): their NM1 are the other payer's parties. */
  private otherPayer = false;
  private claims = 0;
  private lines = 0;

  constructor(st: X12Segment, location: string) {
    const version = element(st, 3).trim() || null;
    const kind = version?.startsWith('005010X222')
      ? 'professional'
      : version?.startsWith('005010X223')
        ? 'institutional'
        : null;
    this.value = { kind, version, claims: [], location };
  }

  accept(seg: X12Segment): void {
    const f = this.f;
    const q = element(seg, 1);
    switch (seg.id) {
      case 'HL':
        this.closeClaim();
        this.hl = element(seg, 3); // 20 billing provider, 22 subscriber, 23 patient
        if (this.hl === '22') {
          this.memberId = null;
          this.relationship = null;
        }
        return;
      case 'SBR':
        if (this.claim !== null) this.otherPayer = true;
        else this.sbr = { responsibility: f.text(seg, 1), filingIndicator: f.text(seg, 9) };
        return;
      case 'PAT':
        this.relationship = f.text(seg, 1);
        return;
      case 'AMT':
        if (this.claim !== null && this.otherPayer && q === 'D')
          this.claim.priorPayerPaidCents = f.cents(seg, 2, this.claim.location);
        return;
      case 'SVD':
        if (this.line !== null) this.line.priorPaidCents = f.cents(seg, 2, this.line.location);
        return;
      case 'NM1':
        if (this.claim !== null) {
          // 2310B rendering (837P) or 2310A attending (837I); 2330 parties are not read.
          if (
            (q === '82' || q === '71') &&
            !this.otherPayer &&
            this.line === null &&
            element(seg, 8) === 'XX'
          )
            this.claim.providerNpi = f.text(seg, 9);
          return;
        }
        if (q === '85' && this.hl === '20' && element(seg, 8) === 'XX') this.npi = f.text(seg, 9);
        if (q === 'IL' && this.hl === '22') this.memberId = f.text(seg, 9);
        return;
      case 'CLM':
        return this.clm(seg);
      case 'REF':
        if (q === 'G1' && this.claim !== null && this.line === null)
          this.claim.priorAuthorization = f.text(seg, 2);
        if (q === '6R' && this.line !== null) this.line.lineControlNumber = f.text(seg, 2);
        if (q === 'F8' && this.claim !== null && this.line === null)
          this.claim.payerClaimControlNumber = f.text(seg, 2);
        return;
      case 'HI':
        if (this.claim === null) return;
        for (let n = 1; n < seg.length; n++) {
          const [qualifier = '', code = ''] = element(seg, n).split(seg.delimiters.component);
          if (DIAGNOSIS.has(qualifier.trim()) && code.trim() !== '')
            this.claim.diagnosisCodes.push(code.trim());
        }
        return;
      case 'LX':
        this.line = null;
        return;
      case 'SV1':
      case 'SV2':
        return this.service(seg);
      case 'DTP':
        return this.dtp(seg);
      default:
        return;
    }
  }

  finish(envelope: readonly InputProblem[]): ReadResult<ClaimSet837> {
    this.closeClaim();
    this.f.problems.addAll(envelope);
    if (this.f.problems.total > 0) return { ok: false, problems: this.f.problems.list(this.value.location) };
    return { ok: true, value: this.value, warnings: this.f.warnings.list(this.value.location) };
  }

  private clm(seg: X12Segment): void {
    this.closeClaim();
    const f = this.f;
    const at = `${this.value.location}/2300[${++this.claims}]`;
    this.lines = 0;
    const [facility = '', qualifier = '', frequency = ''] = element(seg, 5).split(seg.delimiters.component);
    this.claim = {
      patientControlNumber: f.required(seg, 1, at),
      totalChargeCents: f.requiredCents(seg, 2, at),
      facilityCode: facility.trim() || null,
      facilityQualifier: qualifier.trim() || null,
      frequency: frequency.trim() || null,
      priorAuthorization: null,
      diagnosisCodes: [],
      memberId: this.memberId,
      billingProviderNpi: this.npi,
      ...this.sbr,
      patientRelationship: this.hl === '23' ? this.relationship : null,
      providerNpi: null,
      payerClaimControlNumber: null,
      priorPayerPaidCents: null,
      lines: [],
      location: at,
    };
  }

  private service(seg: X12Segment): void {
    const f = this.f;
    if (this.claim === null) {
      f.problems.add(`${this.value.location}/${seg.id}`, `${seg.id} service line before any CLM claim`);
      return;
    }
    const at = `${this.claim.location}/2400[${++this.lines}]`;
    // SV1: 01 procedure, 02 charge, 04 units. SV2: 01 revenue code, 02 procedure, 03 charge, 05 units.
    const sv2 = seg.id === 'SV2';
    this.line = {
      revenueCode: sv2 ? f.text(seg, 1) : null,
      procedure: readProcedure(seg, sv2 ? 2 : 1, at, f),
      chargeCents: f.requiredCents(seg, sv2 ? 3 : 2, at),
      units: f.quantity(seg, sv2 ? 5 : 4, at) ?? 1,
      dateOfService: null,
      lineControlNumber: null,
      priorPaidCents: null,
      location: at,
    };
    if (!sv2 && this.line.procedure === null) f.problems.add(`${at}/SV101`, 'SV101 procedure is required');
    this.claim.lines.push(this.line);
  }

  /** DTP*472 (D8 date or RD8 range): the line's date, or the claim's; 434 statement period on 837I. */
  private dtp(seg: X12Segment): void {
    const q = element(seg, 1);
    if (q !== '472' && q !== '434') return;
    const at = this.line?.location ?? this.claim?.location ?? this.value.location;
    const start = element(seg, 3).split('-')[0] ?? '';
    const date = this.f.date(X12Segment.of([seg.id, q, element(seg, 2), start], seg.delimiters), 3, at);
    if (this.line !== null && q === '472') this.line.dateOfService = date;
    else if (this.claim !== null && (q === '472' || this.claimDate === null)) this.claimDate = date;
  }

  private closeClaim(): void {
    const claim = this.claim;
    if (claim === null) return;
    for (const l of claim.lines) l.dateOfService ??= this.claimDate;
    this.value.claims.push(claim);
    this.claim = null;
    this.line = null;
    this.claimDate = null;
    this.otherPayer = false;
  }
}

const claimSet: BuilderFactory<ClaimSet837> = (st, location) => {
  const type = element(st, 1);
  if (type === '837') return new Claim837Builder(st, location);
  return `transaction set ${/^\d{3}$/.test(type) ? type : '(unknown type)'} is not an 837 claim: skipped`;
};

/** An X12 837 file, streamed: one result per transaction set (envelope problems as results of their own). */
export function readClaims837(source: X12Source, fileName: string): AsyncGenerator<ReadResult<ClaimSet837>> {
  return readX12Sets(source, fileName, claimSet);
}

/** The whole file in memory: the sets read, and every located problem. */
export function readClaims837FromBytes(
  bytes: Uint8Array,
  fileName: string,
): { sets: ClaimSet837[]; problems: InputProblem[]; warnings: InputProblem[] } {
  const sets: ClaimSet837[] = [];
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  for (const r of readX12SetsFromBytes(bytes, fileName, claimSet)) {
    if (r.ok) {
      sets.push(r.value);
      warnings.push(...r.warnings);
    } else problems.push(...r.problems);
  }
  return { sets, problems, warnings };
}
