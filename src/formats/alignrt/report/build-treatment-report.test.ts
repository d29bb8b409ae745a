import { describe, expect, it } from 'vitest';
import { buildTreatmentReport, type BuildContext } from './build-treatment-report.js';
import { collectReportFields } from './collect-report-fields.js';
import type { PdfPageText } from './load-pdf-text.js';
import type { DateOrder } from './report-types.js';

/**
 * collectReportFields + buildTreatmentReport on synthetic page text (no PDF): the rules of the report
 * layout, one table row per oddity. Each row is a line; a cell is [x, text].
 */
type Row = [number, string][];
const L = 52.5;
const LV = 145;
const R = 309.4;
const RV = 401.8;

function page(n: number, rows: Row[]): PdfPageText {
  return {
    page: n,
    items: rows.flatMap((row, i) =>
      row.map(([x, text]) => ({
        text,
        x,
        y: 740 - i * 15,
        width: text.length * 4.7,
        fontSize: 9.5,
        upright: true,
      })),
    ),
  };
}

const TITLE: Row = [[49.5, 'alignRT Treatment Report']];
const HEADER: Row[] = [
  TITLE,
  [[49.5, 'Report Date/Time: 3/2/2026 8:23 AM']],
  [
    [L, 'PATIENT DETAILS'],
    [R, 'SYSTEM DETAILS / SETTINGS'],
  ],
  [
    [L, 'Name:'],
    [LV, 'PHITEST, NAME'],
    [R, 'PCR Number:'],
    [RV, '249-2741'],
  ],
  [
    [L, 'Patient ID:'],
    [LV, 'SYN00417'],
    [R, 'Start Time:'],
    [RV, '3/2/2026 8:11:51 AM'],
  ],
  [
    [L, 'Date of Birth:'],
    [LV, '11/9/1960'],
    [R, 'End Time:'],
    [RV, '3/2/2026 8:21:50 AM'],
  ],
  [
    [R, 'Total Duration:'],
    [RV, '00:09:59'],
  ],
  [[56.25, 'STATEMENT']],
  [[56.25, 'The AlignRT system was used to position the patient']],
  [[56.25, 'immediately prior to treatment.']],
];
const session = (heading: string, start: string, end: string, duration: string): Row[] => [
  [[L, heading]],
  [
    [L, 'Protocol:'],
    [LV, 'ChestWallDIBH'],
    [R, 'Start Time:'],
    [RV, start],
  ],
  [
    [L, 'Plan Name:'],
    [LV, 'LCW5040'],
    [R, 'End Time:'],
    [RV, end],
  ],
  [
    [L, 'Isocentre:'],
    [LV, '77.6, -243.5, 88.1'],
    [R, 'Total Duration:'],
    [RV, duration],
  ],
];
const FINAL = session('FINAL MONITORING SESSION', '3/2/2026 8:14:19 AM', '3/2/2026 8:20:38 AM', '00:06:19');

function read(pages: PdfPageText[], ctx: Partial<BuildContext> & { dateOrder?: DateOrder } = {}) {
  const context: BuildContext = {
    source: 'r.pdf',
    pageCount: pages.length,
    dateOrder: 'MDY',
    looksTruncated: false,
    ...ctx,
  };
  return buildTreatmentReport(collectReportFields(pages, 'r.pdf'), context);
}

const problemsOf = (result: ReturnType<typeof read>) => (result.ok ? [] : result.problems);
const warningsOf = (result: ReturnType<typeof read>) => (result.ok ? result.warnings : []);

