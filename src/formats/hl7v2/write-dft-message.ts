/**
 * Writes HL7 v2.5.1 DFT^P03 ("post detail financial transaction") messages as an oncology information
 * system sends charges to billing (domain.md §5.4): MSH, EVN, PID, PV1, then one FT1 per charge with the
 * transaction date (FT1-4), the chargemaster code (FT1-7), quantity (FT1-10), amount (FT1-11), the CPT
 * code in FT1-25 and its modifiers in FT1-26 — the fields `read-dft-messages.ts` reads. Segments end with
 * CR (the standard's terminator); values are escaped (`\F\ \S\ \R\ \E\ \T\`). Used by the demo clinic
 * generator (src/app/demo-data).
 */

/** A local date-time and the sender's UTC offset: written `YYYYMMDDHHMMSS±ZZZZ`. */
export interface Hl7DateTime {
  /** `YYYY-MM-DDTHH:mm:ss` (facility wall clock). */
  local: string;
  /** `±HH:MM`, or null to write none. */
  utcOffset: string | null;
}

export interface Hl7Coded {
  code: string;
  text?: string;
  /** HL7 table 0396: `C4` (CPT-4), `HCPCS`, or a local chargemaster name such as `CDM`. */
  system?: string;
}

export interface Hl7Person {
  id: string;
  family?: string;
  given?: string;
  /** Assigning authority or identifier type, e.g. `NPI`. */
  idType?: string;
}

export interface Ft1Input {
  transactionId: string;
  transactionDate: Hl7DateTime;
  /** FT1-6, HL7 table 0017: `CG` charge (default), `CD` credit. */
  type?: string;
  transactionCode: Hl7Coded;
  quantity: number;
  /** FT1-11 extended amount, integer cents. */
  amountCents: number;
  location?: { pointOfCare: string; room?: string; facility?: string };
  diagnoses?: Hl7Coded[];
  performedBy?: Hl7Person;
  orderedBy?: Hl7Person;
  procedureCode?: Hl7Coded;
  modifiers?: string[];
}

export interface DftMessageInput {
  sendingApplication: string;
  sendingFacility: string;
  receivingApplication: string;
  receivingFacility: string;
  messageDateTime: Hl7DateTime;
  controlId: string;
  patient: {
    id: string;
    assigningAuthority: string;
    family?: string;
    given?: string;
    /** `YYYY-MM-DD`. */
    birthDate?: string;
    sex?: 'F' | 'M' | 'U';
  };
  visit: {
    /** PV1-2, table 0004: `O` outpatient. */
    patientClass: string;
    location?: { pointOfCare: string; room?: string; facility?: string };
    attendingDoctor?: Hl7Person;
    visitNumber?: string;
  };
  charges: Ft1Input[];
}

/** HL7 v2 escape sequences for the standard delimiters `|^~\&` (chapter 2.7). */
export function hl7Escape(text: string): string {
  return text.replace(/[\\|^~&\r\n]/g, (c) =>
    c === '\\'
      ? '\\E\\'
      : c === '|'
        ? '\\F\\'
        : c === '^'
          ? '\\S\\'
          : c === '~'
            ? '\\R\\'
            : c === '&'
              ? '\\T\\'
              : '\\.br\\',
  );
}

const components = (...parts: (string | undefined)[]) => {
  const out = parts.map((p) => hl7Escape(p ?? ''));
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('^');
};
const coded = (c: Hl7Coded | undefined) => (c ? components(c.code, c.text, c.system) : '');
const person = (p: Hl7Person | undefined) => (p ? components(p.id, p.family, p.given) : '');
const place = (l: { pointOfCare: string; room?: string; facility?: string } | undefined) =>
  l ? components(l.pointOfCare, l.room, '', l.facility) : '';

/** `2026-03-05T10:30:00` + `-05:00` → `20260305103000-0500`. */
export function hl7DateTime(t: Hl7DateTime): string {
  const digits = t.local.replace(/[-:T]/g, '').slice(0, 14);
  return t.utcOffset ? `${digits}${t.utcOffset.replace(':', '')}` : digits;
}

/** `12345` cents → `123.45`. */
const money = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

function segment(id: string, fields: (string | number | undefined)[]): string {
  const out = fields.map((f) => (f === undefined ? '' : String(f)));
  while (out.length && out[out.length - 1] === '') out.pop();
  return [id, ...out].join('|');
}

/** One message: segments joined and ended by CR. */
export function writeDftMessage(m: DftMessageInput): string {
  const at = hl7DateTime(m.messageDateTime);
  const segments = [
    `MSH|^~\\&|${[
      hl7Escape(m.sendingApplication),
      hl7Escape(m.sendingFacility),
      hl7Escape(m.receivingApplication),
      hl7Escape(m.receivingFacility),
      at,
      '',
      'DFT^P03^DFT_P03',
      hl7Escape(m.controlId),
      'P',
      '2.5.1',
    ].join('|')}`,
    segment('EVN', ['P03', at]),
    segment('PID', [
      '1',
      '',
      components(m.patient.id, '', '', m.patient.assigningAuthority, 'MR'),
      '',
      m.patient.family || m.patient.given
        ? components(m.patient.family, m.patient.given, '', '', '', '', 'L')
        : '',
      '',
      m.patient.birthDate?.replaceAll('-', ''),
      m.patient.sex,
    ]),
    segment('PV1', [
      '1',
      m.visit.patientClass,
      place(m.visit.location),
      '',
      '',
      '',
      person(m.visit.attendingDoctor),
      ...Array<string>(11).fill(''),
      m.visit.visitNumber ? hl7Escape(m.visit.visitNumber) : '',
    ]),
    ...m.charges.map((c, i) =>
      segment('FT1', [
        String(i + 1),
        hl7Escape(c.transactionId),
        '',
        hl7DateTime(c.transactionDate),
        c.transactionDate.local.slice(0, 10).replaceAll('-', ''),
        c.type ?? 'CG',
        coded(c.transactionCode),
        '',
        '',
        String(c.quantity),
        money(c.amountCents),
        '',
        '',
        '',
        '',
        place(c.location),
        '',
        '',
        (c.diagnoses ?? []).map(coded).join('~'),
        person(c.performedBy),
        person(c.orderedBy),
        '',
        '',
        '',
        coded(c.procedureCode),
        (c.modifiers ?? []).map((mod) => components(mod, '', 'C4')).join('~'),
      ]),
    ),
  ];
  return `${segments.join('\r')}\r`;
}

/** Several messages back to back (each starts at MSH), as a batch-less charge file. */
export function writeDftMessages(messages: readonly DftMessageInput[]): string {
  return messages.map(writeDftMessage).join('');
}
