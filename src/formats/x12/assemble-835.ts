import type { InputProblem, ReadResult } from '../../core/model/input-problem.js';
import type { Remittance } from '../../core/model/remittance.js';
import { warnClaim, warnPayment } from './assemble-835-balance.js';
import {
  claimRemarks,
  readAdjustments,
  readProviderAdjustments,
  SetProcedures,
} from './assemble-835-parts.js';
import { ClaimRecord, LineRecord, newList, ProcedureRecord } from './remit-records.js';
import { X12Fields } from './x12-fields.js';
import { segmentName } from './x12-problems.js';
import { element, type X12Segment } from './x12-types.js';

type Loop = 'header' | '1000A' | '1000B' | '2000' | '2100' | '2110' | 'PLB';

/** The segments of 005010X221A1 between ST and SE; any other id is a damaged segment. */
const SEGMENTS = new Set(
  'BPR TRN CUR REF DTM N1 N3 N4 PER RDM LX TS3 TS2 CLP CAS NM1 MIA MOA AMT QTY SVC LQ PLB'.split(' '),
);
/** CLP02 claim status codes of 005010X221A1: processed as primary/secondary/tertiary (and forwarded), denied, reversal, not our claim, predetermination. */
const CLAIM_STATUSES = new Set(['1', '2', '3', '4', '19', '20', '21', '22', '23', '25']);

/**
 * Loop assembly of one 835 transaction set (005010X221A1), fed segment by segment between ST and SE:
 * header (BPR, TRN), 1000A payer (N1*PR, REF*2U), 1000B payee (N1*PE, REF*TJ), 2000 (LX), 2100 claims
 * (CLP, CAS, NM1*QC/IL/TT, DTM*232/233, REF*G1, MOA/MIA remarks), 2110 lines (SVC, DTM*472/150, CAS,
 * REF*6R, AMT*B6, LQ*HE) and PLB. Other segments of the guide (N3, N4, PER, TS3, QTY, …) are skipped;
 * a segment the guide does not define, or a remark outside its loop, is a located problem (a damaged
 * SVC or CLP must never make a line or claim vanish). A problem inside a claim's 2100/2110 loops refuses
 * that claim only (`refusedClaims`, nothing of it kept); any other problem refuses the set. Balancing is
 * checked per line, claim and payment and reported as warnings.
 */
export class Remittance835Builder {
  private readonly f = new X12Fields();
  private readonly procedures = new SetProcedures();
  private readonly value: Remittance;
  private loop: Loop = 'header';
  private claim: ClaimRecord | null = null;
  private line: LineRecord | null = null;
  private claims = 0;
  private lines = 0;
  private lx = 0;
  /** Position of the segment in its set, ST being 1 (as SE01 counts). */
  private position = 1;
  private sawBpr = false;
  /** Problems counted when the current claim's CLP was reached, and whether its CLP04 was readable. */
  private claimMark = 0;
  private claimPaidRead = true;

  constructor(private readonly location: string) {
    this.value = {
      traceNumber: null,
      payerTraceId: null,
      totalPaidCents: 0,
      handling: null,
      creditDebit: null,
      paymentDate: null,
      payer: { name: null, id: null },
      payee: { name: null, npi: null, taxId: null },
      claims: newList(),
      providerAdjustments: newList(),
      refusedClaims: newList(),
      location,
    };
  }

