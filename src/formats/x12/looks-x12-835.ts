/**
 * Whether a file's first bytes are an X12 interchange holding an 835: `ISA` first (after any
 * whitespace), its element separator (the byte after `ISA`), and `ST<sep>835` in the head.
 */
export function looksX12Remittance(head: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(head.subarray(0, 4096)).trimStart();
  if (!text.startsWith('ISA') || text.length < 4) return false;
  const sep = text[3]!;
  return text.includes(`ST${sep}835${sep}`);
}
