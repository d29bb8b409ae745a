import type { InputProblem } from '../../core/model/input-problem.js';
import type { X12Delimiters } from './claim-types.js';
import type { Flavour } from './write-checks.js';

/**
 * The written 837 checked against the implementation guides' segment usage before it leaves
 * [005010X222A1 (837P) and 005010X223A2 (837I) TR3s, section 2.4 loop and segment tables; X12 ISA/GS/ST
 * control structures]: envelope counts (SE01, GE01, IEA01) and control numbers, the HL tree (2000A →
 * 2000B → 2000C), the segments each loop requires, the situational rules the product relies on, and
 * element lengths. Problems are located by segment position (`ST[1] segment 23 (SBR)`) and name
 * segments and elements only, never values (the file holds PHI).
 */
export function checkWritten837(text: string, flavour: Flavour, d: X12Delimiters): InputProblem[] {
  const segments = text
    .split(d.segment)
    .map((s) => s.replace(/^[\r\n]+/, ''))
    .filter((s) => s !== '')
    .map((s) => s.split(d.element));
  const out: InputProblem[] = [];
  checkEnvelope(segments, out);
  let st = 0;
  let start = -1;
  segments.forEach((seg, i) => {
    if (seg[0] === 'ST') {
      st++;
      start = i;
    }
    if (seg[0] === 'SE' && start >= 0) {
      checkTransaction(segments.slice(start, i + 1), `${flavour} ST[${st}]`, flavour, d, out);
      start = -1;
    }
  });
  return out;
}

type Seg = string[];
const el = (seg: Seg, n: number): string => seg[n] ?? '';
/** A segment id as it may appear in a location: 2–3 capitals or digits, else `?` (never data). */
const segmentId = (seg: Seg): string => (/^[A-Z][A-Z0-9]{1,2}$/.test(seg[0] ?? '') ? seg[0]! : '?');

function checkEnvelope(segments: Seg[], out: InputProblem[]): void {
  const need = (ok: boolean, location: string, message: string) => ok || out.push({ location, message });
  let isa: Seg | null = null;
  let gs: Seg | null = null;
  let groups = 0;
  let sets = 0;
  let st: Seg | null = null;
  let count = 0;
  for (const [i, seg] of segments.entries()) {
    const at = `segment ${i + 1} (${segmentId(seg)})`;
    if (st) count++;
    switch (seg[0]) {
      case 'ISA':
        isa = seg;
        groups = 0;
        need(seg.length === 17, at, 'ISA must have 16 elements.');
        break;
      case 'GS':
        gs = seg;
        groups++;
        sets = 0;
        break;
      case 'ST':
        st = seg;
        count = 1;
        sets++;
        break;
      case 'SE':
        need(el(seg, 1) === String(count), at, 'SE01 must count the segments from ST to SE.');
        need(el(seg, 2) === el(st ?? [], 2), at, 'SE02 must repeat ST02.');
        st = null;
        break;
      case 'GE':
        need(el(seg, 1) === String(sets), at, 'GE01 must count the transaction sets of the group.');
        need(el(seg, 2) === el(gs ?? [], 6), at, 'GE02 must repeat GS06.');
        break;
      case 'IEA':
        need(el(seg, 1) === String(groups), at, 'IEA01 must count the functional groups.');
        need(el(seg, 2) === el(isa ?? [], 13), at, 'IEA02 must repeat ISA13.');
        break;
    }
  }
}

/**
 * Element lengths [TR3 element attributes, min–max], by segment id (and qualifier where it matters).
 * Only elements the writers fill are listed; an empty element is not checked (usage is checked below).
 */
