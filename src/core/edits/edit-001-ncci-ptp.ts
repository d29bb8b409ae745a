import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rule.js';
import { inForce } from '../rates/mpfs-payment.js';
import { byDate, type EditLine, type EditTables, pairKey, type PtpEdit } from './edit-tables.js';

export const EDIT_001: RuleMeta = {
  id: 'EDIT-001',
  title:
    'NCCI procedure-to-procedure edit: the column 2 code is not paid with the column 1 code the same day',
  severity: 'error',
  source:
    'CMS NCCI Policy Manual for Medicare Services, ch. I §E (modifier indicators 0/1/9; NCCI-associated modifiers) [S]; ' +
    'quarterly PTP edit files, an edit applies from its effective date to the day before its deletion date (domain.md §7) [S]',
};

/**
 * NCCI-associated modifiers that may bypass an edit whose modifier indicator is 1 (NCCI Policy Manual
 * ch. I §E [S]): anatomic (E1–E4, FA, F1–F9, TA, T1–T9, LT, RT, LC, LD, LM, RC, RI), global surgery (24,
 * 25, 57, 58, 78, 79) and others (27, 59, 91, XE, XP, XS, XU). 76 (repeat procedure) is not one of them.
 */
export const NCCI_BYPASS_MODIFIERS: readonly string[] = [
  ...['E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9'],
  ...['TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'LT', 'RT', 'LC', 'LD', 'LM', 'RC', 'RI'],
  ...['24', '25', '57', '58', '78', '79', '27', '59', '91', 'XE', 'XP', 'XS', 'XU'],
];

export interface PtpOptions {
  /** The modifiers accepted as a bypass (a payer may accept fewer); default `NCCI_BYPASS_MODIFIERS`. */
  bypassModifiers?: readonly string[];
}

/**
 * Every pair of lines with the same date of service whose codes form an active PTP edit: the column 2
 * line is denied (error) unless the edit's modifier indicator is 1 and either line carries a bypass
 * modifier (info: the documentation must show a distinct service). Indicator 0 is never bypassed;
 * indicator 9 and deleted edits are ignored. Lines of one patient and one provider.
 */
export function checkPtpEdits(
  tables: readonly EditTables[],
  lines: readonly EditLine[],
  options: PtpOptions = {},
): Finding[] {
  const bypass = new Set((options.bypassModifiers ?? NCCI_BYPASS_MODIFIERS).map((m) => m.toUpperCase()));
  const findings: Finding[] = [];
  for (const [date, day] of byDate(lines)) {
    const release = inForce(tables, date);
    if (!release) {
      findings.push(notChecked(day[0]!, date));
      continue;
    }
    const reported = new Set<string>();
    for (const col1 of day) {
      for (const col2 of day) {
        if (col1 === col2 || col1.code.toUpperCase() === col2.code.toUpperCase()) continue;
        const edit = activeEdit(release.ptp.get(pairKey(col1.code, col2.code)), date);
        // One finding per column 2 line and column 1 code (77412 and 77412-76 deny 77407 once).
        const seen = `${col2.subject}|${col1.code.toUpperCase()}`;
        if (!edit || reported.has(seen)) continue;
        reported.add(seen);
        const used = [...col1.modifiers, ...col2.modifiers]
          .map((m) => m.toUpperCase())
          .find((m) => bypass.has(m));
        const evidence = {
          column1: edit.column1,
          column2: edit.column2,
          column1Line: col1.subject,
          modifierIndicator: edit.modifierIndicator,
          effectiveFrom: edit.effectiveFrom,
          release: release.release.id,
          source: edit.location,
        };
        if (edit.modifierIndicator === '1' && used !== undefined) {
          findings.push({
            ruleId: EDIT_001.id,
            severity: 'info',
            subject: col2.subject,
            message: `${col2.code} is paid with ${col1.code} only because modifier ${used} bypasses the NCCI edit.`,
            evidence: { ...evidence, bypassModifier: used },
            fix: 'Keep documentation that the services were distinct (separate session, site or encounter).',
          });
          continue;
        }
        findings.push({
          ruleId: EDIT_001.id,
          severity: 'error',
          subject: col2.subject,
          message:
            edit.modifierIndicator === '0'
              ? `${col2.code} is not paid with ${col1.code} on ${date}: NCCI edit with modifier indicator 0 (no modifier bypasses it).`
              : `${col2.code} is not paid with ${col1.code} on ${date} without an NCCI-associated modifier (indicator 1).`,
          evidence,
          fix:
            edit.modifierIndicator === '0'
              ? `Do not bill ${col2.code} with ${col1.code} on the same date.`
              : `Add a modifier such as XS, XE or 59 only when the chart shows a distinct service; otherwise drop ${col2.code}.`,
        });
      }
    }
  }
  return findings;
}

/** The edit of a pair in force on `date`: the latest effective one not deleted by then, indicator 9 ignored. */
export function activeEdit(edits: readonly PtpEdit[] | undefined, date: string): PtpEdit | null {
  let best: PtpEdit | null = null;
  for (const e of edits ?? []) {
    if (e.modifierIndicator === '9' || e.effectiveFrom > date) continue;
    if (e.deletedOn !== null && e.deletedOn <= date) continue;
    if (!best || e.effectiveFrom >= best.effectiveFrom) best = e;
  }
  return best;
}

function notChecked(line: EditLine, date: string): Finding {
  return {
    ruleId: EDIT_001.id,
    severity: 'warning',
    subject: line.subject,
    message: `No NCCI edit release covers ${date}: the lines of that date were not checked.`,
    evidence: { dateOfService: date },
    fix: 'Load the NCCI PTP and MUE files of that quarter.',
  };
}
