import type { InputProblem } from '../../core/model/input-problem.js';
import { isValidNpi } from '../../core/claims/npi.js';
import type { Claim, ClaimFile, PriorAdjustment, X12Delimiters } from './claim-types.js';

/**
 * What must hold before an 837 is written. X12 has no escape mechanism, so a value holding a delimiter
 * (or a character outside the X12 character set) is rejected with its location in the input
 * (`claims[2].subscriber.lastName`); messages name fields, never their values (PHI).
 */
export type Flavour = '837P' | '837I';

// X12 basic and extended character sets (printable ASCII); control characters and non-ASCII are refused.
const PRINTABLE = /^[\x20-\x7e]*$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// Health care provider taxonomy code: 10 characters ending in X [NUCC code set, e.g. 2085R0001X].
const TAXONOMY = /^[0-9A-Z]{9}X$/;
const TAXONOMY_MESSAGE = 'Must be a 10-character provider taxonomy code (e.g. 2085R0001X).';
const NPI = 'Must be a 10-digit NPI with its check digit.';
const GROUPS = new Set(['CO', 'PR', 'OA', 'PI']);
const CREATED = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/;

export function checkDelimiters(d: X12Delimiters): InputProblem[] {
  const chars = [d.element, d.component, d.repetition, d.segment];
  const bad = chars.some((c) => c.length !== 1 || /[A-Za-z0-9 ]/.test(c) || !PRINTABLE.test(c));
  if (bad || new Set(chars).size !== 4 || !/^[\r\n]*$/.test(d.segmentSuffix)) {
    return [
      {
        location: 'envelope.delimiters',
        message:
          'Delimiters must be four distinct printable characters that are not letters, digits or space; the segment suffix may hold only CR and LF.',
      },
    ];
  }
  return [];
}

