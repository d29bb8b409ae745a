import type { Adjustment, Procedure, ProviderAdjustment } from '../../core/model/remittance.js';
import { elementName, hasControlCharacter, isBlank, type X12Fields } from './x12-fields.js';
import { AdjustmentRecord } from './remit-records.js';
import { element, type X12Segment } from './x12-types.js';
import { parseProcedure } from './x12-values.js';

/** CAS01 claim adjustment group codes of 005010X221A1: CO, OA, PI, PR (CR, "corrections and reversals", was dropped in 5010). */
const GROUPS = new Set(['CO', 'OA', 'PI', 'PR']);

/**
 * CAS: group (CAS01), then up to six triplets reason/amount/quantity (CAS02–04 … CAS17–19), added to
 * `into` (the line's or the claim's adjustments).
 */
export function readAdjustments(cas: X12Segment, at: string, f: X12Fields, into: Adjustment[]): void {
  const group = f.code(cas, 1, at, true) ?? '';
  if (group !== '' && !GROUPS.has(group))
    f.problems.add(
      `${at}/CAS01`,
      'CAS01 group code is not CO, OA, PI or PR (005010X221A1; CR is not used in 5010)',
    );
  let read = 0;
  // Only the elements the segment has (an absent triplet is empty).
  for (let n = 2; n <= 17 && n < cas.length; n += 3) {
    // Each element cut once (a CAS is on nearly every line).
    const rawReason = element(cas, n);
    const rawAmount = element(cas, n + 1);
    if (isBlank(rawReason) && isBlank(rawAmount)) continue;
    const reason = f.codeOf(rawReason, cas, n, at, true) ?? '';
    const amount = f.requiredCentsOf(rawAmount, cas, n + 1, at);
    into.push(new AdjustmentRecord(group, reason, amount, f.quantity(cas, n + 2, at)));
    read++;
  }
  if (read === 0) f.problems.add(`${at}/CAS02`, 'CAS02 reason code is required');
}

/** A product/service id qualifier of SVC01-1 and SVC06-1 in 005010X221A1, then a separator. */
const SVC_QUALIFIER = /^ *(AD|ER|HC|HP|IV|N4|NU|WK)[^A-Za-z0-9]/;
const ALPHANUMERIC = /^[A-Za-z0-9]+$/;

/** What a procedure composite reads as: the procedure, or why not (the end of a message), and whether its separator was guessed. */
interface CompositeReading {
  procedure: Procedure | null;
  refusal: string | null;
  guessed: boolean;
}

function readComposite(composite: string, component: string, strict: boolean): CompositeReading {
  const read = parseProcedure(composite, component);
  const wrong = strict ? strictProblem(composite, component, read) : null;
  if (wrong !== null || read === null)
    return { procedure: null, refusal: wrong ?? ' has no procedure code', guessed: false };
  return { procedure: read.procedure, refusal: null, guessed: read.guessed };
}

/** The reading's problem (strict) or warning, located at the element. */
function report(
  r: CompositeReading,
  seg: X12Segment,
  n: number,
  at: string,
  f: X12Fields,
  strict: boolean,
): void {
  if (r.refusal !== null) {
    const name = elementName(seg, n);
    (strict ? f.problems : f.warnings).add(`${at}/${name}`, `${name}${r.refusal}`);
  } else if (r.guessed)
    f.warnings.add(
      `${at}/${elementName(seg, n)}`,
      `${elementName(seg, n)} does not use the component separator of ISA16; read with the separator it contains`,
    );
}

/**
 * A procedure composite (SVC01, SVC06; the 837's SV101/SV202) with the file's component separator. A
 * composite written with another separator (`HC>55669` under ISA16 `:`, as in the guide's printed
 * examples) is read with a warning. Lenient (the 837 reader): one with no code is a warning and null.
 * `strict` (the 835's SVC01/SVC06, whose codes the analysis matches on): no code, a qualifier outside
 * the guide's list, a control character or a code or modifier that is not letters and digits is a
 * problem at the element.
 */
