/**
 * Practice-editable letter templates (issue #6): plain text with `{{name}}` placeholders. A string value
 * replaces its placeholder in place; a list value (block placeholder: bullets, the evidence, the missing
 * list) replaces the whole line when the placeholder stands alone on it (an empty list removes the line),
 * and is joined with "; " inside a sentence. A heading (a paragraph of one line ending in ":") whose
 * block renders empty is removed with it: a letter never prints a heading over nothing.
 */

/** A placeholder's value: a string, or lines for block placeholders. */
export type TemplateValues = Readonly<Record<string, string | readonly string[]>>;

export interface TemplateProblem {
  /** line:column of the placeholder in the template (1-based). */
  location: string;
  message: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const ALONE = /^\s*\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}\s*$/;

/** Fills {{placeholders}}; an unknown placeholder is a located problem and is left as written. */
export function renderTemplate(
  template: string,
  values: TemplateValues,
): { text: string; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const known = (name: string) => Object.hasOwn(values, name);
  const out: string[] = [];
  // The output index of a heading whose block rendered empty: removed unless a block with lines follows.
  let orphan: number | null = null;
  const drop = (i: number | null) => (i === null ? undefined : out.splice(i, 1));
  template.split(/\r?\n/).forEach((line, i) => {
    const alone = ALONE.exec(line);
    if (alone && known(alone[1]!)) {
      const value = values[alone[1]!]!;
      const lines = typeof value === 'string' ? [value] : value;
      if (lines.some((l) => l.trim())) orphan = null;
      else orphan ??= headingBefore(out);
      out.push(...lines);
      return;
    }
    if (line.trim() && orphan !== null) {
      drop(orphan);
      orphan = null;
    }
    out.push(
      line.replace(PLACEHOLDER, (whole, name: string, column: number) => {
        if (!known(name)) {
          problems.push({ location: `${i + 1}:${column + 1}`, message: `unknown placeholder {{${name}}}` });
          return whole;
        }
        const value = values[name]!;
        return typeof value === 'string' ? value : value.join('; ');
      }),
    );
    const rest = line.replace(PLACEHOLDER, (w) => ' '.repeat(w.length));
    const open = rest.indexOf('{{');
    if (open >= 0)
      problems.push({
        location: `${i + 1}:${open + 1}`,
        message: 'a placeholder is not closed or not a name: write {{name}}',
      });
  });
  drop(orphan);
  return { text: tidy(out.join('\n')), problems };
}

/** The index of the last non-blank line when it is a heading standing as its own paragraph, else null. */
function headingBefore(out: readonly string[]): number | null {
  let i = out.length - 1;
  while (i >= 0 && !out[i]!.trim()) i--;
  if (i < 0 || !out[i]!.trimEnd().endsWith(':')) return null;
  return i === 0 || !out[i - 1]!.trim() ? i : null;
}

/** Paragraphs separated by one blank line, no trailing spaces, no blank lines at either end. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
