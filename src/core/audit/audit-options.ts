import { z } from 'zod';

/** Site-configurable audit settings; the defaults follow domain.md. */
export const auditOptionsSchema = z
  .object({
    /** Monitoring gaps up to this long are tolerated (camera occlusion by gantry/couch: 5–10 s, sgrt.org forum [C]). */
    occlusionToleranceSec: z.number().min(0).max(120).default(10),
    /** Signature deadline after the last fraction's beam-off when no further fraction is scheduled. */
    lastFractionSignatureHours: z
      .number()
      .min(1)
      .max(24 * 30)
      .default(72),
    /** A beam still on this long after an out-of-tolerance sample is a missed hold (gating latency). */
    holdLatencySec: z.number().min(0).max(30).default(2),
  })
  .strict();

export type AuditOptions = z.infer<typeof auditOptionsSchema>;
export const DEFAULT_AUDIT_OPTIONS: AuditOptions = auditOptionsSchema.parse({});