const LENGTHS: Record<string, Record<number, [number, number]>> = {
  BHT: { 3: [1, 50] },
  NM1: { 3: [1, 60], 4: [1, 35], 5: [1, 25], 9: [2, 80] },
  PER: { 2: [1, 60], 4: [1, 256] },
  N3: { 1: [1, 55], 2: [1, 55] },
  N4: { 1: [2, 30], 2: [2, 2], 3: [3, 15] },
  REF: { 2: [1, 50] },
  PRV: { 3: [1, 50] },
  SBR: { 3: [1, 50], 9: [1, 2] },
  PAT: { 1: [2, 2] },
  DMG: { 2: [1, 35] },
  CLM: { 1: [1, 38], 2: [1, 18] },
  LX: { 1: [1, 6] },
  SV1: { 2: [1, 18], 4: [1, 15] },
  SV2: { 1: [1, 48], 3: [1, 18], 5: [1, 15] },
  AMT: { 2: [1, 18] },
  SVD: { 1: [2, 80], 2: [1, 18], 5: [1, 15] },
  CAS: { 1: [1, 2], 2: [1, 5], 3: [1, 18], 5: [1, 5], 6: [1, 18], 8: [1, 5], 9: [1, 18] },
  DTP: { 3: [1, 35] },
};

/** The segments a loop requires, by the segment that opens it [TR3 loop tables, usage R]. */
const REQUIRED_IN_HL: Record<string, string[]> = {
  '20': ['NM1*85', 'N3', 'N4', 'REF*EI'],
  '22': ['SBR', 'NM1*IL', 'NM1*PR'],
  '23': ['PAT', 'NM1*QC'],
};

function checkTransaction(
  set: Seg[],
  where: string,
  flavour: Flavour,
  d: X12Delimiters,
  out: InputProblem[],
) {
  const at = (i: number) => `${where} segment ${i + 1} (${segmentId(set[i]!)})`;
  const need = (ok: boolean, i: number, message: string) => ok || out.push({ location: at(i), message });
  const key = (seg: Seg) =>
    ['NM1', 'REF', 'DTP', 'AMT'].includes(seg[0]!) ? `${seg[0]}*${el(seg, 1)}` : seg[0]!;

  set.forEach((seg, i) => {
    for (const [n, [min, max]] of Object.entries(LENGTHS[seg[0]!] ?? {})) {
      const v = el(seg, Number(n));
      if (v !== '')
        need(
          v.length >= min && v.length <= max,
          i,
          `${seg[0]}${n.padStart(2, '0')} must be ${min}–${max} characters.`,
        );
    }
    if (seg[0] === 'HI')
      seg.slice(1).forEach((c) => {
        const code = c.split(d.component)[1] ?? '';
        need(code.length >= 1 && code.length <= 30, i, 'HI diagnosis code must be 1–30 characters.');
      });
  });
  const first = set.findIndex((s) => s[0] === 'HL');
  const header = set.slice(0, first < 0 ? set.length : first).map(key);
  for (const id of ['BHT', 'NM1*41', 'PER', 'NM1*40'])
    need(header.includes(id), 0, `The 1000A/1000B header needs ${id}.`);

  // HL loops: [start, end) with their level code.
  const hls = set.flatMap((s, i) => (s[0] === 'HL' ? [i] : []));
  const ids = new Map<string, string>();
  let organization = false;
  hls.forEach((start, h) => {
    const end = hls[h + 1] ?? set.length - 1;
    const hl = set[start]!;
    const level = el(hl, 3);
    need(el(hl, 1) === String(h + 1), start, 'HL01 must number the HL loops 1, 2, 3…');
    const parent = el(hl, 2);
    const expectedParent = { '20': '', '22': '20', '23': '22' }[level];
    need(expectedParent !== undefined, start, 'HL03 must be 20, 22 or 23.');
    need(
      parent === '' ? expectedParent === '' : ids.get(parent) === expectedParent,
      start,
      'HL02 must name the parent loop (2000B under 2000A, 2000C under 2000B).',
    );
    ids.set(el(hl, 1), level);
    const hasChild = set[hls[h + 1] ?? -1] !== undefined && el(set[hls[h + 1]!]!, 2) === el(hl, 1);
    need(el(hl, 4) === (hasChild ? '1' : '0'), start, 'HL04 must say whether a child loop follows.');
    const loop = set.slice(start, end);
    const claimAt = loop.findIndex((s) => s[0] === 'CLM');
    const own = (claimAt < 0 ? loop : loop.slice(0, claimAt)).map(key);
    for (const id of REQUIRED_IN_HL[level] ?? [])
      need(
        own.includes(id),
        start,
        `Loop ${level === '20' ? '2000A' : level === '22' ? '2000B' : '2000C'} needs ${id}.`,
      );
    if (level === '20')
      organization = loop.some((s) => s[0] === 'NM1' && el(s, 1) === '85' && el(s, 2) === '2');
    if (level === '22') {
      const sbr = start + own.indexOf('SBR');
      // SBR02 18 when the subscriber is the patient; blank when a 2000C patient loop follows.
      if (own.includes('SBR'))
        need(
          el(set[sbr]!, 2) === (hasChild ? '' : '18'),
          sbr,
          'SBR02 must be 18 (self) without a 2000C loop, blank with one.',
        );
    }
    if (claimAt >= 0) checkClaim(set, start + claimAt, end, flavour, organization, key, need);
  });
}