/** Every string in the input free of delimiters and non-X12 characters, located by its path. */
export function checkValues(value: unknown, d: X12Delimiters, path: string, out: InputProblem[]): void {
  if (typeof value === 'string') {
    const names: [string, string][] = [
      [d.element, 'element separator'],
      [d.component, 'component separator'],
      [d.repetition, 'repetition separator'],
      [d.segment, 'segment terminator'],
    ];
    for (const [c, name] of names) {
      if (value.includes(c)) out.push({ location: path, message: `Contains the ${name} '${c}': remove it.` });
    }
    if (!PRINTABLE.test(value)) {
      out.push({
        location: path,
        message: 'Contains a control or non-ASCII character outside the X12 character set: transliterate it.',
      });
    }
    if (value !== value.trim()) out.push({ location: path, message: 'Has leading or trailing spaces.' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkValues(v, d, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      // The delimiters themselves and the creation time (checked by its pattern, never written as is).
      if (at === 'envelope.delimiters' || at === 'envelope.created') continue;
      checkValues(v, d, at, out);
    }
  }
}

/** Shapes the implementation guides require (lengths, codes, counts), located by input path. */
export function checkClaimFile(file: ClaimFile, flavour: Flavour): InputProblem[] {
  const out: InputProblem[] = [];
  const need = (ok: boolean, location: string, message: string) => {
    if (!ok) out.push({ location, message });
  };
  const e = file.envelope;
  for (const side of ['sender', 'receiver'] as const) {
    need(
      /^[A-Z0-9]{2}$/.test(e[side].qualifier),
      `envelope.${side}.qualifier`,
      'Must be a 2-character ISA id qualifier.',
    );
    need(
      e[side].id.length >= 1 && e[side].id.length <= 15,
      `envelope.${side}.id`,
      'Must be 1–15 characters (ISA06/ISA08).',
    );
  }
  for (const k of ['interchangeControlNumber', 'groupControlNumber'] as const) {
    need(
      Number.isInteger(e[k]) && e[k] >= 1 && e[k] <= 999_999_999,
      `envelope.${k}`,
      'Must be a whole number 1–999999999.',
    );
  }
  need(
    /^[A-Za-z0-9]{4,9}$/.test(e.transactionSetControlNumber),
    'envelope.transactionSetControlNumber',
    'Must be 4–9 letters or digits (ST02).',
  );
  need(CREATED.test(e.created), 'envelope.created', 'Must be a wall-clock time YYYY-MM-DDTHH:MM.');
  need(
    e.batchReference.length >= 1 && e.batchReference.length <= 50,
    'envelope.batchReference',
    'Must be 1–50 characters (BHT03).',
  );
  need(/^\d{10}$/.test(e.contact.phone), 'envelope.contact.phone', 'Must be 10 digits.');
  need(isValidNpi(file.billingProvider.npi), 'billingProvider.npi', NPI);
  if (file.billingProvider.taxonomy !== undefined)
    need(TAXONOMY.test(file.billingProvider.taxonomy), 'billingProvider.taxonomy', TAXONOMY_MESSAGE);
  need(/^\d{9}$/.test(file.billingProvider.taxId), 'billingProvider.taxId', 'Must be a 9-digit EIN.');
  need(
    /^[A-Z0-9]{2}$/.test(file.payer.filingIndicator),
    'payer.filingIndicator',
    'Must be a 2-character claim filing indicator code (SBR09).',
  );
  checkCity(file.billingProvider.address.city, 'billingProvider.address.city', need);
  need(file.claims.length > 0, 'claims', 'No claims to write.');

  file.claims.forEach((c, i) => {
    const at = `claims[${i}]`;
    need(
      c.patientControlNumber.length >= 1 && c.patientControlNumber.length <= 20,
      `${at}.patientControlNumber`,
      'Must be 1–20 characters (CLM01).',
    );
    // 2010BA DMG, N3, N4: required when the subscriber is the patient [837 TR3 2010BA].
    if (!c.patient || c.subscriber.birthDate !== undefined)
      need(
        DATE.test(c.subscriber.birthDate ?? ''),
        `${at}.subscriber.birthDate`,
        'Must be a date YYYY-MM-DD.',
      );
    if (!c.patient) {
      need(
        c.subscriber.sex !== undefined,
        `${at}.subscriber.sex`,
        'Is required when the subscriber is the patient.',
      );
      need(
        c.subscriber.address !== undefined,
        `${at}.subscriber.address`,
        'Is required when the subscriber is the patient.',
      );
    }
    need(
      c.subscriber.memberId.length >= 2 && c.subscriber.memberId.length <= 80,
      `${at}.subscriber.memberId`,
      'Must be 2–80 characters (NM109).',
    );
    if (c.subscriber.address) checkCity(c.subscriber.address.city, `${at}.subscriber.address.city`, need);
    if (c.patient) checkCity(c.patient.address.city, `${at}.patient.address.city`, need);
    need(
      c.diagnosisCodes.length >= 1 && c.diagnosisCodes.length <= 12,
      `${at}.diagnosisCodes`,
      'Needs 1–12 diagnosis codes.',
    );
    c.diagnosisCodes.forEach((dx, k) =>
      need(
        /^[A-Z][0-9A-Z]{2,6}$/.test(dx),
        `${at}.diagnosisCodes[${k}]`,
        'Must be an ICD-10-CM code without the dot.',
      ),
    );
    checkParties(c, at, flavour, file.billingProvider.entity ?? '2', need);
    if (flavour === '837P') {
      need(
        /^\d{2}$/.test(c.placeOfService ?? ''),
        `${at}.placeOfService`,
        'An 837P claim needs a 2-digit place of service.',
      );
    } else {
      need(
        /^\d{2}$/.test(c.facilityTypeCode ?? ''),
        `${at}.facilityTypeCode`,
        'An 837I claim needs a 2-digit facility type code.',
      );
    }
    for (const k of ['statementFrom', 'statementTo'] as const) {
      if (c[k] !== undefined) need(DATE.test(c[k]), `${at}.${k}`, 'Must be a date YYYY-MM-DD.');
    }
    const maxLines = flavour === '837P' ? 50 : 999;
    need(
      c.lines.length >= 1 && c.lines.length <= maxLines,
      `${at}.lines`,
      `Needs 1–${maxLines} service lines.`,
    );
    c.lines.forEach((l, j) => {
      const lat = `${at}.lines[${j}]`;
      need(
        /^[A-Z0-9]{5}$/.test(l.procedureCode),
        `${lat}.procedureCode`,
        'Must be a 5-character HCPCS/CPT code.',
      );
      need(
        l.modifiers.length <= 4 && l.modifiers.every((m) => /^[A-Z0-9]{2}$/.test(m)),
        `${lat}.modifiers`,
        'At most four 2-character modifiers.',
      );
      need(Number.isSafeInteger(l.units) && l.units >= 1, `${lat}.units`, 'Must be a positive whole number.');
      need(
        Number.isSafeInteger(l.chargeCents) && l.chargeCents >= 0,
        `${lat}.chargeCents`,
        'Must be whole cents, not negative.',
      );
      need(DATE.test(l.dateOfService), `${lat}.dateOfService`, 'Must be a date YYYY-MM-DD.');
      need(
        l.lineControlNumber.length >= 1 && l.lineControlNumber.length <= 50,
        `${lat}.lineControlNumber`,
        'Must be 1–50 characters (REF*6R).',
      );
      if (flavour === '837I')
        need(
          /^\d{4}$/.test(l.revenueCode ?? ''),
          `${lat}.revenueCode`,
          'An 837I line needs a 4-digit revenue code.',
        );
      const pointers = l.diagnosisPointers ?? [1];
      need(
        pointers.length >= 1 &&
          pointers.length <= 4 &&
          pointers.every((p) => Number.isInteger(p) && p >= 1 && p <= c.diagnosisCodes.length),
        `${lat}.diagnosisPointers`,
        'Needs 1–4 pointers to the claim’s diagnoses.',
      );
    });
  });
  return out;
}

type Need = (ok: boolean, location: string, message: string) => void;

/**
 * The claim's people and payers [837P/837I TR3]: every NPI with its check digit, taxonomies; on the
 * 837P an organization billing provider (NM1*85 NM102 2) needs the 2310B rendering provider; a
 * replacement or void (CLM05-3 7/8) needs REF*F8; a dependent's 2000C needs a birth date; a secondary or
 * tertiary claim (SBR01 S/T) needs the prior payer's adjudication (2320/2330), one entry per line.
 */
function checkParties(c: Claim, at: string, flavour: Flavour, entity: '1' | '2', need: Need): void {
  for (const k of ['provider', 'referring', 'supervising'] as const) {
    const p = c[k];
    if (!p) continue;
    need(isValidNpi(p.npi), `${at}.${k}.npi`, NPI);
    if (p.taxonomy !== undefined) need(TAXONOMY.test(p.taxonomy), `${at}.${k}.taxonomy`, TAXONOMY_MESSAGE);
  }
  if (flavour === '837P' && entity === '2')
    need(
      c.provider !== undefined,
      `${at}.provider`,
      'An organization billing provider needs the rendering provider (2310B) on every professional claim.',
    );
  if (flavour === '837I')
    need(c.supervising === undefined, `${at}.supervising`, 'The 837I has no supervising provider loop.');
  const frequency = c.frequencyCode ?? '1';
  need(/^[1-9]$/.test(frequency), `${at}.frequencyCode`, 'Must be a claim frequency type code (1, 7, 8…).');
  if (frequency === '7' || frequency === '8')
    need(
      (c.payerClaimControlNumber ?? '').length >= 1 && (c.payerClaimControlNumber ?? '').length <= 50,
      `${at}.payerClaimControlNumber`,
      "A replacement or void needs the payer's claim control number (REF*F8, 1–50 characters).",
    );
  if (c.filingIndicator !== undefined)
    need(/^[A-Z0-9]{1,2}$/.test(c.filingIndicator), `${at}.filingIndicator`, 'Must be an SBR09 code.');
  if (c.patient)
    need(DATE.test(c.patient.birthDate), `${at}.patient.birthDate`, 'Must be a date YYYY-MM-DD.');
  const o = c.priorPayer;
  need(
    (c.responsibility ?? 'P') === 'P' || o !== undefined,
    `${at}.priorPayer`,
    "A secondary or tertiary claim needs the prior payer's adjudication (2320/2330).",
  );
  if (!o) return;
  const oat = `${at}.priorPayer`;
  need(/^[A-Z0-9]{1,2}$/.test(o.filingIndicator), `${oat}.filingIndicator`, 'Must be an SBR09 code.');
  need(o.payer.id.length >= 2 && o.payer.id.length <= 80, `${oat}.payer.id`, 'Must be 2–80 characters.');
  need(o.subscriber.memberId.length > 0, `${oat}.subscriber.memberId`, 'Is empty.');
  need(Number.isSafeInteger(o.paidCents), `${oat}.paidCents`, 'Must be whole cents.');
  need(o.lines.length === c.lines.length, `${oat}.lines`, 'Needs one entry per service line.');
  const adjustments = (list: PriorAdjustment[], where: string) =>
    list.forEach((a, k) =>
      need(
        GROUPS.has(a.group) && /^[A-Z0-9]{1,5}$/.test(a.reason) && Number.isSafeInteger(a.amountCents),
        `${where}.adjustments[${k}]`,
        'Needs a group CO/PR/OA/PI, a reason code and whole cents.',
      ),
    );
  adjustments(o.adjustments, oat);
  o.lines.forEach((l, j) => {
    if (!l) return;
    adjustments(l.adjustments, `${oat}.lines[${j}]`);
    need(DATE.test(l.adjudicationDate), `${oat}.lines[${j}].adjudicationDate`, 'Must be a date YYYY-MM-DD.');
    need(Number.isSafeInteger(l.paidCents), `${oat}.lines[${j}].paidCents`, 'Must be whole cents.');
  });
}

/** N401 city name: 2–30 characters [837 TR3 N4]. */
function checkCity(city: string, location: string, need: Need): void {
  need(city.length >= 2 && city.length <= 30, location, 'Must be 2–30 characters (N401).');
}
