import { describe, expect, it } from 'vitest';
import type { X12Delimiters } from './claim-types.js';
import { tokenizeX12Bytes } from './tokenize-x12.js';
import { write837i } from './write-837i.js';
import { write837p } from './write-837p.js';
import { exampleClaim, exampleClaimFile } from '../../../test/support/x12/claim-file-example.js';
import { splitX12 } from '../../../test/support/x12/split-x12.js';

// Until `read-837.ts` exists: the written files go through the project's own X12 tokenizer cleanly.
const DELIMITERS: X12Delimiters[] = [
  { element: '*', component: ':', repetition: '^', segment: '~', segmentSuffix: '\n' },
  { element: '|', component: '>', repetition: '!', segment: "'", segmentSuffix: '' },
  { element: '+', component: '`', repetition: '^', segment: '~', segmentSuffix: '\r\n' },
];

describe('837 files through the X12 tokenizer', () => {
  it.each(DELIMITERS.flatMap((d) => (['837P', '837I'] as const).map((k) => [k, d] as const)))(
    '%s with %j',
    (kind, d) => {
      const file = exampleClaimFile(kind, [
        exampleClaim(kind),
        { ...exampleClaim(kind), patientControlNumber: 'P2' },
      ]);
      file.envelope.delimiters = d;
      const r = kind === '837P' ? write837p(file) : write837i(file);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      const tokens = [...tokenizeX12Bytes(new TextEncoder().encode(r.value))];
      expect(tokens.filter((t) => t.kind !== 'segment')).toEqual([]);
      const segs = tokens.flatMap((t) => (t.kind === 'segment' ? [[t.id, ...t.elements.slice(1)]] : []));
      expect(segs).toEqual(splitX12(r.value));
    },
  );
});