  accept(seg: X12Segment): void {
    const f = this.f;
    const at = this.where();
    this.position++;
    switch (seg.id) {
      // The most frequent segments first (line then claim loops): each case is a string comparison.
      case 'DTM':
        return this.dtm(seg, at);
      case 'CAS':
        return this.cas(seg, at);
      case 'SVC':
        return this.svc(seg);
      case 'REF':
        return this.ref(seg);
      case 'AMT':
        if (this.loop === '2110' && this.line !== null && seg.is(1, 'B6'))
          this.line.allowedCents = f.cents(seg, 2, at);
        return;
      case 'CLP':
        return this.clp(seg);
      case 'NM1':
        if (this.loop === '2100' && this.claim !== null) {
          // 2100 NM1*QC patient / NM1*IL insured: NM109 the member id (IL, the subscriber's, wins).
          // 2100 NM1*TT crossover carrier: the payer the claim was forwarded to (NM103 name, NM109 id).
          const q = element(seg, 1);
          if (q === 'TT') this.claim.crossoverPayer = f.text(seg, 3) ?? f.text(seg, 9);
          else if (q === 'IL' || (q === 'QC' && this.claim.memberId === null))
            this.claim.memberId = f.text(seg, 9);
        }
        return;
      case 'LQ':
        return this.lq(seg, at);
      case 'MOA':
      case 'MIA':
        if (this.loop === '2100' && this.claim !== null) this.claim.remarks.push(...claimRemarks(seg, at, f));
        else
          f.problems.add(
            `${at}/${seg.id}`,
            `${seg.id} claim remarks outside a claim's 2100 loop (before its SVC)`,
          );
        return;
      case 'BPR':
        this.sawBpr = true;
        this.value.handling = f.text(seg, 1);
        this.value.totalPaidCents = f.requiredCents(seg, 2, this.location);
        this.value.creditDebit = f.text(seg, 3);
        // BPR16 payment (effective) date: informative only, so an unreadable one is a warning.
        this.value.paymentDate = f.date(seg, 16, this.location, true);
        return;
      case 'TRN':
        if (this.loop !== 'header') return;
        this.value.traceNumber = f.text(seg, 2);
        this.value.payerTraceId = f.text(seg, 3);
        return;
      case 'N1':
        return this.n1(seg);
      case 'LX':
        this.closeClaim();
        this.lx++;
        this.loop = '2000';
        return;
      case 'PLB':
        this.closeClaim();
        this.loop = 'PLB';
        this.value.providerAdjustments.push(...readProviderAdjustments(seg, `${this.location}/PLB`, f));
        return;
      default:
        if (!SEGMENTS.has(seg.id))
          f.problems.add(
            `${at}/segment[${this.position}]`,
            `${segmentName(seg.id) === 'a segment' ? 'a segment with an unreadable id' : `segment ${seg.id}`} is not defined in the 835 (005010X221A1): damaged, the loop it sits in cannot be read`,
          );
        return;
    }
  }

  /**
   * The set's remittance (its damaged claims refused), or every problem (with the envelope's) when a
   * value outside the claims could not be read.
   */
  finish(envelope: readonly InputProblem[]): ReadResult<Remittance> {
    this.closeClaim();
    const f = this.f;
    if (!this.sawBpr) f.problems.add(`${this.location}/BPR`, 'BPR financial information is missing');
    f.problems.addAll(envelope);
    if (f.problems.total > 0) {
      const inClaims = this.value.refusedClaims!.flatMap((c) => c.problems);
      return { ok: false, problems: [...inClaims, ...f.problems.list(this.location)] };
    }
    warnPayment(this.value, f.warnings);
    return { ok: true, value: this.value, warnings: f.warnings.list(this.location) };
  }

  private where(): string {
    if (this.loop === '2110') return this.line!.location;
    if (this.loop === '2100') return this.claim!.location;
    if (this.loop === '2000') return `${this.location}/2000[${this.lx}]`;
    if (this.loop === '1000A' || this.loop === '1000B') return `${this.location}/${this.loop}`;
    return this.location;
  }

  private n1(seg: X12Segment): void {
    const f = this.f;
    const entity = element(seg, 1);
    if (entity === 'PR') {
      this.loop = '1000A';
      this.value.payer.name = f.text(seg, 2);
      // N103 XV (CMS plan id) and other ids: the payer id when REF*2U does not give one.
      this.value.payer.id ??= f.text(seg, 4);
    } else if (entity === 'PE') {
      this.loop = '1000B';
      this.value.payee.name = f.text(seg, 2);
      const q = element(seg, 3);
      if (q === 'XX') this.value.payee.npi = f.text(seg, 4);
      else if (q === 'FI') this.value.payee.taxId = f.text(seg, 4);
    }
  }

  private ref(seg: X12Segment): void {
    const f = this.f;
    if (this.loop === '2110') {
      if (seg.is(1, '6R')) this.line!.lineControlNumber = f.text(seg, 2);
    } else if (this.loop === '2100') {
      if (seg.is(1, 'G1')) this.claim!.priorAuthorization = f.text(seg, 2);
    } else if (this.loop === '1000A') {
      if (seg.is(1, '2U')) this.value.payer.id = f.text(seg, 2);
    } else if (this.loop === '1000B' && seg.is(1, 'TJ')) this.value.payee.taxId = f.text(seg, 2);
  }