describe('buildTreatmentReport', () => {
  it('reads the single-page layout', () => {
    const result = read([page(1, [...HEADER, ...FINAL, [[293.8, 'Page 1 / 1']]])]);
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      value: {
        patientId: 'SYN00417',
        patientName: 'PHITEST, NAME',
        dateOfBirth: '1960-11-09',
        pcrNumber: '249-2741',
        reportDateTime: '2026-03-02T08:23:00',
        start: '2026-03-02T08:11:51',
        end: '2026-03-02T08:21:50',
        totalDurationSec: 599,
        statement: 'The AlignRT system was used to position the patient immediately prior to treatment.',
        sessions: [
          {
            index: 'final',
            protocol: 'ChestWallDIBH',
            planName: 'LCW5040',
            isocentre: [77.6, -243.5, 88.1],
            start: '2026-03-02T08:14:19',
            end: '2026-03-02T08:20:38',
            durationSec: 379,
            page: 1,
          },
        ],
      },
    });
  });

  it('continues a session on the next page, after the page header, even when its heading is repeated', () => {
    const [heading, first, second, third] = FINAL;
    const result = read([
      page(1, [...HEADER, heading!, first!, [[293.8, 'Page 1 / 2']]]),
      page(2, [TITLE, [[49.5, 'CONTINUED']], [[L, 'FINAL MONITORING SESSION (CONTINUED)']], second!, third!]),
    ]);
    expect(result.ok && result.value.sessions).toEqual([
      expect.objectContaining({ index: 'final', planName: 'LCW5040', end: '2026-03-02T08:20:38', page: 1 }),
    ]);
  });

  it('numbers sessions as printed and keeps their order', () => {
    const result = read([
      page(1, [
        ...HEADER,
        ...session('MONITORING SESSION 1', '3/2/2026 8:12:00 AM', '3/2/2026 8:13:00 AM', '00:01:00'),
        ...FINAL,
      ]),
    ]);
    expect(result.ok && result.value.sessions.map((s) => s.index)).toEqual([1, 'final']);
  });

  const refused: [string, PdfPageText[], string, RegExp][] = [
    [
      'no title',
      [page(1, [...HEADER.slice(1), ...FINAL])],
      'r.pdf:page 1',
      /not an alignRT Treatment Report/,
    ],
    [
      'no patient ID',
      [page(1, HEADER.filter((row) => row[0]![1] !== 'Patient ID:').concat(FINAL))],
      'r.pdf:page 1, PATIENT DETAILS, "Patient ID"',
      /cannot be matched to a patient/,
    ],
    ['no session', [page(1, HEADER)], 'r.pdf', /no MONITORING SESSION/],
    [
      'a session without End Time',
      [page(1, [...HEADER, ...FINAL.filter((_, i) => i !== 2)])],
      'r.pdf:page 1, FINAL MONITORING SESSION, "End Time"',
      /monitoring interval/,
    ],
    [
      'an impossible date',
      [
        page(1, [
          ...HEADER,
          ...session('FINAL MONITORING SESSION', '13/2/2026 8:14:19 AM', '3/2/2026 8:20:38 AM', '00:06:19'),
        ]),
      ],
      'r.pdf:page 1, FINAL MONITORING SESSION, "Start Time"',
      /expected a date and time M\/D\/YYYY/,
    ],
    [
      'end before start',
      [
        page(1, [
          ...HEADER,
          ...session('MONITORING SESSION 1', '3/2/2026 8:20:38 AM', '3/2/2026 8:14:19 AM', '00:06:19'),
        ]),
      ],
      'r.pdf:page 1, MONITORING SESSION 1, "End Time"',
      /before the Start Time/,
    ],
    [
      'an unreadable isocentre',
      [
        page(1, [
          ...HEADER,
          ...FINAL.map((row) => row.map(([x, t]): [number, string] => [x, t.replace('88.1', '')])),
        ]),
      ],
      'r.pdf:page 1, FINAL MONITORING SESSION, "Isocentre"',
      /three coordinates/,
    ],
    [
      'a footer promising more pages',
      [page(1, [...HEADER, ...FINAL, [[293.8, 'Page 1 / 7']]])],
      'r.pdf:page 1',
      /does not match the 1 page\(s\).*incomplete/,
    ],
  ];
  it.each(refused)('refuses %s', (_, pages, location, message) => {
    const problems = problemsOf(read(pages));
    expect(problems).toContainEqual({ location, message: expect.stringMatching(message) });
    for (const p of problems) expect(JSON.stringify(p)).not.toMatch(/PHITEST|SYN00417|1960|11\/9/);
  });

  it('names the configured order in a date problem, and adds the truncation hint', () => {
    const march20 = [...HEADER, ...FINAL].map((row) =>
      row.map(([x, t]): [number, string] => [x, t.replace('3/2/2026', '3/20/2026')]),
    );
    const problems = problemsOf(read([page(1, march20)], { dateOrder: 'DMY', looksTruncated: true }));
    expect(problems).toContainEqual({
      location: 'r.pdf:page 1, SYSTEM DETAILS, "Start Time"',
      message: expect.stringContaining("dateOrder 'DMY'"),
    });
    expect(problems.at(-1)).toEqual({ location: 'r.pdf', message: expect.stringMatching(/truncated/) });
  });

  const tolerated: [string, PdfPageText[], string, RegExp][] = [
    [
      'a missing PCR Number',
      [
        page(1, [
          ...HEADER.map((row) => row.filter(([, t]) => t !== 'PCR Number:' && t !== '249-2741')),
          ...FINAL,
        ]),
      ],
      'r.pdf:page 1, SYSTEM DETAILS, "PCR Number"',
      /not found or empty/,
    ],
    [
      'a duration far from end − start',
      [
        page(1, [
          ...HEADER,
          ...session('FINAL MONITORING SESSION', '3/2/2026 8:14:19 AM', '3/2/2026 8:20:38 AM', '00:02:00'),
        ]),
      ],
      'r.pdf:page 1, FINAL MONITORING SESSION, "Total Duration"',
      /differs from End Time − Start Time/,
    ],
    [
      'a session outside the system times',
      [
        page(1, [
          ...HEADER,
          ...session('FINAL MONITORING SESSION', '3/2/2026 8:14:19 AM', '3/2/2026 8:30:38 AM', '00:16:19'),
        ]),
      ],
      'r.pdf:page 1, FINAL MONITORING SESSION',
      /outside the SYSTEM DETAILS/,
    ],
    [
      'an unreadable date of birth',
      [
        page(1, [
          ...HEADER.map((row) =>
            row.map(([x, t]): [number, string] => [x, t === '11/9/1960' ? '11/31/1960' : t]),
          ),
          ...FINAL,
        ]),
      ],
      'r.pdf:page 1, PATIENT DETAILS, "Date of Birth"',
      /cannot be read/,
    ],
    [
      'a field printed twice with different values',
      [
        page(1, [
          ...HEADER.slice(0, 7),
          [
            [L, 'Patient ID:'],
            [LV, 'OTHER1'],
          ],
          ...HEADER.slice(7),
          ...FINAL,
        ]),
      ],
      'r.pdf:page 1, PATIENT DETAILS, "Patient ID"',
      /second time/,
    ],
    [
      'a field outside its part of the report',
      [
        page(1, [
          ...HEADER,
          ...FINAL,
          [
            [L, 'Name:'],
            [LV, 'X'],
          ],
        ]),
      ],
      'r.pdf:page 1, "Name"',
      /outside the part/,
    ],
    [
      'a footer with the wrong page number',
      [page(1, [...HEADER, ...FINAL, [[293.8, 'Page 2 / 1']]])],
      'r.pdf:page 1',
      /out of order/,
    ],
  ];
  it.each(tolerated)('tolerates %s with a warning', (_, pages, location, message) => {
    const result = read(pages);
    expect(result.ok).toBe(true);
    expect(warningsOf(result)).toContainEqual({ location, message: expect.stringMatching(message) });
    for (const w of warningsOf(result)) expect(JSON.stringify(w)).not.toMatch(/PHITEST|SYN00417|1960|OTHER1/);
  });

  it('ends the statement at the next heading and records graph pages', () => {
    const result = read([
      page(1, [
        ...HEADER,
        [[49.5, 'FINAL SCREEN CAPTURE']],
        [[49.5, 'Time Stamp: 3/2/2026 8:21:45 AM']],
        ...FINAL,
      ]),
      page(2, [TITLE, [[49.5, 'CONTINUED']], [[75, 'L/R mm']], [[300, 'Time (s)']]]),
      // An axis label split over two items is whole only on its line.
      page(3, [
        TITLE,
        [
          [75, 'S/I'],
          [90, 'mm'],
        ],
      ]),
    ]);
    // FINAL SCREEN CAPTURE ends the statement; the session heading after it starts a session again.
    expect(result.ok && result.value.statement).toBe(
      'The AlignRT system was used to position the patient immediately prior to treatment.',
    );
    expect(result.ok && result.value.graphPages).toEqual([2, 3]);
    expect(result.ok && result.value.sessions).toHaveLength(1);
  });
});
