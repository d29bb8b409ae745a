import { z } from 'zod';

/**
 * Settings of the remittance analysis (defaults in brackets). Amounts a practice knows better than we
 * do — its contract rates, what payers paid before 2015 — come in as data.
 */
export const remitOptionsSchema = z
  .object({
    /** A line paid this many percent or more below the expected amount is underpaid [5]. */
    underpaymentMarginPercent: z.number().min(0).max(100).default(5),
    /** "Some payment rates have been as low as ½ the Medicare rate on 77387" (seed): the band flagged [40–60 %]. */
    halfMedicareBand: z
      .object({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) })
      .strict()
      .default({ min: 0.4, max: 0.6 }),
    /**
     * Per code, what payers paid for it before 2015 (seed: "many payers are paying freestanding claims for
     * 77402-77412 using rates from prior to 2015"), in cents per unit; empty unless the practice knows them.
     */
    pre2015Cents: z.record(z.string(), z.number().int().min(0)).default({}),
    /** A payment within this percentage of the pre-2015 amount is flagged as paid at pre-2015 levels [10]. */
    nearPre2015Percent: z.number().min(0).max(100).default(10),
    /** Days to appeal after the payment date, per payer id; `default` for the rest [180]. */
    appealDays: z.record(z.string(), z.number().int().min(1)).default({ default: 180 }),
  })
  .strict();

export type RemitOptions = z.infer<typeof remitOptionsSchema>;
export const DEFAULT_REMIT_OPTIONS: RemitOptions = remitOptionsSchema.parse({});
