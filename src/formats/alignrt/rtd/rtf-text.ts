/**
 * A text export saved through a word processor (TextEdit, WordPad, Word "Rich Text Format") is an RTF
 * document: `{\rtf1\ansi …` with control words, `\par` or a `\` before each line end, and `\'hh` for
 * bytes beyond ASCII. Its plain text is the log. This is the reading of RTF 1.9.1 (Microsoft, 2008) that
 * a text export needs: paragraphs and line breaks become line ends, `\tab` a tab, `\'hh` a Windows-1252
 * character, `\uN` a Unicode character (skipping its `\ucN` fallback), and destinations that hold no body
 * text (font and colour tables, style sheets, document info, pictures, `{\*\…}`) are skipped.
 */

/** True when the bytes start (after spaces) with `{\rtf`, the RTF 1.x document header. */
export function isRtf(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0d || bytes[i] === 0x0a)) i++;
  return String.fromCharCode(...bytes.subarray(i, i + 5)) === '{\\rtf';
}

export type RtfText = { ok: true; text: string } | { ok: false; why: string };

/** RTF 1.9.1 destinations without body text. */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'expandedcolortbl',
  'stylesheet',
  'listtable',
  'listoverridetable',
  'info',
  'pict',
  'object',
  'header',
  'footer',
  'headerl',
  'headerr',
  'footerl',
  'footerr',
  'footnote',
  'fldinst',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'xmlnstbl',
  'rsidtbl',
  'generator',
  'filetbl',
  'revtbl',
]);
/** Control words that end a line of the text. */
const LINE_ENDS = new Set(['par', 'line', 'sect', 'page', 'row']);

/** Windows-1252 0x80–0x9F (the rest is Latin-1); undefined positions stay as they are. */
const CP1252_HIGH =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f' +
  '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';
const cp1252 = (b: number): string =>
  b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const hexValue = (c: number | undefined): number =>
  c === undefined
    ? -1
    : isDigit(c)
      ? c - 0x30
      : c >= 0x61 && c <= 0x66
        ? c - 0x57
        : c >= 0x41 && c <= 0x46
          ? c - 0x37
          : -1;

interface Group {
  skip: boolean;
  /** `\ucN`: how many fallback characters follow a `\uN` (default 1). */
  uc: number;
}

/**
 * The plain text of an RTF document, or why it cannot be read (never a value of the file). `partial`: the
 * bytes are the document's first part only (a format sniff), so an unclosed group is not a problem.
 */
export function rtfText(bytes: Uint8Array, partial = false): RtfText {
  const out: string[] = [];
  const emit = (s: string) => out.push(s);
  const stack: Group[] = [];
  let group = null as Group | null;
  /** Fallback characters still to skip after a `\uN`. */
  let pendingSkip = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i]!;
    if (c === 0x7b) {
      // `{`: a new group, in its parent's state; `{\*\word` marks an ignorable destination.
      if (group) stack.push(group);
      group = { skip: group?.skip ?? false, uc: group?.uc ?? 1 };
      i++;
      if (bytes[i] === 0x5c && bytes[i + 1] === 0x2a) {
        group.skip = true;
        i += 2;
      }
      pendingSkip = 0;
      continue;
    }
    if (group === null) {
      // Outside the document group: only white space may follow it.
      if (c === 0x20 || c === 0x0d || c === 0x0a || c === 0x00) {
        i++;
        continue;
      }
      return { ok: false, why: 'text after the end of the RTF document' };
    }
    if (c === 0x7d) {
      // `}`
      group = stack.pop() ?? null;
      pendingSkip = 0;
      i++;
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      // Raw line ends are not text in RTF.
      i++;
      continue;
    }
    if (c !== 0x5c) {
      if (pendingSkip > 0) pendingSkip--;
      else if (!group.skip) emit(cp1252(c));
      i++;
      continue;
    }
    // `\`: a control symbol or a control word.
    const next = bytes[i + 1];
    if (next === undefined) return { ok: false, why: 'a lone backslash at the end' };
    if (!isLetter(next)) {
      i += 2;
      if (next === 0x27) {
        // `\'hh`: one byte of the document's code page.
        const hi = hexValue(bytes[i]);
        const lo = hexValue(bytes[i + 1]);
        if (hi < 0 || lo < 0) return { ok: false, why: `a \\' not followed by two hex digits` };
        i += 2;
        if (pendingSkip > 0) pendingSkip--;
        else if (!group.skip) emit(cp1252(hi * 16 + lo));
        continue;
      }
      if (pendingSkip > 0) {
        pendingSkip--;
        continue;
      }
      if (group.skip) continue;
      // `\` before a line end is a paragraph (TextEdit writes lines so); `\\ \{ \}` are the characters.
      if (next === 0x0d || next === 0x0a) {
        emit('\n');
        if (next === 0x0d && bytes[i] === 0x0a) i++;
      } else if (next === 0x5c || next === 0x7b || next === 0x7d) emit(String.fromCharCode(next));
      else if (next === 0x7e)
        emit(' '); // `\~` non-breaking space
      else if (next === 0x5f)
        emit('-'); // `\_` non-breaking hyphen
      else if (next === 0x09) emit('\t');
      continue;
    }
    let j = i + 1;
    while (j < n && j - i <= 32 && isLetter(bytes[j]!)) j++;
    const word = String.fromCharCode(...bytes.subarray(i + 1, j));
    let param: number | null = null;
    const numStart = j;
    if (bytes[j] === 0x2d && isDigit(bytes[j + 1] ?? 0)) j++;
    while (j < n && j - numStart < 11 && isDigit(bytes[j]!)) j++;
    if (j > numStart) param = Number(String.fromCharCode(...bytes.subarray(numStart, j)));
    if (bytes[j] === 0x20) j++; // the delimiting space belongs to the control word
    i = j;
    if (word === 'bin') {
      // `\binN`: N raw bytes follow.
      if (param === null || param < 0 || i + param > n)
        return { ok: false, why: 'binary data (\\bin) that runs past the end' };
      i += param;
      continue;
    }
    if (pendingSkip > 0) {
      pendingSkip--;
      continue;
    }
    if (SKIPPED.has(word)) group.skip = true;
    if (group.skip) continue;
    if (word === 'uc' && param !== null) group.uc = Math.max(0, param);
    else if (word === 'u' && param !== null) {
      emit(String.fromCharCode(param < 0 ? param + 65536 : param));
      pendingSkip = group.uc;
    } else if (LINE_ENDS.has(word)) emit('\n');
    else if (word === 'tab' || word === 'cell') emit('\t');
    else if (word === 'emdash') emit('\u2014');
    else if (word === 'endash') emit('\u2013');
  }
  if (group !== null && !partial)
    return { ok: false, why: 'a group ({…}) that is not closed: the file is cut short' };
  return { ok: true, text: out.join('') };
}
