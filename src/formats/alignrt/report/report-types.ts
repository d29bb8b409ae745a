/**
 * What the alignRT Treatment Report reader returns (domain.md §5.2). Times are facility wall-clock
 * readings as printed, `YYYY-MM-DDTHH:mm:ss` with no offset (the course model's `localDateTime`): the
 * report states no zone, so the linking step reads them in the facility's IANA zone.
 */

/** Which number comes first in the site's dates (`8/19/2022` vs `19/08/2022`): configuration, never guessed. */
export type DateOrder = 'MDY' | 'DMY';

export interface ReadTreatmentReportOptions {
  /** Month or day first in the report's dates; set per site. Default 'MDY'. */
  dateOrder?: DateOrder;
  /** Refuse PDFs with more pages than this (a treatment report has a handful). Default 200. */
  maxPages?: number;
  /** Refuse files larger than this many bytes. Default 64 MiB. */
  maxBytes?: number;
  /** Give up (with a problem) after this many milliseconds. Default 30,000. */
  timeoutMs?: number;
  /** Heap of the child process that runs pdf.js, in MiB (more → a problem for that file). Default 512. */
  maxHeapMb?: number;
  /** Resident memory of that child (heap and buffers), in MiB (more → a problem). Default 768. */
  maxRssMb?: number;
}

/** One `MONITORING SESSION n` or `FINAL MONITORING SESSION` block. */
export interface ReportMonitoringSession {
  /** n of `MONITORING SESSION n`, or 'final' for `FINAL MONITORING SESSION`. */
  index: number | 'final';
  /** "Protocol:" (the AlignRT protocol name, e.g. `ChestWallDIBH`); null when absent. */
  protocol: string | null;
  /** "Plan Name:" (the treatment plan the session was set up for); null when absent. */
  planName: string | null;
  /** "Isocentre:" x, y, z as printed (the report states no unit); null when absent. */
  isocentre: [number, number, number] | null;
  /** "Start Time:" of the session, local wall-clock. */
  start: string;
  /** "End Time:" of the session, local wall-clock. */
  end: string;
  /** "Total Duration:" in seconds (AlignRT prints it truncated, often 1 s under end − start). */
  durationSec: number | null;
  /** Page (1-based) on which the session's heading is printed. */
  page: number;
}

/**
 * One alignRT Treatment Report. `patientName` and `dateOfBirth` are PHI: they are kept for matching
 * the report to a patient, and must never be logged or put into messages (neither is `patientId`).
 */
export interface TreatmentReport {
  format: 'alignrt-treatment-report';
  /** The date order the dates were read with (from the options). */
  dateOrder: DateOrder;
  /** "Report Date/Time:" (printed without seconds: `:00` is added); null when absent. */
  reportDateTime: string | null;
  /** PATIENT DETAILS "Name:" as printed. PHI. */
  patientName: string | null;
  /** PATIENT DETAILS "Patient ID:" as printed. */
  patientId: string;
  /** PATIENT DETAILS "Date of Birth:" as `YYYY-MM-DD`. PHI. */
  dateOfBirth: string | null;
  /** SYSTEM DETAILS "PCR Number:" (identifies the AlignRT system/installation). */
  pcrNumber: string | null;
  /** SYSTEM DETAILS "Start Time:": when the report's treatment started on the AlignRT system. */
  start: string | null;
  /** SYSTEM DETAILS "End Time:". */
  end: string | null;
  /** SYSTEM DETAILS "Total Duration:" in seconds. */
  totalDurationSec: number | null;
  /** The STATEMENT paragraph, lines joined with single spaces. */
  statement: string | null;
  /** The monitoring sessions in the order printed. */
  sessions: ReportMonitoringSession[];
  /** Pages carrying motion graphs (axis labels L/R mm, S/I mm, A/P mm, Time (s)). */
  graphPages: number[];
  /** Pages in the PDF. */
  pageCount: number;
}
