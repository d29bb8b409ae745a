import type { Adjustment, Procedure, RemitClaim, RemitServiceLine } from '../../core/model/remittance.js';

/*
 * The records an 835 transaction set is read into (`Remittance835Builder`): plain data, made by
 * constructors and `newList`, never by object or array literals. A literal is a V8 allocation site;
 * when a young-generation collection finds nearly every object of a site still alive, V8 pretenures the
 * site (allocates its objects in the old generation from then on, freed only by full collections).
 * Claims and lines live until their whole transaction set is read, so a collection in the middle of a
 * set finds them all alive, and whether a run got pretenured depended on when collections fell: the
 * remittance analysis took twice the CPU time and 40% more memory in about half the runs
 * (bench/README.md, "x12-835.ts"). Constructors and `Array.prototype.slice` make no allocation site,
 * so these records die young like the rest. Field order is the literals' order (the records' JSON is
 * unchanged).
 */

/** Never changed: only copied. */
const NONE: never[] = [];

/**
 * A new empty list made without an array literal (no allocation site, see above): a copy of an empty
 * array (`Array.of()` and `new Array()` are no good: the first is 5 times slower, the second a site).
 */
export const newList = <T>(): T[] => NONE.slice();

// Each class below repeats its interface's fields and takes them in its constructor on purpose: a
// class instance has no allocation site for V8 to pretenure, an object literal of the same shape would.

/** Composite C003 read (SVC01, SVC06): the procedure code and up to four modifiers. */
export class ProcedureRecord implements Procedure {
  code: string;
  modifiers: string[];

  constructor(code: string, modifiers: string[]) {
    this.code = code;
    this.modifiers = modifiers;
  }
}

/** One CAS triplet: group (CAS01), reason, amount in cents, quantity. */
export class AdjustmentRecord implements Adjustment {
  group: string;
  reason: string;
  amountCents: number;
  quantity: number | null;

  constructor(group: string, reason: string, amountCents: number, quantity: number | null) {
    this.group = group;
    this.reason = reason;
    this.amountCents = amountCents;
    this.quantity = quantity;
  }
}

/** Loop 2110 as read: the SVC values, then what the line's other segments set. */
export class LineRecord implements RemitServiceLine {
  procedure: Procedure;
  submitted: Procedure | null;
  chargeCents: number;
  paidCents: number;
  units: number;
  submittedUnits: number | null;
  dateOfService: string | null = null;
  adjustments: Adjustment[] = newList();
  remarks: string[] = newList();
  allowedCents: number | null = null;
  lineControlNumber: string | null = null;
  location: string;

  constructor(
    procedure: Procedure,
    submitted: Procedure | null,
    chargeCents: number,
    paidCents: number,
    units: number,
    submittedUnits: number | null,
    location: string,
  ) {
    this.procedure = procedure;
    this.submitted = submitted;
    this.chargeCents = chargeCents;
    this.paidCents = paidCents;
    this.units = units;
    this.submittedUnits = submittedUnits;
    this.location = location;
  }
}

/** Loop 2100 as read: the CLP values, then what the claim's other segments set (REF*G1, NM1*TT always set). */
export class ClaimRecord implements RemitClaim {
  patientControlNumber: string;
  status: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number | null;
  filingIndicator: string | null;
  payerClaimControlNumber: string | null;
  facilityType: string | null;
  memberId: string | null = null;
  statementFrom: string | null = null;
  statementTo: string | null = null;
  adjustments: Adjustment[] = newList();
  remarks: string[] = newList();
  lines: RemitServiceLine[] = newList();
  location: string;
  priorAuthorization: string | null = null;
  crossoverPayer: string | null = null;

  constructor(
    clp: {
      patientControlNumber: string;
      status: string;
      chargeCents: number;
      paidCents: number;
      patientResponsibilityCents: number | null;
      filingIndicator: string | null;
      payerClaimControlNumber: string | null;
      facilityType: string | null;
    },
    location: string,
  ) {
    this.patientControlNumber = clp.patientControlNumber;
    this.status = clp.status;
    this.chargeCents = clp.chargeCents;
    this.paidCents = clp.paidCents;
    this.patientResponsibilityCents = clp.patientResponsibilityCents;
    this.filingIndicator = clp.filingIndicator;
    this.payerClaimControlNumber = clp.payerClaimControlNumber;
    this.facilityType = clp.facilityType;
    this.location = location;
  }
}
