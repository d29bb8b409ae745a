import type { PdfPageText, PdfTextItem } from './load-pdf-text.js';
import { canonicalLabel, isLeftLabel, isRightLabel, type Label, LABEL_RE } from './report-labels.js';

/**
 * Page text items → lines and labelled values, by position only (the content-stream order of a PDF is
 * whatever its producer chose: a browser may print the right column before the left).
 *
 * - Lines: items whose baselines lie within half a font size of each other (a superscript ® stays on
 *   the title's line), read top to bottom, each line left to right.
 * - Values: a label's value is the text to its right on the same line, up to the next label; a value of
 *   a left-column label also stops where the right column starts (the leftmost right-column label on the
 *   page), so "Start Time:" on the right never mixes with "Protocol:" on the left.
 */
export interface LayoutLine {
  page: number;
  /** Baseline, PDF units (larger is higher on the page). */
  y: number;
  /** The line's text, items joined left to right, runs of white space as one space. */
  text: string;
  /** For each character of `text`: the estimated x of the character, and the x where its item starts. */
  charX: number[];
  itemX: number[];
}

export interface LayoutPage {
  page: number;
  lines: LayoutLine[];
  /** Where the right column starts on this page, when any right-column label is printed on it. */
  rightColumnX: number | null;
}

export interface LabelledValue {
  label: Label;
  value: string;
  /** x of the label. */
  x: number;
}

function groupLines(items: PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  let anchor: PdfTextItem | undefined;
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && anchor && anchor.y - item.y <= 0.5 * Math.min(anchor.fontSize, item.fontSize)) {
      line.push(item);
      // The largest text sets the line's baseline (a superscript ® must not pull the line up).
      if (item.fontSize > anchor.fontSize) anchor = item;
    } else {
      lines.push([item]);
      anchor = item;
    }
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}

function joinLine(page: number, items: PdfTextItem[]): LayoutLine {
  // Characters collected in an array and joined once: testing the end of a growing string flattens it
  // each time, which made a long line (up to the 200,000 characters a page may hold) quadratic.
  const out: string[] = [];
  const charX: number[] = [];
  const itemX: number[] = [];
  const push = (ch: string, x: number, start: number) => {
    const space = /\s/.test(ch);
    if (space && (out.length === 0 || out[out.length - 1] === ' ')) return;
    out.push(space ? ' ' : ch);
    charX.push(x);
    itemX.push(start);
  };
  let end = -Infinity;
  let previous: PdfTextItem | undefined;
  for (const item of items) {
    // Some producers draw a word twice, slightly offset, to embolden it: keep one copy.
    if (previous && previous.text === item.text && Math.abs(previous.x - item.x) < 1) continue;
    if (out.length > 0 && item.x - end > 0.15 * item.fontSize) push(' ', end, end);
    const chars = [...item.text];
    const step = chars.length > 0 ? item.width / chars.length : 0;
    chars.forEach((ch, i) => push(ch, item.x + i * step, item.x));
    end = Math.max(end, item.x + item.width);
    previous = item;
  }
  while (out[out.length - 1] === ' ') {
    out.pop();
    charX.pop();
    itemX.pop();
  }
  const text = out.join('');
  const y = items.reduce((best, item) => (item.fontSize > best.fontSize ? item : best)).y;
  return { page, y, text, charX, itemX };
}

/** The page's lines, top to bottom, from its upright text items. */
export function layoutPage(page: PdfPageText): LayoutPage {
  const lines = groupLines(page.items.filter((item) => item.upright)).map((items) =>
    joinLine(page.page, items),
  );
  let rightColumnX: number | null = null;
  for (const line of lines) {
    for (const match of line.text.matchAll(LABEL_RE)) {
      const label = canonicalLabel(match[1]!);
      if (label && isRightLabel(label)) {
        const x = line.charX[match.index]!;
        if (rightColumnX === null || x < rightColumnX) rightColumnX = x;
      }
    }
  }
  return { page: page.page, lines, rightColumnX };
}

/** The labelled values of a line, left to right. */
export function labelledValues(line: LayoutLine, rightColumnX: number | null): LabelledValue[] {
  const matches = [...line.text.matchAll(LABEL_RE)];
  const values: LabelledValue[] = [];
  matches.forEach((match, i) => {
    const label = canonicalLabel(match[1]!);
    if (!label) return;
    const x = line.charX[match.index]!;
    const from = match.index + match[0].length;
    const to = matches[i + 1]?.index ?? line.text.length;
    // Only a left label whose column is to the left of the right column is bounded by it.
    const limit = isLeftLabel(label) && rightColumnX !== null && rightColumnX > x ? rightColumnX : Infinity;
    let value = '';
    for (let c = from; c < to; c++) if (line.itemX[c]! < limit - 0.5) value += line.text[c];
    values.push({ label, value: value.replace(/\s+/g, ' ').trim(), x });
  });
  return values;
}
