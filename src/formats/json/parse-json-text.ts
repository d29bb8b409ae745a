import type { InputProblem, Parsed } from '../../core/model/input-problem.js';

/** JSON text → value, or a problem located by line and column (from V8's "at position N"). */
export function parseJsonText(text: string, source: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = `:line ${line}, column ${column}`;
    }
    const problem: InputProblem = {
      location: `${source}${where}`,
      // V8 quotes a snippet of the text in some messages: keep only its description (no record values).
      message: `not valid JSON (${message.replace(/,? ?".*$/s, '').replace(/ in JSON at position \d+.*$/s, '')})`,
    };
    return { ok: false, problems: [problem] };
  }
}
