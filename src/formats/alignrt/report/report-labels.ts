/**
 * The words of the alignRT Treatment Report (domain.md §5.2; seed, "Sample AlignRT Document", single and
 * multi page): field labels by column, and the headings that start each part of the report.
 */

/** Labels printed in the left column: PATIENT DETAILS, and Protocol/Plan Name/Isocentre of a session. */
export const LEFT_LABELS = [
  'Name',
  'Patient ID',
  'Date of Birth',
  'Protocol',
  'Plan Name',
  'Isocentre',
] as const;
/** Labels printed in the right column: SYSTEM DETAILS / SETTINGS, and the times of a session. */
export const RIGHT_LABELS = ['PCR Number', 'Start Time', 'End Time', 'Total Duration'] as const;
/** Labels printed across the page. */
export const WIDE_LABELS = ['Report Date/Time', 'Time Stamp'] as const;

export type LeftLabel = (typeof LEFT_LABELS)[number];
export type RightLabel = (typeof RIGHT_LABELS)[number];
export type Label = LeftLabel | RightLabel | (typeof WIDE_LABELS)[number];

const LEFT = new Set<Label>(LEFT_LABELS);
export const isLeftLabel = (label: Label): label is LeftLabel => LEFT.has(label);
const RIGHT = new Set<Label>(RIGHT_LABELS);
export const isRightLabel = (label: Label): label is RightLabel => RIGHT.has(label);

/**
 * A label and its colon, not preceded by a letter or digit. Longer labels come first so that
 * `Plan Name:` is not read as `Name:`. `Isocenter` (US spelling) is read as `Isocentre`.
 */
export const LABEL_RE =
  /(?<![\p{L}\p{N}])(Report Date\/Time|Date of Birth|Total Duration|PCR Number|Patient ID|Start Time|Plan Name|End Time|Time Stamp|Isocent(?:re|er)|Protocol|Name)\s*:/giu;

const CANONICAL = new Map<string, Label>(
  [...LEFT_LABELS, ...RIGHT_LABELS, ...WIDE_LABELS].map((label) => [label.toLowerCase(), label]),
);
CANONICAL.set('isocenter', 'Isocentre');

/** The label as this module names it, for a regex match of LABEL_RE (any case, either spelling). */
export function canonicalLabel(matched: string): Label | undefined {
  return CANONICAL.get(matched.replace(/\s+/g, ' ').toLowerCase());
}

/** Headings and page furniture, matched against a whole line (spaces normalised). */
export const TITLE_RE = /\balign\s?RT\W{0,3}\s?Treatment Report\b/i;
export const PATIENT_DETAILS_RE = /^PATIENT DETAILS\b/;
export const STATEMENT_RE = /^STATEMENT\b:?\s*(.*)$/;
/** `MONITORING SESSION 2`, `FINAL MONITORING SESSION`. */
export const SESSION_RE = /^(FINAL )?MONITORING SESSION(?: (\d{1,4}))?(?:$| )/;
export const CONTINUED_RE = /^CONTINUED$/;
/** `Page 1 / 7` (also `Page 1 of 7`). */
export const FOOTER_RE = /^Page (\d{1,5}) ?(?:\/|of) ?(\d{1,5})$/i;
/** Any other heading (e.g. `FINAL SCREEN CAPTURE`): upper-case words alone on a line. It ends a section. */
export const OTHER_HEADING_RE = /^[A-Z][A-Z/&-]+(?: [A-Z][A-Z/&-]+)+$/;
/** Axis labels of the motion graphs. */
export const GRAPH_AXIS_RE = /(?:^|\s)(?:(?:L\/R|S\/I|A\/P) ?mm\b|Time \(s\))/;
