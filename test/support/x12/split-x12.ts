/**
 * A minimal splitter for the writer's tests (delimiters from ISA, segments and elements), independent
 * of the reader so that the writer's tests stand on their own. Not a reader: no loops, no validation.
 */
export function splitX12(text: string): string[][] {
  const element = text.charAt(3);
  const segment = text.charAt(105);
  return text
    .split(segment)
    .map((s) => s.replace(/^[\r\n]+/, ''))
    .filter((s) => s.length > 0)
    .map((s) => s.split(element));
}

/** Segment id with the qualifier that tells loops apart (`NM1*85`, `REF*G1`, `HL*22`). */
export function segmentKey(elements: readonly string[]): string {
  const [id = '', first = ''] = elements;
  if (id === 'HL') return `HL*${elements[3] ?? ''}`;
  if (['NM1', 'REF', 'DTP', 'PER', 'PRV'].includes(id)) return `${id}*${first}`;
  return id;
}
