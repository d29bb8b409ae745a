/**
 * A realistic, deterministic X12 835 (005010X221A1) of a given size for `bench/x12-835.ts`, written by
 * streaming (backpressure respected; memory does not grow with the size). Radiation oncology
 * remittances: claims of 1–6 lines of 77412/77407/77387/77385/77427/77336/77014, contractual and
 * patient-responsibility CAS, 77412 downcoded to 77407 with SVC06 and CARC 150 on some lines, 77387-26
 * paid 0 with CO-97, LQ*HE remarks, REF*6R, AMT*B6; 200 claims per ST, 50 ST per GS/ISA.
 *
 *   node --import tsx bench/x12-835-generate.ts --mb 50 --out /tmp/x.835 [--seed 20260315]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/app/demo-data/prng.js';
import { positiveInt } from './bench-options.js';

export interface Generated835 {
  bytes: number;
  transactions: number;
  claims: number;
  lines: number;
}

const CLAIMS_PER_ST = 200;
/** A WO recoupment per transaction: it reduces the payment (BPR02 = Σ CLP04 − Σ PLB, TR3 §1.10.2.1). */
const RECOUPED = 1234;
const ST_PER_GROUP = 50;
/** Code, charge in cents, expected paid share. */
const CODES: [string, number, number][] = [
  ['77412', 95000, 0.62],
  ['77407', 64000, 0.6],
  ['77387', 21000, 0.5],
  ['77385', 180000, 0.55],
  ['77427', 52000, 0.7],
  ['77336', 19000, 0.65],
  ['77014', 33000, 0.6],
];

const money = (cents: number) => {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Writes the 835 to `path` until at least `targetBytes` are written; returns what it wrote. */
export async function generate835(path: string, targetBytes: number, seed: number): Promise<Generated835> {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const out = createWriteStream(path);
  const stats: Generated835 = { bytes: 0, transactions: 0, claims: 0, lines: 0 };
  let pending: string[] = [];
  let pendingBytes = 0;
  const write = async (text: string) => {
    pending.push(text);
    pendingBytes += text.length;
    stats.bytes += text.length;
    if (pendingBytes > 1 << 20) await flush();
  };
  const flush = async () => {
    if (!out.write(pending.join(''))) await once(out, 'drain');
    pending = [];
    pendingBytes = 0;
  };

  let interchange = 0;
  while (stats.bytes < targetBytes) {
    interchange++;
    const isa13 = pad(interchange, 9);
    await write(
      `ISA*00*          *00*          *ZZ*PAYERSENDER    *ZZ*SGRTCLINIC     *260315*0930*^*00501*${isa13}*0*P*:~\n` +
        `GS*HP*PAYERSENDER*SGRTCLINIC*20260315*0930*${interchange}*X*005010X221A1~\n`,
    );
    let sets = 0;
    while (sets < ST_PER_GROUP && stats.bytes < targetBytes) {
      sets++;
      stats.transactions++;
      await write(transactionSet(stats, pad(sets, 4), int, rnd));
    }
    await write(`GE*${sets}*${interchange}~\nIEA*1*${isa13}~\n`);
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return stats;
}

function transactionSet(stats: Generated835, control: string, int: (n: number) => number, rnd: () => number) {
  const segs: string[] = [];
  const body: string[] = [];
  let total = 0;
  for (let c = 0; c < CLAIMS_PER_ST; c++) {
    stats.claims++;
    const pcn = `SGRT${pad(stats.claims, 9)}`;
    const day = 2 + int(27);
    const month = 1 + int(3);
    const date = (d: number) => `2026${pad(month, 2)}${pad(Math.min(d, 28), 2)}`;
    const lines: string[] = [];
    let charge = 0;
    let paid = 0;
    let patient = 0;
    const n = 1 + int(6);
    for (let l = 0; l < n; l++) {
      stats.lines++;
      const [code, lineCharge, share] = CODES[int(CODES.length)]!;
      let adjudicated = code;
      let submitted = '';
      let lineShare = share;
      const cas: string[] = [];
      const remarks: string[] = [];
      const roll = rnd();
      if (code === '77412' && roll < 0.15) {
        // 2026 downcoding: adjudicated 77407, SVC06 the submitted 77412, CARC 150.
        adjudicated = '77407';
        submitted = '*HC:77412';
        lineShare = 0.4;
        remarks.push('N115');
      }
      const modifiers = code === '77387' || (code === '77427' && roll < 0.5) ? ':26' : '';
      if (code === '77387' && roll < 0.3) lineShare = 0;
      const linePaid = Math.round(lineCharge * lineShare);
      const copay = linePaid > 0 && roll > 0.8 ? Math.min(4000, linePaid) : 0;
      const contractual = lineCharge - linePaid - copay;
      if (lineShare === 0) cas.push(`CAS*CO*97*${money(contractual)}`);
      else if (submitted !== '') cas.push(`CAS*CO*150*${money(contractual - 1000)}**45*10.00`);
      else cas.push(`CAS*CO*45*${money(contractual)}`);
      if (copay > 0) cas.push(`CAS*PR*3*${money(copay)}`);
      lines.push(
        `SVC*HC:${adjudicated}${submitted === '' ? modifiers : ''}*${money(lineCharge)}*${money(linePaid)}**1${submitted}~`,
        `DTM*472*${date(day + l)}~`,
        ...cas.map((s) => `${s}~`),
        `REF*6R*${pcn}L${l + 1}~`,
        `AMT*B6*${money(linePaid + copay)}~`,
        ...remarks.map((r) => `LQ*HE*${r}~`),
      );
      charge += lineCharge;
      paid += linePaid;
      patient += copay;
    }
    total += paid;
    body.push(
      `CLP*${pcn}*1*${money(charge)}*${money(paid)}*${patient > 0 ? money(patient) : ''}*12*PC${pad(stats.claims, 12)}*11*1~`,
      `NM1*QC*1*PATIENT*SYNTH****MI*M${pad(int(1e9), 9)}~`,
      `NM1*82*1*ONCOLOGIST*RAD****XX*1234567893~`,
      ...(rnd() < 0.3 ? [`REF*G1*AUTH${pad(int(1e6), 6)}~`] : []),
      `DTM*232*${date(day)}~`,
      `DTM*233*${date(day + n)}~`,
      ...lines,
    );
  }
  segs.push(
    `ST*835*${control}~`,
    `BPR*I*${money(total - RECOUPED)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260315~`,
    `TRN*1*EFT${control}${pad(stats.transactions, 8)}*1512345678~`,
    `DTM*405*20260315~`,
    `N1*PR*SYNTHETIC HEALTH PLAN~`,
    `N3*1 PAYER WAY~`,
    `N4*HARTFORD*CT*06101~`,
    `REF*2U*60054~`,
    `N1*PE*SGRT CLINIC*XX*1234567893~`,
    `REF*TJ*123456789~`,
    `LX*1~`,
  );
  const count = segs.length + body.length + 2;
  return `${[...segs, ...body, `PLB*1234567893*20261231*WO:ADJ${control}*${money(RECOUPED)}~`, `SE*${count}*${control}~`].join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string', default: '50' },
      out: { type: 'string' },
      seed: { type: 'string', default: '20260315' },
    },
  });
  if (!values.out) throw new Error('--out: the file to write');
  const g = await generate835(
    values.out,
    positiveInt('mb', values.mb) * 1_000_000,
    positiveInt('seed', values.seed),
  );
  process.stdout.write(`${JSON.stringify(g)}\n`);
}
