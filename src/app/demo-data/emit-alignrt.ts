import { writeTreatmentReport } from '../../formats/alignrt/report/write-treatment-report.js';
import { writeRtdLog } from '../../formats/alignrt/rtd/write-rtd-log.js';
import type { SimClinic, SimCourse, SimFraction } from './clinic-model.js';
import { FACILITY } from './clinic-model.js';
import { formatLocal, instantOf } from './clinic-time.js';
import type { ClinicFile } from './clinic-files.js';
import { rngFor } from './prng.js';
import { simulateSession } from './simulate-monitoring.js';

/**
 * `alignrt/rtd/<courseId>-<fractionId>-<k>.txt`: one real-time-delta log per AlignRT session (none for a
 * practice that keeps the PDF reports only).
 */
export function* rtdLogs(clinic: SimClinic): Generator<ClinicFile> {
  for (const c of clinic.courses) {
    if (c.shape === 'alignrt-report-only') continue;
    for (const f of c.fractions.filter((x) => x.delivered)) {
      for (const m of f.monitoring) {
        const samples = simulateSession(m, f.beams);
        yield {
          path: `alignrt/rtd/${m.id}`,
          data: writeRtdLog(
            { patientId: c.patient.id, start: formatLocal(m.start), end: formatLocal(m.end) },
            samples,
          ),
        };
      }
    }
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `3/2/2026 8:11:51 AM`: a US site's report date (month first, 12-hour clock). */
export function usDateTime(localMs: number, seconds = true): string {
  const t = new Date(localMs);
  const h = t.getUTCHours();
  const clock = `${h % 12 === 0 ? 12 : h % 12}:${pad(t.getUTCMinutes())}${seconds ? `:${pad(t.getUTCSeconds())}` : ''}`;
  return `${t.getUTCMonth() + 1}/${t.getUTCDate()}/${t.getUTCFullYear()} ${clock} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `HH:MM:SS` of a duration in milliseconds (whole seconds). */
export function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

const PROTOCOLS: Record<string, string> = {
  'breast-left-dibh': 'Left Breast DIBH',
  'breast-right-dibh': 'Right Breast DIBH',
};

/**
 * `alignrt/reports/<courseId>-<fractionId>.pdf`: the alignRT treatment report of a few fractions (of every
 * monitored fraction of a report-only course), printed with a US locale (clinic.json says `MDY`). It shows
 * the same AlignRT session(s) as the fraction's logs.
 */
export async function* treatmentReports(clinic: SimClinic): AsyncGenerator<ClinicFile> {
  for (const c of clinic.courses) {
    for (const f of c.fractions.filter((x) => x.delivered && hasReport(c, x))) {
      yield { path: `alignrt/reports/${c.courseId}-${f.id}.pdf`, data: await reportFor(clinic, c, f) };
    }
  }
}

/** The fraction's AlignRT sessions are exported as a treatment report. */
export const hasReport = (c: SimCourse, f: SimFraction): boolean =>
  f.report || (c.shape === 'alignrt-report-only' && f.monitoring.length > 0);

/** `<courseId>-<fractionId>.pdf#<n>` (`#final` for the last): a report session as linking names it. */
export const reportSessionId = (c: SimCourse, f: SimFraction, i: number): string =>
  `${c.courseId}-${f.id}.pdf#${i === f.monitoring.length - 1 ? 'final' : i + 1}`;

async function reportFor(clinic: SimClinic, c: SimCourse, f: SimFraction): Promise<Uint8Array> {
  const rng = rngFor(clinic.seed, 'report', c.courseId, f.number);
  const sessions = [...f.monitoring].sort((a, b) => a.start - b.start);
  const start = sessions[0]!.start;
  const end = sessions[sessions.length - 1]!.end;
  const printed = Math.ceil((end + rng.int(2, 9) * 60_000) / 60_000) * 60_000;
  const iso = () => rng.uniform(-150, 150).toFixed(1);
  const [y, m, d] = c.patient.birthDate.split('-').map(Number);
  return writeTreatmentReport(
    {
      reportDateTime: usDateTime(printed, false),
      name: `${c.patient.family.toUpperCase()}, ${c.patient.given}`,
      patientId: c.patient.id,
      dateOfBirth: `${m}/${d}/${y}`,
      pcrNumber: `249-${2700 + Number(c.machine.slice(2))}`,
      start: usDateTime(start),
      end: usDateTime(end),
      duration: duration(end - start),
      sessions: sessions.map((s, i) => ({
        title: i === sessions.length - 1 ? 'FINAL MONITORING SESSION' : `MONITORING SESSION ${i + 1}`,
        protocol: PROTOCOLS[c.kind] ?? 'Surface Setup',
        planName: c.plan.id,
        isocentre: `${iso()}, ${iso()}, ${iso()}`,
        start: usDateTime(s.start),
        end: usDateTime(s.end),
        duration: duration(s.end - s.start),
      })),
    },
    { creationDate: new Date(instantOf(printed, FACILITY.timeZone)) },
  );
}
