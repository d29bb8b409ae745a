import type { ReadResult } from '../../core/model/input-problem.js';
import type { DftFile, DftMessage, ReadDftOptions } from './dft-types.js';
import { ProblemList } from '../problem-list.js';
import { readDftMessage, type SegmentTally } from './read-dft-message.js';
import { splitMessages } from './split-messages.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * A file of HL7 v2 DFT^P03 messages (plain or MLLP-framed) → the charges of each message.
 * Atomic by default: one message that cannot be read makes the file `ok: false`, with every problem of
 * every message listed; `{ onBadMessage: 'skip' }` drops such messages with their problems as warnings.
 * Messages of other types are skipped with a warning. Never throws.
 */
export function readDftMessages(
  input: Uint8Array | string,
  source: string,
  options: ReadDftOptions = {},
): ReadResult<DftFile> {
  try {
    return read(input, source, options?.onBadMessage === 'skip' ? 'skip' : 'fail');
  } catch {
    // A bug, not an input problem: reported without any text from the file.
    return { ok: false, problems: [{ location: source, message: 'internal error while reading the file' }] };
  }
}

function read(input: Uint8Array | string, source: string, onBad: 'fail' | 'skip'): ReadResult<DftFile> {
  const warnings = new ProblemList();
  const problems = new ProblemList();
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = utf8.decode(input);
    } catch {
      // MSH-18 names the character set; ISO-8859-1 maps every byte, so nothing is lost.
      text = latin1.decode(input);
      warnings.add(source, 'not UTF-8: read as ISO-8859-1');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const raw = splitMessages(text);
  if (raw.length === 0) {
    return { ok: false, problems: [{ location: source, message: 'no HL7 messages: the file is empty' }] };
  }
  if (!raw.some((m) => m.segments[0]!.startsWith('MSH'))) {
    return {
      ok: false,
      problems: [{ location: source, message: 'no MSH segment: this is not a file of HL7 v2 messages' }],
    };
  }

  const tally: SegmentTally = { z: new Map(), unknown: new Map() };
  const messages: DftMessage[] = [];
  const controlIds = new Map<string, number>();
  raw.forEach((message, i) => {
    const outcome = readDftMessage(message, i + 1, source, tally);
    warnings.addAll(outcome.warnings);
    if (outcome.kind === 'bad') {
      if (onBad === 'fail') problems.addAll(outcome.problems);
      else {
        warnings.addAll(outcome.problems);
        warnings.add(`${source}:message ${i + 1}`, 'message skipped (onBadMessage: skip)');
      }
    } else if (outcome.kind === 'read') {
      const { controlId } = outcome.message;
      const earlier = controlId === null ? undefined : controlIds.get(controlId);
      if (earlier !== undefined) {
        warnings.add(
          `${source}:message ${i + 1}, MSH.10`,
          `MSH-10 control ID repeats that of message ${earlier} (a resent message?): both are returned`,
        );
      } else if (controlId !== null) controlIds.set(controlId, i + 1);
      messages.push(outcome.message);
    }
  });
  for (const [ids, one, many] of [
    [tally.z, 'Z-segment', 'Z-segments'],
    [tally.unknown, 'segment that is not part of DFT^P03', 'segments that are not part of DFT^P03'],
  ] as const) {
    const count = [...ids.values()].reduce((a, b) => a + b, 0);
    // Segment IDs match [A-Z][A-Z0-9]{2}: safe to name.
    if (count > 0)
      warnings.add(source, `${count} ${count > 1 ? many : one} (${[...ids.keys()].join(', ')}) ignored`);
  }
  if (problems.total > 0) return { ok: false, problems: problems.list(source) };
  return { ok: true, value: { messages }, warnings: warnings.list(source) };
}

/**
 * Content sniff for `sgrt-billing import`: the first bytes are an HL7 v2 message header (after a BOM,
 * blanks, an MLLP start block or batch headers) and, when the head reaches it, MSH-9 is a DFT message.
 */
export function looksDftMessages(head: Uint8Array): boolean {
  const text = latin1.decode(head.subarray(0, 64 * 1024));
  // A BOM (as ISO-8859-1), blanks and VT, batch header lines, then MSH. Unambiguous: no backtracking.
  // eslint-disable-next-line no-control-regex
  const start = /^(?:\u00ef\u00bb\u00bf)?[\s\x0b]*(?:(?:FHS|BHS)[^\r\n]*[\r\n][\s\x0b]*)*MSH/.exec(text);
  if (!start) return false;
  const sep = text.charAt(start[0].length);
  if (!/^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/.test(sep)) return false;
  // eslint-disable-next-line no-control-regex
  const line = text.slice(start[0].length - 3).split(/[\r\n\x1c]/, 1)[0]!;
  const fields = line.split(sep);
  const component = fields[1]?.charAt(0) ?? '^';
  const msh9 = fields[8];
  return msh9 === undefined || msh9.split(component)[0] === 'DFT';
}
