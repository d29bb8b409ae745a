import type { Finding } from '../model/finding.js';
import { BUNDLED_PROFILES } from '../payers/bundled-profiles.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import { unknownProfileFinding } from '../payers/rules/payer-004-known-profile.js';
import { claimSetting } from './claim-001-claim-setting.js';
import { componentParts } from './claim-002-component-split.js';
import { revenueCodeFor } from './claim-003-revenue-code.js';
import { billingPeriodOf } from './claim-004-billing-period.js';
import { authorizationSplit } from './claim-005-prior-authorization.js';
import { twiceDailyShape } from './claim-006-twice-daily.js';
import type { BillingPeriod, ClaimDraft, ClaimDraftLine, ReleasedCharge } from './claim-input.js';

export interface BuildClaimsOptions {
  period: BillingPeriod;
  profiles: readonly PayerProfile[];
  /** Revenue codes per HCPCS code for 837I lines, over the bundled ones (CLAIM-003). */
  revenueCodes?: Readonly<Record<string, string>>;
  /** 837I CLM05-1 facility type (default `13`, hospital outpatient). */
  facilityTypeCode?: string;
}

export interface BuildClaimsResult {
  claims: ClaimDraft[];
  findings: Finding[];
  /** Charges (or their hospital parts) no claim carries, with the rule that kept them out and why. */
  unbilled: { chargeId: string; ruleId: string; reason: string }[];
}

/**
 * Released charges → claim drafts (CLAIM-001…006): the setting from the place of service, each charge
 * split into its professional/technical parts, 837I lines given revenue codes, then one claim per
 * patient, payer, format, component, place of service, billing period and prior authorization. Lines
 * keep the released units and modifier 76. Deterministic: claims sorted by key, lines by date then input
 * order. Findings name charges and claims by id.
 */
export function buildClaims(
  charges: readonly ReleasedCharge[],
  options: BuildClaimsOptions,
): BuildClaimsResult {
  const findings: Finding[] = [];
  const unbilled: BuildClaimsResult['unbilled'] = [];
  const groups = new Map<string, ClaimDraft>();
  const authsPerPeriod = new Map<string, { subject: string; numbers: (string | null)[] }>();
  const fallback = options.profiles.find((p) => p.id === 'default') ?? BUNDLED_PROFILES[0]!;
  const unknownProfiles = new Set<string>();
  const leaveOut = (chargeId: string, f: Finding) =>
    unbilled.push({ chargeId, ruleId: f.ruleId, reason: f.message });

  for (const c of charges) {
    const subject = `charge ${c.chargeId}`;
    let profile = options.profiles.find((p) => p.id === c.payerProfileId);
    if (!profile) {
      if (!unknownProfiles.has(c.payerProfileId))
        findings.push(unknownProfileFinding(c.payerProfileId, subject));
      unknownProfiles.add(c.payerProfileId);
      profile = fallback;
    }
    const where = claimSetting(c.placeOfService, subject);
    if (where.setting === null) {
      findings.push(where.finding);
      leaveOut(c.chargeId, where.finding);
      continue;
    }
    const split = componentParts(c.code, c.modifiers, where.setting, profile, c.dateOfService, subject);
    findings.push(...split.findings);
    const refused = split.findings.find((f) => f.severity === 'error');
    if (split.parts.length === 0 && refused) leaveOut(c.chargeId, refused);
    const shape = twiceDailyShape(c, profile, subject);
    if (shape) findings.push(shape);

    for (const part of split.parts) {
      let revenueCode: string | null = null;
      if (part.format === '837I') {
        const rev = revenueCodeFor(c.code, options.revenueCodes ?? {}, subject);
        if (rev.finding) {
          findings.push(rev.finding);
          leaveOut(c.chargeId, rev.finding);
          continue;
        }
        revenueCode = rev.revenueCode;
      }
      const period = billingPeriodOf(c.dateOfService, options.period);
      const base = [
        c.patientKey,
        c.payerProfileId,
        part.format,
        part.component,
        c.placeOfService,
        period.from,
      ];
      const periodKey = base.join('|');
      const key = [...base, c.authorizationNumber ?? '-'].join('|');
      const seen = authsPerPeriod.get(periodKey) ?? {
        subject: `course ${c.courseId}, ${part.format} ${part.component} claim from ${period.from}`,
        numbers: [],
      };
      seen.numbers.push(c.authorizationNumber);
      authsPerPeriod.set(periodKey, seen);
      const line: ClaimDraftLine = {
        chargeId: c.chargeId,
        courseId: c.courseId,
        dateOfService: c.dateOfService,
        code: c.code,
        modifiers: part.modifiers,
        units: c.units,
        chargeCents: c.chargeCents,
        expectedCents: c.expectedCents,
        revenueCode,
      };
      const draft = groups.get(key);
      if (draft) {
        draft.lines.push(line);
        if (c.dateOfService < draft.statementFrom) draft.statementFrom = c.dateOfService;
        if (c.dateOfService > draft.statementTo) draft.statementTo = c.dateOfService;
      } else {
        groups.set(key, {
          key,
          format: part.format,
          component: part.component,
          patientKey: c.patientKey,
          payerProfileId: c.payerProfileId,
          placeOfService: c.placeOfService,
          facilityTypeCode: part.format === '837I' ? (options.facilityTypeCode ?? '13') : null,
          period,
          statementFrom: c.dateOfService,
          statementTo: c.dateOfService,
          authorizationNumber: c.authorizationNumber,
          lines: [line],
        });
      }
    }
  }

  for (const { subject, numbers } of authsPerPeriod.values()) {
    const f = authorizationSplit(numbers, subject);
    if (f) findings.push(f);
  }
  const claims = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Stable sort: lines of a date keep their release order (the 76 line after the first session).
  for (const claim of claims)
    claim.lines.sort((a, b) =>
      a.dateOfService < b.dateOfService ? -1 : a.dateOfService > b.dateOfService ? 1 : 0,
    );
  return { claims, findings, unbilled };
}
