import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_VERSION, defaultTemplate, TEMPLATE_PLACEHOLDERS } from './default-templates.js';
import { LETTER_TYPES } from './letter-types.js';
import { renderTemplate } from './render-template.js';

const ALL = Object.fromEntries(TEMPLATE_PLACEHOLDERS.map((p) => [p.name, 'x']));

describe('renderTemplate', () => {
  it.each<[string, string, Record<string, string | string[]>, string]>([
    [
      'inline values',
      'Dear {{payer}}, re {{ course }}.',
      { payer: 'Plan', course: 'C-1' },
      'Dear Plan, re C-1.',
    ],
    [
      'a block alone on its line becomes lines',
      'A\n{{list}}\nB',
      { list: ['- one', '- two'] },
      'A\n- one\n- two\nB',
    ],
    ['an empty block removes its line', 'A\n\n{{list}}\n\nB', { list: [] }, 'A\n\nB'],
    [
      'a block inside a sentence is joined',
      'Codes: {{list}}.',
      { list: ['CO-45', 'PR-2'] },
      'Codes: CO-45; PR-2.',
    ],
    ['CRLF and trailing spaces are tidied', 'A  \r\n\r\n\r\n\r\nB', {}, 'A\n\nB'],
    ['a value is not re-read as a template', '{{a}}', { a: '{{b}}' }, '{{b}}'],
    // A heading is never printed over nothing (the prior-authorization "Code criteria:" of an SBRT course).
    [
      'a heading over an empty block goes with it',
      'A\n\nCode criteria:\n\n{{list}}\n\nB',
      { list: [] },
      'A\n\nB',
    ],
    ['a heading over an empty block at the end', 'A\n\nCode criteria:\n{{list}}', { list: [] }, 'A'],
    ['a heading over an empty then a full block stays', 'H:\n{{a}}\n{{b}}', { a: [], b: ['- x'] }, 'H:\n- x'],
    ['a heading over two empty blocks goes', 'A\n\nH:\n\n{{a}}\n\n{{b}}\n\nB', { a: [], b: '' }, 'A\n\nB'],
    ['a heading over a full block stays', 'H:\n\n{{list}}', { list: ['- one'] }, 'H:\n\n- one'],
    [
      'a sentence ending in ":" inside a paragraph stays',
      'A\nsays:\n{{list}}\nB',
      { list: [] },
      'A\nsays:\nB',
    ],
  ])('%s', (_, template, values, expected) => {
    const r = renderTemplate(template, values);
    expect(r.problems).toEqual([]);
    expect(r.text).toBe(expected);
  });

  it.each<[string, string, { location: string; message: string }[]]>([
    [
      'an unknown placeholder',
      'Hi\n  {{who}} and {{payer}}',
      [{ location: '2:3', message: 'unknown placeholder {{who}}' }],
    ],
    [
      'an unclosed placeholder',
      'Dear {{payer',
      [{ location: '1:6', message: 'a placeholder is not closed or not a name: write {{name}}' }],
    ],
    [
      'a placeholder that is not a name',
      '{{ 1 }}',
      [{ location: '1:1', message: 'a placeholder is not closed or not a name: write {{name}}' }],
    ],
  ])('%s is a located problem', (_, template, problems) => {
    expect(renderTemplate(template, { payer: 'P' }).problems).toEqual(problems);
  });
});

describe('default templates', () => {
  it.each(LETTER_TYPES.map((t) => [t]))('%s uses only known placeholders', (type) => {
    expect(renderTemplate(defaultTemplate(type), ALL).problems).toEqual([]);
    expect(DEFAULT_TEMPLATE_VERSION).toBe(0);
  });

  it('placeholder names are unique', () => {
    expect(new Set(TEMPLATE_PLACEHOLDERS.map((p) => p.name)).size).toBe(TEMPLATE_PLACEHOLDERS.length);
  });
});
