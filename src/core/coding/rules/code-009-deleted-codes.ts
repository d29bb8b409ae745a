import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';

export const CODE_009: RuleMeta = {
  id: 'CODE-009',
  title: 'Codes deleted for 2026 dates of service are recoded',
  severity: 'error',
  source:
    'ASTRO 2026 code changes: 77385, 77386, G6003–G6016 deleted [C]; G6001, G6002, G6017, 77014 deleted [S: hcn.health 2026 summary]',
};

const DELETED: ReadonlyMap<string, 'delivery' | 'guidance' | 'tracking'> = new Map([
  ['77385', 'delivery'],
  ['77386', 'delivery'],
  ...Array.from({ length: 14 }, (_, i) => [`G60${String(i + 3).padStart(2, '0')}`, 'delivery'] as const),
  ['G6001', 'guidance'],
  ['G6002', 'guidance'],
  ['77014', 'guidance'],
  ['G6017', 'tracking'],
]);

export function isDeletedCode(code: string): boolean {
  return DELETED.has(code);
}

/** One error per deleted code posted on a 2026 date of service, with what to bill instead. */
export function deletedCodeFindings(
  posted: readonly string[],
  subject: string,
  recode: { delivery: string | null; igrt: string | null },
): Finding[] {
  return posted.flatMap((code): Finding[] => {
    const kind = DELETED.get(code);
    if (!kind) return [];
    const instead =
      kind === 'delivery'
        ? (recode.delivery ?? 'the delivery code the facts support')
        : kind === 'guidance'
          ? (recode.igrt ?? 'nothing separately (technical guidance is bundled in the delivery code)')
          : `nothing separately: intrafraction tracking is part of ${recode.delivery ?? 'the delivery code'}`;
    return [
      {
        ruleId: CODE_009.id,
        severity: 'error',
        subject,
        message: `${code} was deleted for 2026 dates of service.`,
        evidence: { postedCode: code },
        fix: `Recode: bill ${instead}.`,
      },
    ];
  });
}
