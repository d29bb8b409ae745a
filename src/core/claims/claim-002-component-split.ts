import { DELIVERY_CODES, IGRT_PROFESSIONAL_CODE } from '../model/billing-line.js';
import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rule.js';
import { modifier26RuleOn, type PayerProfile } from '../payers/payer-profile.js';
import type { ClaimSetting } from './claim-001-claim-setting.js';

export const CLAIM_002: RuleMeta = {
  id: 'CLAIM-002',
  title:
    'Professional/technical split: delivery codes (77402/77407/77412, stereotactic 77371/77372/77373) are technical only (no -26; the 837I in a hospital); 77387 is professional (-26 on the 837P; in a freestanding centre as the payer profile says)',
  severity: 'warning',
  source:
    'MPFS PC/TC indicators: 77402/77407/77412 technical only, 77387 professional with technical bundled in 2026 [seed]; CMS PFS Relative Value File PC/TC indicator 3 "technical component only" (26/TC not used) on the stereotactic delivery codes 77371/77372/77373, whose physician work is the management codes 77432/77435 [U: confirm on the PPRRVU release loaded]; payer -26 rules per profile (PAYER-001, ASTRO 2026) [C]',
};

/** Where a charge line goes: which claim format and with which modifiers. */
export interface ComponentPart {
  format: '837P' | '837I';
  component: 'global' | 'professional' | 'technical';
  modifiers: string[];
}

/** Stereotactic delivery (SRS 77371/77372, SBRT 77373): technical only like the other delivery codes. */
export const STEREOTACTIC_DELIVERY_CODES = ['77371', '77372', '77373'] as const;
const TECHNICAL_ONLY = new Set<string>([...DELIVERY_CODES, ...STEREOTACTIC_DELIVERY_CODES]);
const PROFESSIONAL_ONLY = new Set<string>([IGRT_PROFESSIONAL_CODE]);
const without = (mods: string[], ...drop: string[]) => mods.filter((m) => !drop.includes(m));

export function componentParts(
  code: string,
  modifiers: string[],
  setting: ClaimSetting,
  profile: PayerProfile,
  dateOfService: string,
  subject: string,
): { parts: ComponentPart[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const note = (severity: Finding['severity'], message: string, fix?: string) =>
    findings.push({
      ruleId: CLAIM_002.id,
      severity,
      subject,
      message,
      evidence: { code, setting },
      ...(fix ? { fix } : {}),
    });

  if (TECHNICAL_ONLY.has(code)) {
    // Delivery codes have no professional component: never -26 (nor TC) on them.
    if (modifiers.includes('26') || modifiers.includes('TC'))
      note('warning', `${code} is technical only: modifier 26/TC removed.`);
    const mods = without(modifiers, '26', 'TC');
    return setting === 'freestanding'
      ? { parts: [{ format: '837P', component: 'global', modifiers: mods }], findings }
      : { parts: [{ format: '837I', component: 'technical', modifiers: mods }], findings };
  }
  if (PROFESSIONAL_ONLY.has(code) && !modifiers.includes('TC')) {
    if (setting === 'hospital') {
      // The hospital bills the technical side on the 837I; the physician's part carries -26.
      return {
        parts: [
          { format: '837P', component: 'professional', modifiers: ['26', ...without(modifiers, '26')] },
        ],
        findings,
      };
    }
    const rule = modifier26RuleOn(profile, dateOfService);
    const mods =
      rule === 'required'
        ? ['26', ...without(modifiers, '26')]
        : rule === 'omit'
          ? without(modifiers, '26')
          : modifiers;
    if (rule === 'omit' && modifiers.includes('26'))
      note('info', `${profile.name} denies ${code} with modifier 26: billed without it.`);
    return { parts: [{ format: '837P', component: 'global', modifiers: mods }], findings };
  }
  // Other codes: the charge's own modifier says which part it is.
  if (setting === 'freestanding')
    return { parts: [{ format: '837P', component: 'global', modifiers }], findings };
  if (modifiers.includes('26'))
    return { parts: [{ format: '837P', component: 'professional', modifiers }], findings };
  if (modifiers.includes('TC')) {
    return {
      parts: [{ format: '837I', component: 'technical', modifiers: without(modifiers, 'TC') }],
      findings,
    };
  }
  note(
    'error',
    `${code} in a hospital setting carries neither 26 nor TC, and it is not a technical-only code: which claim it belongs on is unknown; not billed.`,
    'Post the professional part with modifier 26 and the technical part with TC as separate charges.',
  );
  return { parts: [], findings };
}
