import { describe, expect, it } from 'vitest';
import type { PdfTextItem } from './load-pdf-text.js';
import { labelledValues, layoutPage } from './report-layout.js';

/** An upright item with Helvetica-like widths (about half the font size per character). */
const item = (x: number, y: number, text: string, fontSize = 9.5): PdfTextItem => ({
  text,
  x,
  y,
  width: text.length * fontSize * 0.5,
  fontSize,
  upright: true,
});

/** The rows of the browser-rendered sample (x as in report-single-session.pdf). */
const ROWS: PdfTextItem[] = [
  item(52.5, 519, 'Protocol:'),
  item(145, 519, 'ChestWallDIBH'),
  item(309.4, 519, 'Start Time:'),
  item(401.8, 519, '3/2/2026 8:14:19 AM'),
  item(52.5, 504, 'Plan Name:'),
  item(145, 504, 'LCW5040'),
  item(309.4, 504, 'End Time:'),
  item(401.8, 504, '3/2/2026 8:20:38 AM'),
];

const valuesOf = (items: PdfTextItem[]) => {
  const page = layoutPage({ page: 1, items });
  return page.lines.map((line) => labelledValues(line, page.rightColumnX).map((v) => [v.label, v.value]));
};

describe('layoutPage + labelledValues', () => {
  const expected = [
    [
      ['Protocol', 'ChestWallDIBH'],
      ['Start Time', '3/2/2026 8:14:19 AM'],
    ],
    [
      ['Plan Name', 'LCW5040'],
      ['End Time', '3/2/2026 8:20:38 AM'],
    ],
  ];

  it('pairs each label with the value to its right, column by column', () => {
    expect(valuesOf(ROWS)).toEqual(expected);
  });

  it('uses positions, not content order: right column first, bottom-up, shuffled', () => {
    const rightFirst = [...ROWS].sort((a, b) => b.x - a.x || a.y - b.y);
    expect(valuesOf(rightFirst)).toEqual(expected);
    const shuffled = [5, 2, 7, 0, 3, 6, 1, 4].map((i) => ROWS[i]!);
    expect(valuesOf(shuffled)).toEqual(expected);
  });

  it('keeps a left value out of the right column even when its right label is missing', () => {
    const items = [
      item(52.5, 519, 'Protocol:'),
      item(145, 519, 'Chest'),
      item(401.8, 519, '3/2/2026 8:14:19 AM'),
    ];
    const page = layoutPage({ page: 1, items: [...items, item(309.4, 504, 'End Time:')] });
    expect(labelledValues(page.lines[0]!, page.rightColumnX)).toEqual([
      { label: 'Protocol', value: 'Chest', x: 52.5 },
    ]);
  });

  it('leaves an empty value empty rather than taking the next column', () => {
    const items = [item(52.5, 669, 'Name:'), item(309.4, 669, 'PCR Number:'), item(401.8, 669, '249-2741')];
    expect(valuesOf(items)).toEqual([
      [
        ['Name', ''],
        ['PCR Number', '249-2741'],
      ],
    ]);
  });

  it('reads a label and its value printed as one item, and labels split over items', () => {
    expect(valuesOf([item(49.5, 708, 'Report Date/Time: 3/2/2026 8:23 AM', 9)])).toEqual([
      [['Report Date/Time', '3/2/2026 8:23 AM']],
    ]);
    expect(valuesOf([item(52.5, 504, 'Plan'), item(76, 504, 'Name:'), item(145, 504, 'LCW5040')])).toEqual([
      [['Plan Name', 'LCW5040']],
    ]);
    // A producer that lays the columns out with spaces inside one item.
    expect(valuesOf([item(52.5, 519, 'Protocol: Chest      Start Time: 07/03/2025 10:37:39')])).toEqual([
      [
        ['Protocol', 'Chest'],
        ['Start Time', '07/03/2025 10:37:39'],
      ],
    ]);
  });

  it('does not read "Plan Name:" as "Name:", and reads the US spelling Isocenter', () => {
    expect(valuesOf([item(52.5, 504, 'Plan Name:'), item(145, 504, 'Name: x')])).toEqual([
      [
        ['Plan Name', ''],
        ['Name', 'x'],
      ],
    ]);
    expect(valuesOf([item(52.5, 490, 'Isocenter:'), item(145, 490, '1, 2, 3')])).toEqual([
      [['Isocentre', '1, 2, 3']],
    ]);
  });

  it('keeps a superscript on its line and joins words by their gaps', () => {
    const page = layoutPage({
      page: 1,
      items: [
        item(108.15, 730.5, '®', 13.33),
        item(49.5, 724.42, 'alignRT', 16),
        item(122.42, 724.42, 'Treatment Report', 16),
        item(49.5, 708, 'Report Date/Time: 3/2/2026 8:23 AM', 9),
      ],
    });
    // Widths here are estimates: what matters is one line, in x order, with the ® attached.
    expect(page.lines.map((l) => l.text)).toEqual([
      expect.stringMatching(/^alignRT ?® Treatment Report$/),
      'Report Date/Time: 3/2/2026 8:23 AM',
    ]);
    expect(page.lines[0]!.y).toBe(724.42);
  });

  it('separates lines 10.5 pt apart at 9.5 pt (the statement) and ignores rotated text', () => {
    const page = layoutPage({
      page: 1,
      items: [
        item(56.25, 585.75, 'The AlignRT system was used'),
        item(56.25, 575.25, 'treatment in 3D mode.'),
        { ...item(75, 600, 'L/R mm', 8), upright: false },
      ],
    });
    expect(page.lines.map((l) => l.text)).toEqual(['The AlignRT system was used', 'treatment in 3D mode.']);
  });

  it('keeps one copy of a word drawn twice to look bold', () => {
    const page = layoutPage({ page: 1, items: [item(52.5, 684, 'STATEMENT'), item(52.8, 684, 'STATEMENT')] });
    expect(page.lines.map((l) => l.text)).toEqual(['STATEMENT']);
  });

  // A damaged or hostile PDF may put a page's whole text (up to maxCharsPerPage) on one line. Joining
  // it tested the end of a growing string per character, which took minutes at this size (the test
  // runner's timeout stops it); joined once, it takes a fraction of a second.
  it('joins a line of 1,000,000 characters in one pass, white space runs as one space', () => {
    const text = 'ab  \t'.repeat(200_000);
    const page = layoutPage({ page: 1, items: [item(52.5, 684, text)] });
    const line = page.lines[0]!;
    expect(line.text).toBe('ab '.repeat(200_000).trimEnd());
    expect(line.charX).toHaveLength(line.text.length);
    expect(line.itemX).toHaveLength(line.text.length);
  });
});
