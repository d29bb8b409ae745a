import { describe, expect, it } from 'vitest';
import { splitMessages } from './split-messages.js';

const ids = (text: string) => splitMessages(text).map((m) => m.segments.map((s) => s.slice(0, 3)).join(' '));

describe('splitMessages', () => {
  it.each([
    ['CR segments, messages back to back', 'MSH|a\rPID|b\rFT1|c\rMSH|d\rPID|e\r', ['MSH PID FT1', 'MSH PID']],
    ['LF', 'MSH|a\nPID|b\nMSH|d\nFT1|e', ['MSH PID', 'MSH FT1']],
    ['CRLF with blank lines', 'MSH|a\r\nPID|b\r\n\r\nMSH|d\r\nFT1|e\r\n\r\n', ['MSH PID', 'MSH FT1']],
    ['CR CR LF is one terminator', 'MSH|a\r\r\nPID|b\r\r\nFT1|c\r\r\n', ['MSH PID FT1']],
    ['MLLP frames with CR', '\x0bMSH|a\rPID|b\r\x1c\r\x0bMSH|c\rFT1|d\r\x1c\r', ['MSH PID', 'MSH FT1']],
    ['MLLP without the final CR', '\x0bMSH|a\rPID|b\r\x1c\x0bMSH|c\rFT1|d\x1c', ['MSH PID', 'MSH FT1']],
    ['MLLP frames on separate lines', '\x0bMSH|a\rPID|b\x1c\r\n\x0bMSH|c\x1c\r\n', ['MSH PID', 'MSH']],
    ['batch envelope dropped', 'FHS|x\rBHS|y\rMSH|a\rPID|b\rBTS|1\rFTS|1\r', ['MSH PID']],
    ['segments before the first MSH', 'PID|b\rFT1|c\rMSH|a\rPID|b', ['PID FT1', 'MSH PID']],
    ['segments after a blank line are not the message before', 'MSH|a\rPID|b\r\rFT1|c\r', ['MSH PID', 'FT1']],
    ['leading blanks and blank lines', '\n  \n\tMSH|a\n  PID|b\n', ['MSH PID']],
    ['empty', '', []],
    ['only blank lines', '\r\n\r\n \n', []],
  ])('%s', (_name, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('keeps segment text without terminators', () => {
    expect(splitMessages('MSH|^~\\&|A\r\nPID|1||X\r\n')).toEqual([{ segments: ['MSH|^~\\&|A', 'PID|1||X'] }]);
  });
});
