import { writeCsv } from '../../formats/csv/write-csv.js';
import { type DftMessageInput, writeDftMessages } from '../../formats/hl7v2/write-dft-message.js';
import { firstOn } from './build-fraction.js';
import { FACILITY, FACILITY_CODE, PAYERS, type SimClinic } from './clinic-model.js';
import { formatLocal, localOf, offsetAt, instantOf } from './clinic-time.js';
import type { ClinicFile } from './clinic-files.js';

const zone = FACILITY.timeZone;

/** Chargemaster prices (integer cents) and short labels; not expected payments. */
const CHARGEMASTER: Record<string, { cents: number; text: string; system: string }> = {
  '77402': { cents: 32_000, text: 'Treatment delivery level 1', system: 'C4' },
  '77407': { cents: 98_000, text: 'Treatment delivery level 2', system: 'C4' },
  '77412': { cents: 125_000, text: 'Treatment delivery level 3', system: 'C4' },
  '77387': { cents: 15_000, text: 'IGRT guidance', system: 'C4' },
  '77373': { cents: 290_000, text: 'SBRT delivery per fraction', system: 'C4' },
  '77386': { cents: 110_000, text: 'IMRT delivery complex', system: 'C4' },
  G6015: { cents: 110_000, text: 'IMRT delivery', system: 'HCPCS' },
};

/**
 * `charges/<yyyy-mm-dd>.hl7`: per date of service, one HL7 v2.5.1 DFT^P03 message per delivered session
 * whose charges the OIS had posted at the export instant, in posting order; FT1-4 is the session's first
 * beam-on with its offset, the CPT/HCPCS code in FT1-25 and its modifiers in FT1-26.
 */
export function* chargeFiles(clinic: SimClinic): Generator<ClinicFile> {
  const byDate = new Map<string, { at: number; message: Omit<DftMessageInput, 'controlId'> }[]>();
  for (const c of clinic.courses) {
    for (const f of c.fractions.filter((x) => x.delivered && x.charges.length > 0)) {
      const posted = localOf(f.postedAt, zone);
      const beamOn = firstOn(f);
      const onInstant = instantOf(beamOn, zone);
      const location = { pointOfCare: 'RADONC', room: c.machine, facility: FACILITY_CODE };
      const doctor = { id: c.physician.id, family: c.physician.family, given: c.physician.given };
      const message: Omit<DftMessageInput, 'controlId'> = {
        sendingApplication: 'SYNOIS',
        sendingFacility: FACILITY_CODE,
        receivingApplication: 'BILLING',
        receivingFacility: FACILITY_CODE,
        messageDateTime: { local: formatLocal(posted), utcOffset: offsetAt(f.postedAt, zone) },
        patient: {
          id: c.patient.id,
          assigningAuthority: FACILITY_CODE,
          family: c.patient.family,
          given: c.patient.given,
          birthDate: c.patient.birthDate,
          sex: c.patient.sex,
        },
        visit: { patientClass: 'O', location, attendingDoctor: doctor, visitNumber: `V-${c.courseId}` },
        charges: f.charges.map((ch, i) => {
          const cdm = CHARGEMASTER[ch.code]!;
          return {
            transactionId: `${f.id}-${i + 1}`,
            transactionDate: { local: formatLocal(beamOn), utcOffset: offsetAt(onInstant, zone) },
            transactionCode: { code: `RO${ch.code}`, text: cdm.text, system: 'CDM' },
            quantity: ch.units,
            amountCents: cdm.cents * ch.units,
            location,
            diagnoses: [{ code: c.diagnosis, system: 'I10' }],
            performedBy: doctor,
            orderedBy: doctor,
            procedureCode: { code: ch.code, text: cdm.text, system: cdm.system },
            modifiers: ch.modifiers,
          };
        }),
      };
      const list = byDate.get(f.date) ?? [];
      list.push({ at: f.postedAt, message });
      byDate.set(f.date, list);
    }
  }
  for (const date of [...byDate.keys()].sort()) {
    const messages = byDate
      .get(date)!
      .sort((a, b) => a.at - b.at)
      .map((m, i) => ({
        ...m.message,
        controlId: `${date.replaceAll('-', '')}-${String(i + 1).padStart(4, '0')}`,
      }));
    yield { path: `charges/${date}.hl7`, data: writeDftMessages(messages) };
  }
}

export const AUTHORIZATIONS_HEADER = [
  'Payer',
  'Authorization Number',
  'Patient ID',
  'Patient Name',
  'Codes',
  'Fractions Authorized',
  'Valid From',
  'Valid To',
  'Obtained On',
  'Status',
] as const;

/** `authorizations.csv` (the default layout of src/formats/csv/mappings/authorizations.ts). */
export function authorizationsCsv(clinic: SimClinic): ClinicFile {
  const rows = clinic.courses.flatMap((c) =>
    c.authorization
      ? [
          [
            PAYERS[c.payer].name,
            c.authorization.number,
            c.patient.id,
            `${c.patient.family}, ${c.patient.given}`,
            c.authorization.codes.join(';'),
            c.authorization.fractions,
            c.authorization.validFrom,
            c.authorization.validTo,
            c.authorization.obtainedOn,
            c.authorization.status,
          ],
        ]
      : [],
  );
  return { path: 'authorizations.csv', data: writeCsv([AUTHORIZATIONS_HEADER, ...rows]) };
}
