/** A placeholder's value: a string, or lines for block placeholders (bullets, tables, reference lists). */
export type TemplateValues = Readonly<Record<string, string | readonly string[]>>;

export interface TemplateProblem {
  /** line:column of the placeholder in the template. */
  location: string;
  message: string;
}

/** Fills {{placeholders}}; an unknown placeholder is a located problem. */
export function renderTemplate(
  template: string,
  values: TemplateValues,
): { text: string; problems: TemplateProblem[] } {
  void values;
  throw new Error(`not implemented (${template.length})`);
}