export function readProcedure(
  seg: X12Segment,
  n: number,
  at: string,
  f: X12Fields,
  strict = false,
): Procedure | null {
  const composite = element(seg, n);
  if (isBlank(composite)) return null;
  const r = readComposite(composite, seg.delimiters.component, strict);
  report(r, seg, n, at, f, strict);
  return r.procedure;
}

/** Distinct composites remembered per transaction set (a remittance has a few dozen). */
const MAX_COMPOSITES = 1024;

/**
 * `readProcedure` (strict) for the SVC01/SVC06 of one 835 transaction set: a set repeats the same few
 * composites (`HC:77412`, `HC:77387:26`) on hundreds of lines, so each is read and checked once and its
 * lines share one procedure record (read-only data); its problem or warning is still given at every
 * line that carries it.
 */
export class SetProcedures {
  private readonly known = new Map<string, CompositeReading>();

  read(seg: X12Segment, n: number, at: string, f: X12Fields): Procedure | null {
    const composite = element(seg, n);
    if (isBlank(composite)) return null;
    let r = this.known.get(composite);
    if (r === undefined) {
      r = readComposite(composite, seg.delimiters.component, true);
      if (this.known.size < MAX_COMPOSITES) this.known.set(composite, r);
    }
    report(r, seg, n, at, f, true);
    return r.procedure;
  }
}

/** Why a composite the 835 analysis matches on cannot be read (the end of a message), or null. */
function strictProblem(
  composite: string,
  component: string,
  read: ReturnType<typeof parseProcedure>,
): string | null {
  if (hasControlCharacter(composite, component)) return ' contains a control character';
  if (read === null) return ' has no procedure code';
  if (!SVC_QUALIFIER.test(composite))
    return '-1 is not a product/service id qualifier of the 835 (AD, ER, HC, HP, IV, N4, NU, WK)';
  if (!ALPHANUMERIC.test(read.procedure.code)) return ' procedure code or modifier is not letters and digits';
  for (const m of read.procedure.modifiers)
    if (!ALPHANUMERIC.test(m)) return ' procedure code or modifier is not letters and digits';
  return null;
}

/** PLB03-1 adjustment reason codes are two characters (X12 element 426, ID 2/2): L6, WO, 72, FB, … */
const PLB_REASON = /^[A-Z0-9]{2}$/;

/**
 * PLB: provider id, fiscal date, then up to six pairs (PLB03/05/…/13 composite C042: reason code
 * PLB03-1 and reference PLB03-2; PLB04/06/…/14 amount, positive reducing the payment).
 */
export function readProviderAdjustments(plb: X12Segment, at: string, f: X12Fields): ProviderAdjustment[] {
  const out: ProviderAdjustment[] = [];
  for (let n = 3; n <= 13; n += 2) {
    if (element(plb, n).trim() === '' && element(plb, n + 1).trim() === '') continue;
    const composite = f.code(plb, n, at, true);
    const [reason = '', reference = ''] = (composite ?? '').split(plb.delimiters.component);
    if (composite && !PLB_REASON.test(reason.trim()))
      f.problems.add(
        `${at}/${elementName(plb, n)}`,
        `${elementName(plb, n)}-1 adjustment reason is not a two-character code`,
      );
    const amountCents = f.requiredCents(plb, n + 1, at);
    out.push({ reason: reason.trim(), reference: reference.trim() || null, amountCents });
  }
  return out;
}

/**
 * Remark codes (RARC) of MOA (MOA03–07) or MIA (MIA05, MIA20–23), the claim-level remarks of
 * 005010X221A1 (MIA24 is an amount, the PPS-capital exception).
 */
export function claimRemarks(seg: X12Segment, at: string, f: X12Fields): string[] {
  const positions = seg.id === 'MOA' ? [3, 4, 5, 6, 7] : [5, 20, 21, 22, 23];
  const out: string[] = [];
  for (const n of positions) {
    const code = f.code(seg, n, at);
    if (code !== null) out.push(code);
  }
  return out;
}
