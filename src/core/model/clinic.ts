import { z } from 'zod';
import { isValidTimeZone } from '../time/local-clock.js';
import { placeOfService } from './session-facts.js';

/**
 * Site configuration of an import folder (`clinic.json`): what the exports themselves do not say —
 * the facility's zone for wall-clock times, its place of service, the AlignRT report date order (a
 * locale setting, never guessed: domain.md §5.2) and the record-and-verify CSV layout.
 */
export const clinicSchema = z
  .object({
    schemaVersion: z.literal(1),
    name: z.string().min(1),
    facility: z
      .object({
        timeZone: z.string().refine(isValidTimeZone, 'not an IANA time zone (e.g. America/New_York)'),
        placeOfService,
      })
      .strict(),
    alignrtReportDateOrder: z.enum(['MDY', 'DMY']).default('MDY'),
    /**
     * The record-and-verify CSV layout: a bundled mapping id (src/formats/csv/mappings) or the path of a
     * site's mapping file, relative to clinic.json. Absent: the bundled layouts are tried on each file.
     */
    historyMapping: z.string().min(1).optional(),
  })
  .strict();

export type Clinic = z.infer<typeof clinicSchema>;
