import { describe, expect, it } from 'vitest';
import { type ClaimKeys, scanClaimKeys } from './scan-claim-keys.js';
import { tokenizeX12Bytes } from './tokenize-x12.js';

const isa = (e: string, c: string, s: string, r = '^') =>
  `ISA${e}00${e}          ${e}00${e}          ${e}ZZ${e}PAYER          ${e}ZZ${e}CLINIC         ${e}260315${e}0930${e}${r}${e}00501${e}000000001${e}0${e}P${e}${c}${s}`;

/** 835 shapes whose CLP segments the scan must see exactly as the full splitter does. */
const FILES: [string, string][] = [
  [
    'tilde, no newlines',
    `${isa('*', ':', '~')}GS*HP*A*B*20260315*0930*1*X*005010X221A1~ST*835*0001~BPR*I*10*C~CLP*A1*1*10*10**MB*PCN1~SVC*HC:77412*10*10~CLP*ISA*22*-10*-10**MB*PCN2~SE*6*0001~GE*1*1~IEA*1*000000001~`,
  ],
  [
    'tilde and CRLF, CLP text inside elements',
    `${isa('*', ':', '~')}\r\nGS*HP*A*B*20260315*0930*1*X*005010X221A1~\r\nST*835*0001~\r\nNM1*QC*1*CLP*ISA~\r\nCLP*B1*2*10*5**12*PCN3~\r\n  CLP*B2*4*10*0~\r\nSE*5*0001~\r\nGE*1*1~\r\nIEA*1*000000001~\r\n`,
  ],
  [
    'newline terminator',
    `${isa('|', '>', '\n')}GS|HP|A|B|20260315|0930|1|X|005010X221A1\nST|835|0001\nCLP|C1|1|10|10\nREF|CLP|ISA\nCLP|C2|22|-10|-10||MB|PCN4\nSE|5|0001\nGE|1|1\nIEA|1|000000001\n`,
  ],
  [
    'two interchanges with other delimiters, junk between',
    `${isa('*', ':', '~')}CLP*D1*1*1*1~IEA*1*000000001~garbage CLP*X*1~${isa('|', '>', '!')}CLP|D2|22|1|1|||PCN5!CLPX|no!IEA|1|000000001!`,
  ],
  [
    'a header whose delimiters cannot be read, then a good one',
    `ISA*00*short~CLP*Z1*22*1*1~${isa('*', ':', '~')}\nCLP*E1*1*1*1~\nIEA*1*000000001~`,
  ],
];

const bySplitter = (bytes: Uint8Array): ClaimKeys[] =>
  [...tokenizeX12Bytes(bytes)].flatMap((t) =>
    t.kind === 'segment' && t.id === 'CLP'
      ? [
          {
            patientControlNumber: t.element(1).trim(),
            status: t.element(2).trim(),
            payerClaimControlNumber: t.element(7).trim(),
          },
        ]
      : [],
  );

async function scanned(bytes: Uint8Array, chunk: number): Promise<ClaimKeys[]> {
  const out: ClaimKeys[] = [];
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
  }
  await scanClaimKeys(chunks(), (k) => out.push(k));
  return out;
}

describe('scanClaimKeys', () => {
  it.each(FILES)(
    'sees the CLP segments the splitter reads (%s), whatever the chunk size',
    async (_, text) => {
      const bytes = new TextEncoder().encode(text);
      const expected = bySplitter(bytes);
      expect(expected.length).toBeGreaterThan(0);
      for (const chunk of [1, 2, 3, 5, 7, 16, 64, bytes.length])
        expect(await scanned(bytes, chunk)).toEqual(expected);
    },
  );
});