  private clp(seg: X12Segment): void {
    this.closeClaim();
    const f = this.f;
    this.claimMark = f.problems.total;
    const at = `${this.location}/2100[${++this.claims}]`;
    this.lines = 0;
    this.loop = '2100';
    const status = f.code(seg, 2, at, true) ?? '';
    if (status !== '' && !CLAIM_STATUSES.has(status))
      f.problems.add(`${at}/CLP02`, 'CLP02 claim status is not a code of 005010X221A1 (1–4, 19–23, 25)');
    const before = f.problems.total;
    const paidCents = f.requiredCents(seg, 4, at);
    this.claimPaidRead = f.problems.total === before;
    this.claim = new ClaimRecord(
      {
        patientControlNumber: f.code(seg, 1, at, true) ?? '',
        status,
        chargeCents: f.requiredCents(seg, 3, at),
        paidCents,
        patientResponsibilityCents: f.cents(seg, 5, at),
        filingIndicator: f.code(seg, 6, at),
        payerClaimControlNumber: f.code(seg, 7, at),
        facilityType: f.text(seg, 8),
      },
      at,
    );
  }

  private svc(seg: X12Segment): void {
    const f = this.f;
    if (this.claim === null) {
      f.problems.add(`${this.where()}/SVC`, 'SVC service line before any CLP claim');
      return;
    }
    const at = `${this.claim.location}/2110[${++this.lines}]`;
    this.loop = '2110';
    // SVC01 adjudicated procedure; SVC06: the submitted one when the payer changed it (e.g. 77412 → 77407).
    const procedure = this.procedures.read(seg, 1, at, f);
    if (procedure === null && element(seg, 1).trim() === '')
      f.problems.add(`${at}/SVC01`, 'SVC01 is required');
    this.line = new LineRecord(
      procedure ?? new ProcedureRecord('', newList()),
      this.procedures.read(seg, 6, at, f),
      f.requiredCents(seg, 2, at),
      f.requiredCents(seg, 3, at),
      f.quantity(seg, 5, at) ?? 1, // SVC05 units paid; 1 when absent
      f.quantity(seg, 7, at),
      at,
    );
    this.claim.lines.push(this.line);
  }

  private cas(seg: X12Segment, at: string): void {
    if (this.loop === '2110' && this.line !== null) readAdjustments(seg, at, this.f, this.line.adjustments);
    else if (this.loop === '2100' && this.claim !== null)
      readAdjustments(seg, at, this.f, this.claim.adjustments);
    else this.f.problems.add(`${at}/CAS`, 'CAS adjustment outside a claim or service line');
  }

  /** 2110 LQ*HE: a line remark (RARC); LQ*RX (NCPDP reject codes) is not a remark code. */
  private lq(seg: X12Segment, at: string): void {
    const f = this.f;
    if (this.loop !== '2110' || this.line === null) {
      f.problems.add(`${at}/LQ`, 'LQ line remark outside a service line (2110)');
      return;
    }
    const q = element(seg, 1);
    const code = f.code(seg, 2, at, true);
    if (q !== 'HE' && q !== 'RX')
      f.problems.add(`${at}/LQ01`, 'LQ01 is not HE (remark code) or RX (NCPDP code)');
    else if (q === 'HE' && code) this.line.remarks.push(code);
  }

  private dtm(seg: X12Segment, at: string): void {
    // Qualifiers compared in place (`is`): a DTM's is the most frequent element read.
    if (this.loop === '2110' && this.line !== null) {
      // 2110 DTM*472 service date; DTM*150 (period start) when no 472 is given.
      if (seg.is(1, '472')) this.line.dateOfService = this.f.date(seg, 2, at);
      else if (seg.is(1, '150')) this.line.dateOfService ??= this.f.date(seg, 2, at);
    } else if (this.loop === '2100' && this.claim !== null) {
      if (seg.is(1, '232')) this.claim.statementFrom = this.f.date(seg, 2, at);
      else if (seg.is(1, '233')) this.claim.statementTo = this.f.date(seg, 2, at);
    }
  }

  private closeClaim(): void {
    const claim = this.claim;
    if (claim === null) return;
    const f = this.f;
    if (f.problems.total > this.claimMark) {
      // Damage inside this claim: it is refused whole (none of its lines is kept), the others are read.
      this.value.refusedClaims!.push({
        location: claim.location,
        paidCents: this.claimPaidRead ? claim.paidCents : null,
        problems: f.problems.takeSince(this.claimMark, claim.location),
      });
    } else {
      for (const l of claim.lines) l.dateOfService ??= claim.statementFrom;
      warnClaim(claim, f.warnings);
      this.value.claims.push(claim);
    }
    this.claim = null;
    this.line = null;
  }
}
