import type { Adjustment, Procedure, ProviderAdjustment } from '../../core/model/remittance.js';
import { elementName, type X12Fields } from './x12-fields.js';
import { element, type X12Segment } from './x12-types.js';
import { parseProcedure } from './x12-values.js';

/** CAS: group (CAS01), then up to six triplets reason/amount/quantity (CAS02–04 … CAS17–19). */
export function readAdjustments(cas: X12Segment, at: string, f: X12Fields): Adjustment[] {
  const group = f.required(cas, 1, at);
  const out: Adjustment[] = [];
  for (let n = 2; n <= 17; n += 3) {
    const reason = f.text(cas, n);
    const amount = f.cents(cas, n + 1, at);
    if (reason === null && amount === null) continue;
    if (reason === null)
      f.problems.add(`${at}/${elementName(cas, n)}`, `${elementName(cas, n)} reason code is required`);
    if (amount === null && element(cas, n + 1).trim() === '')
      f.problems.add(`${at}/${elementName(cas, n + 1)}`, `${elementName(cas, n + 1)} amount is required`);
    out.push({ group, reason: reason ?? '', amountCents: amount ?? 0, quantity: f.quantity(cas, n + 2, at) });
  }
  return out;
}

/**
 * A procedure composite (SVC01, SVC06) with the file's component separator. A composite written with
 * another separator (`HC>55669` under ISA16 `:`, as in the guide's printed examples) is read with a
 * warning; one with no code is a warning and an empty code (SVC01) or null (SVC06).
 */
export function readProcedure(seg: X12Segment, n: number, at: string, f: X12Fields): Procedure | null {
  const composite = element(seg, n);
  if (composite.trim() === '') return null;
  const name = elementName(seg, n);
  const read = parseProcedure(composite, seg.delimiters.component);
  if (read === null) {
    f.warnings.add(`${at}/${name}`, `${name} has no procedure code`);
    return null;
  }
  if (read.guessed)
    f.warnings.add(
      `${at}/${name}`,
      `${name} does not use the component separator of ISA16; read with the separator it contains`,
    );
  return read.procedure;
}

/** PLB: provider id, fiscal date, then up to six pairs (PLB03 composite reason:reference, PLB04 amount). */
export function readProviderAdjustments(plb: X12Segment, at: string, f: X12Fields): ProviderAdjustment[] {
  const out: ProviderAdjustment[] = [];
  for (let n = 3; n <= 13; n += 2) {
    const composite = f.text(plb, n);
    const amount = f.cents(plb, n + 1, at);
    if (composite === null && amount === null) continue;
    if (composite === null)
      f.problems.add(`${at}/${elementName(plb, n)}`, `${elementName(plb, n)} reason is required`);
    if (amount === null && element(plb, n + 1).trim() === '')
      f.problems.add(`${at}/${elementName(plb, n + 1)}`, `${elementName(plb, n + 1)} amount is required`);
    const [reason = '', reference = ''] = (composite ?? '').split(plb.delimiters.component);
    out.push({ reason: reason.trim(), reference: reference.trim() || null, amountCents: amount ?? 0 });
  }
  return out;
}

/** Remark codes of MOA (MOA03–07) or MIA (MIA05, MIA20–23): the claim-level RARCs. */
export function claimRemarks(seg: X12Segment): string[] {
  const positions = seg.id === 'MOA' ? [3, 4, 5, 6, 7] : [5, 20, 21, 22, 23];
  return positions.map((n) => element(seg, n).trim()).filter((s) => s !== '');
}
