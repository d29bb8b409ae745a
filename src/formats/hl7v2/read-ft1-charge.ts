import type { CodedValue, DftCharge } from './dft-types.js';
import { parseDtm } from './hl7-datetime.js';
import type { Segment } from './hl7-segment.js';
import { readCents, readCoded, readNumber, readPl, readXcnIds } from './hl7-values.js';

/** Where a problem in this FT1 is, and where to put it. `where` is e.g. `FT1[2].7`. */
export interface Ft1Context {
  /** `file.hl7:message 3, FT1[2]`. */
  source: string;
  /** `FT1[2]`. */
  label: string;
  problem(where: string, message: string): void;
  warn(where: string, message: string): void;
}

/**
 * HL7 table 0396 (coding system) values that mean CPT or HCPCS: `C4` CPT-4, `C5` CPT-5, `HCPCS`; and the
 * spellings interfaces use in practice.
 */
const CPT_HCPCS = new Set(['C4', 'C5', 'CPT', 'CPT4', 'CPT-4', 'HCPCS', 'HCPC', 'HCPCS-II']);
/** A CPT/HCPCS code with its modifier written in the code field (`77387-26`). */
const CODE_WITH_MODIFIER = /^([0-9A-Z]{5})-([0-9A-Z]{2})$/;
const MODIFIER = /^[0-9A-Z]{2}$/;

const isCptHcpcs = (system: string | null) => system !== null && CPT_HCPCS.has(system.toUpperCase());

/** FT1 (HL7 v2.5.1 §6.5.1) → one charge, or null after reporting why it cannot be used. */
export function readFt1Charge(seg: Segment, ctx: Ft1Context): DftCharge | null {
  const at = (n: number) => `${ctx.label}.${n}`;
  let usable = true;

  // FT1-4 Transaction Date: DR in 2.5 (range start = TS = DTM&precision), TS in 2.3/2.4 (DTM^precision).
  const dateText = seg.value(4, 1, 1);
  const dtm = parseDtm(dateText);
  let transactionDate: DftCharge['transactionDate'] | null = null;
  if (dateText === '') {
    ctx.problem(at(4), 'FT1-4 transaction date is missing: a charge needs its date of service');
  } else if (!dtm.ok || dtm.value.date === null) {
    ctx.problem(
      at(4),
      'FT1-4 transaction date is not a date of service: expected YYYYMMDD[HHMM[SS[.SSSS]]][+/-ZZZZ]',
    );
  } else {
    const { date, localDateTime, utcOffset } = dtm.value;
    transactionDate = { date, localDateTime, utcOffset };
  }

  // FT1-7 Transaction Code (CE, required) and FT1-25 Procedure Code (CE/CNE).
  const transactionCode = first(seg, 7);
  const procedureCode = first(seg, 25);
  if (transactionCode === null && procedureCode === null) {
    ctx.problem(at(7), 'FT1-7 transaction code is missing (and FT1-25 procedure code is empty)');
    usable = false;
  } else if (transactionCode === null) {
    ctx.warn(at(7), 'FT1-7 transaction code is empty; the charge is read from FT1-25 procedure code');
  }

  // FT1-10 Transaction Quantity (NM).
  const quantityText = seg.value(10);
  const quantity = readNumber(quantityText);
  if (quantityText !== '' && quantity === null) {
    ctx.problem(at(10), 'FT1-10 transaction quantity is not a number');
    usable = false;
  } else if (quantity !== null && !Number.isInteger(quantity)) {
    ctx.warn(at(10), 'FT1-10 transaction quantity is not a whole number of units');
  }

  // FT1-26 Procedure Code Modifier (CE, repeating), then a modifier written into the code itself.
  const modifiers: string[] = [];
  seg.repetitions(26).forEach((rep, i) => {
    const modifier = seg.part(rep, 26, 1).toUpperCase();
    if (modifier === '') return;
    if (!MODIFIER.test(modifier)) {
      ctx.warn(`${at(26)}[${i + 1}]`, 'FT1-26 procedure modifier is not two letters or digits');
    }
    if (!modifiers.includes(modifier)) modifiers.push(modifier);
  });
  const billed = billedCode(transactionCode, procedureCode);
  if (billed?.modifier && !modifiers.includes(billed.modifier)) modifiers.push(billed.modifier);

  // FT1-6 Transaction Type (IS, required; HL7 table 0017).
  const type = seg.value(6) || null;
  if (type === null) ctx.warn(at(6), 'FT1-6 transaction type is empty (expected CG, CD, …)');

  // FT1-11 Transaction Amount - Extended (CP: price (MO: quantity&denomination)^price type^…).
  const amountText = seg.value(11, 1, 1);
  const amountCents = amountText === '' ? null : readCents(amountText);
  if (amountText !== '' && amountCents === null) {
    ctx.warn(at(11), 'FT1-11 extended amount is not a decimal amount with at most 2 decimals; not read');
  }

  const setIdText = seg.value(1);
  const setId = /^\d{1,9}$/.test(setIdText) ? Number(setIdText) : null;
  if (setIdText !== '' && setId === null) ctx.warn(at(1), 'FT1-1 set ID is not a number');

  const performed = readXcnIds(seg, 20);
  const ordered = readXcnIds(seg, 21);
  if (performed.unidentified > 0) ctx.warn(at(20), 'FT1-20 names a performer without an ID (XCN-1)');
  if (ordered.unidentified > 0) ctx.warn(at(21), 'FT1-21 names an orderer without an ID (XCN-1)');

  if (!usable || transactionDate === null) return null;
  return {
    source: ctx.source,
    setId,
    transactionId: seg.value(2) || null,
    transactionDate,
    type,
    transactionCode,
    procedureCode,
    code: billed?.code ?? null,
    codeField: billed?.field ?? null,
    modifiers,
    quantity,
    units: quantity ?? 1,
    amountCents,
    location: readPl(seg, 16),
    diagnoses: seg
      .repetitions(19)
      .map((rep) => readCoded(seg, rep, 19))
      .filter((c) => c !== null),
    performedBy: performed.ids,
    orderedBy: ordered.ids,
  };
}

function first(seg: Segment, n: number): CodedValue | null {
  const rep = seg.repetitions(n)[0];
  return rep === undefined ? null : readCoded(seg, rep, n);
}

/**
 * The CPT/HCPCS code billed: FT1-25 unless it names another coding system (ICD-10-PCS, …), else FT1-7
 * when it names CPT/HCPCS. A chargemaster code in FT1-7 is not guessed into a CPT code.
 */
function billedCode(
  transaction: CodedValue | null,
  procedure: CodedValue | null,
): { code: string; modifier: string | null; field: 'FT1-25' | 'FT1-7' } | null {
  const pick =
    procedure && (procedure.system === null || isCptHcpcs(procedure.system))
      ? { value: procedure, field: 'FT1-25' as const }
      : transaction && isCptHcpcs(transaction.system)
        ? { value: transaction, field: 'FT1-7' as const }
        : null;
  if (pick === null) return null;
  const code = pick.value.code.toUpperCase();
  const split = CODE_WITH_MODIFIER.exec(code);
  return split
    ? { code: split[1]!, modifier: split[2]!, field: pick.field }
    : { code, modifier: null, field: pick.field };
}
