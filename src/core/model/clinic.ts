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
    /** Id of a bundled record-and-verify CSV mapping (src/formats/csv/mappings) or a mapping file path. */
    historyMapping: z.string().min(1).default('aria-like'),
  })
  .strict();

export type Clinic = z.infer<typeof clinicSchema>;