function checkClaim(
  set: Seg[],
  clm: number,
  end: number,
  flavour: Flavour,
  organization: boolean,
  key: (s: Seg) => string,
  need: (ok: boolean, i: number, message: string) => unknown,
): void {
  const claim = set.slice(clm, end);
  const firstLx = claim.findIndex((s) => s[0] === 'LX');
  const head = (firstLx < 0 ? claim : claim.slice(0, firstLx)).map(key);
  const c = set[clm]!;
  const frequency = el(c, 5).split(/[^0-9A-Z]/)[2] ?? '';
  need(head.includes('HI'), clm, 'Loop 2300 needs HI (the principal diagnosis).');
  need(firstLx >= 0, clm, 'Loop 2300 needs at least one 2400 service line.');
  // REF*F8 is required when CLM05-3 is 7 (replacement) or 8 (void) [TR3 2300 REF*F8 situational rule].
  if (frequency === '7' || frequency === '8')
    need(
      head.includes('REF*F8'),
      clm,
      'A replacement or void (CLM05-3 7/8) needs REF*F8, the payer claim control number.',
    );
  if (flavour === '837P' && organization)
    need(
      head.includes('NM1*82'),
      clm,
      'An organization billing provider needs the 2310B rendering provider (NM1*82).',
    );
  if (flavour === '837I') {
    need(head.includes('DTP*434'), clm, 'An 837I claim needs DTP*434 (statement dates).');
    need(head.includes('CL1'), clm, 'An 837I claim needs CL1 (institutional claim code).');
  }
  // 2320: the SBR after CLM. Its 2330A/2330B and AMT*D follow [TR3 2320 / 2330A / 2330B usage].
  const sbr = head.indexOf('SBR');
  if (sbr >= 0) {
    const other = head.slice(sbr);
    for (const id of ['AMT*D', 'OI', 'NM1*IL', 'NM1*PR'])
      need(other.includes(id), clm + sbr, `Loop 2320/2330 needs ${id}.`);
  }
  let total = 0;
  claim.forEach((s, k) => {
    if (s[0] === 'SV1' || s[0] === 'SV2') total += cents(el(s, s[0] === 'SV1' ? 2 : 3));
    if (s[0] !== 'LX') return;
    const next = claim.slice(k + 1).findIndex((t) => t[0] === 'LX');
    const line = claim.slice(k, next < 0 ? claim.length : k + 1 + next).map(key);
    need(
      line.includes(flavour === '837P' ? 'SV1' : 'SV2'),
      clm + k,
      `Loop 2400 needs ${flavour === '837P' ? 'SV1' : 'SV2'}.`,
    );
    need(line.includes('DTP*472'), clm + k, 'Loop 2400 needs DTP*472 (date of service).');
    if (line.includes('SVD'))
      need(line.includes('DTP*573'), clm + k, 'Loop 2430 needs DTP*573 (adjudication date).');
  });
  // CLM02 equals the sum of the line charges [TR3 2300 CLM02 note].
  need(cents(el(c, 2)) === total, clm, 'CLM02 must equal the sum of the service line charges.');
}

/** `123.45` → 12345 (the writer's own amounts: digits, optional sign and two decimals). */
function cents(amount: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!m) return Number.NaN;
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}
