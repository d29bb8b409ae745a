import { type AuditOptions, auditOptionsSchema } from '../core/audit/audit-options.js';
import { UsageError } from './cli-errors.js';
import { numberOption } from './shared-options.js';

/** The audit settings the command line sets, by the flag the user types (README, "The command line"). */
const FLAGS = {
  occlusionToleranceSec: '--occlusion-tolerance',
  lastFractionSignatureHours: '--last-fraction-hours',
} as const satisfies Partial<Record<keyof AuditOptions, string>>;

export type AuditOptionFlags = Partial<Record<keyof typeof FLAGS, string | undefined>>;

/**
 * The audit settings given on the command line, each checked against its range in `auditOptionsSchema`
 * (domain.md's defaults and bounds): a value out of range is a usage error naming the flag as typed
 * (`--occlusion-tolerance must be from 0 to 120`), never the setting's internal name.
 */
export function auditOptionsFromFlags(values: AuditOptionFlags): Partial<AuditOptions> {
  const options: Partial<AuditOptions> = {};
  for (const [key, flag] of Object.entries(FLAGS) as [keyof typeof FLAGS, string][]) {
    const value = numberOption(flag, values[key]);
    if (value === undefined) continue;
    const range = auditOptionsSchema.shape[key].unwrap();
    if (!range.safeParse(value).success)
      throw new UsageError(
        `${flag} must be from ${range.minValue} to ${range.maxValue} (got "${values[key]}")`,
      );
    options[key] = value;
  }
  return options;
}
