/**
 * A file of HL7 v2 messages → messages → segment texts. Accepts:
 * - MLLP framing (HL7 v2.5.1 Appendix C, "Minimal Lower Layer Protocol"): <VT 0x0B> message <FS 0x1C><CR 0x0D>,
 *   the final CR optional, frames back to back or separated by line breaks;
 * - plain files: messages one after another, separated by blank lines or simply starting at the next MSH;
 * - batch files: FHS/BHS … BTS/FTS envelopes (§2.10.3) are dropped.
 * Segments end with CR (the standard, §2.5.1), LF or CRLF; CR CR LF (a CR-terminated message written through a
 * text-mode LF → CRLF conversion) counts as one terminator.
 */
export interface RawMessage {
  /** Segment texts, in order, without terminators. The first is `MSH…` unless the message has no header. */
  segments: string[];
}

const BATCH_ENVELOPE = /^(FHS|BHS|BTS|FTS)(?![A-Z0-9])/;
// VT and FS frame messages (MLLP); CR CR LF, CRLF, CR and LF end segments (bounded: no backtracking).
// eslint-disable-next-line no-control-regex
const SEPARATOR = /\x0b|\x1c|\r\r?\n|\r|\n/g;

export function splitMessages(text: string): RawMessage[] {
  const messages: RawMessage[] = [];
  let current: string[] = [];
  const close = () => {
    if (current.length > 0) messages.push({ segments: current });
    current = [];
  };
  const line = (raw: string, endsMessage: boolean) => {
    // Leading blanks (an indented line, a space after a frame) are not part of a segment ID.
    const segment = raw.replace(/^[ \t\f\v\0]+/, '');
    if (segment.trim() === '') close();
    else if (BATCH_ENVELOPE.test(segment)) close();
    else {
      if (segment.startsWith('MSH')) close();
      current.push(segment);
    }
    if (endsMessage) close();
  };
  let at = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    const frame = m[0] === '\x0b' || m[0] === '\x1c';
    line(text.slice(at, m.index), frame);
    at = m.index + m[0].length;
  }
  line(text.slice(at), true);
  return messages;
}
