import { mulberry32 } from '../../../src/app/demo-data/prng.js';
import { set835 } from './remit-835-examples.js';

/**
 * Two seeded 835 files (005010X221A1 segment layout, made-up ids) whose claims link across payments and
 * files, for tests that pairing and coordination give the same answer however the files are read:
 * payments later taken back (CLP02 22 with the original's CLP07, or without CLP07 so that CLP01 and the
 * charge pair them) with their corrections in the same or the later file (some listed before the
 * take-back), take-backs with no payment on file, primary answers (CLP02 1/19) of one payer with the
 * secondary (2) or tertiary (3) answer of another, with and without REF*6R, claims adjudicated at claim
 * level (no SVC), a set refused for a CAS group outside CO/PR/OA/PI that holds a take-back, and a
 * payment sent twice (the same payer and TRN02). Amounts balance per line (SVC02 − SVC03 = CAS).
 */
export function mixed835Files(seed: number, claims = 40): [string, string] {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  // Claims per file and payer, in the order they are written.
  const out: Record<string, string[][]> = {};
  const put = (file: 'A' | 'B', payer: string, claim: string[]) =>
    (out[`${file}|${payer}`] ??= []).push(claim);
  for (let k = 1; k <= claims; k++) {
    const pcn = `MX${seed}-${String(k).padStart(4, '0')}`;
    const lines = 1 + int(3);
    const day = `202603${String(2 + int(26)).padStart(2, '0')}`;
    const claim = (status: string, sign: number, control: string, paidShare: number, withRef = true) =>
      claimSegments(pcn, status, sign, control, lines, day, paidShare, withRef);
    const payer = pick(['P1', 'P2']);
    switch (pick(['paid', 'reversed', 'reversed-by-number', 'orphan', 'cob', 'claim-level', 'refused'])) {
      case 'paid':
        put(pick(['A', 'B']), payer, claim('1', 1, `C${pcn}`, 0.6));
        break;
      case 'reversed':
      case 'reversed-by-number': {
        const byNumber = rnd() < 0.5;
        put('A', payer, claim('1', 1, `C${pcn}`, 0.5));
        const back = claim('22', -1, byNumber ? '' : `C${pcn}`, 0.5);
        const correction = claim('1', 1, `C${pcn}R`, 0.7);
        const file = pick(['A', 'B'] as const);
        if (rnd() < 0.3) put(file, payer, correction);
        put(file, payer, back);
        if (rnd() < 0.7) put(pick([file, 'B'] as const), payer, correction);
        break;
      }
      case 'orphan':
        put(pick(['A', 'B']), payer, claim('22', -1, `C${pcn}X`, 0.5));
        break;
      case 'cob': {
        const withRef = rnd() < 0.5;
        put('A', 'P1', claim(pick(['1', '19']), 1, `C${pcn}`, 0.6, withRef));
        put('B', 'P2', claim('2', 1, `D${pcn}`, 0.2, withRef));
        if (rnd() < 0.3) put('B', 'P3', claim('3', 1, `E${pcn}`, 0.1, withRef));
        break;
      }
      case 'claim-level':
        put(pick(['A', 'B']), payer, [
          `CLP*${pcn}*4*500.00*0**12*C${pcn}*11*1`,
          `DTM*232*${day}`,
          'CAS*CO*45*500.00',
        ]);
        break;
      case 'refused': {
        const back = claim('22', -1, `C${pcn}`, 0.5);
        put('A', payer, claim('1', 1, `C${pcn}`, 0.5));
        put('B', 'BAD', [...back, 'CAS*XX*45*0']);
        break;
      }
    }
  }
  const files = { A: [] as string[][], B: [] as string[][] };
  let control = 0;
  for (const [key, list] of Object.entries(out)) {
    const [file, payer] = key.split('|') as ['A' | 'B', string];
    for (let at = 0; at < list.length; at += 5) {
      const trace = `TRN${seed}${file}${++control}`;
      const set = set835(String(control).padStart(4, '0'), [
        ...header(payer === 'BAD' ? 'P2' : payer, trace, file === 'A' ? '20260410' : '20260420'),
        'LX*1',
        ...list.slice(at, at + 5).flat(),
      ]);
      files[file].push(set);
      // The first payment of file A is sent again in file B: read once.
      if (control === 1) files.B.push(set);
    }
  }
  return [interchange(files.A, 201), interchange(files.B, 202)];
}

function claimSegments(
  pcn: string,
  status: string,
  sign: number,
  control: string,
  lines: number,
  day: string,
  paidShare: number,
  withRef: boolean,
): string[] {
  const money = (cents: number) => ((sign * cents) / 100).toFixed(2);
  const codes = ['77412', '77387:26', '77336', '77014'];
  const body: string[] = [];
  let charge = 0;
  let paid = 0;
  for (let l = 0; l < lines; l++) {
    const lineCharge = 40000 + 10000 * l;
    const linePaid = Math.round(lineCharge * paidShare);
    charge += lineCharge;
    paid += linePaid;
    body.push(
      `SVC*HC:${codes[l % codes.length]}*${money(lineCharge)}*${money(linePaid)}**1`,
      `DTM*472*${day}`,
      `CAS*CO*45*${money(lineCharge - linePaid)}`,
      ...(withRef ? [`REF*6R*${pcn}L${l + 1}`] : []),
    );
  }
  return [
    `CLP*${pcn}*${status}*${money(charge)}*${money(paid)}**12*${control}*11*1`,
    `NM1*QC*1*SYNTH*PAT****MI*M${pcn}`,
    `DTM*232*${day}`,
    ...body,
  ];
}

const PAYERS: Record<string, string> = { P1: 'FIRST PLAN', P2: 'SECOND PLAN', P3: 'THIRD PLAN' };

function header(payer: string, trace: string, date: string): string[] {
  return [
    `BPR*I*0*C*NON************${date}`,
    `TRN*1*${trace}*1512345678`,
    `N1*PR*${PAYERS[payer]}`,
    `REF*2U*${payer}`,
    'N1*PE*SGRT RADIATION ONCOLOGY*XX*1234567893',
  ];
}

function interchange(sets: readonly string[][], control: number): string {
  const isa = `ISA*00*          *00*          *ZZ*EXAMPLEPAYER   *ZZ*SGRTCLINIC     *260420*0930*^*00501*000000${control}*0*T*:`;
  return `${[
    isa,
    `GS*HP*EXAMPLEPAYER*SGRTCLINIC*20260420*0930*${control}*X*005010X221A1`,
    ...sets.flat(),
    `GE*${sets.length}*${control}`,
    `IEA*1*000000${control}`,
  ].join('~\n')}~\n`;
}
