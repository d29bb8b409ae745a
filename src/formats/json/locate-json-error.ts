/**
 * Where JSON text first goes wrong, for the error message when JSON.parse fails (V8 names a position
 * for some errors only). An iterative scanner: deep nesting cannot overflow the stack.
 */
export interface JsonSyntaxError {
  offset: number;
  expected: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// Raw control characters (U+0000–U+001F) are not allowed inside JSON strings (RFC 8259 §7).
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

export function locateJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  // What may come next: a value, a key (after '{' or ','), ':' or a separator/closer.
  let state: 'value' | 'key-or-close' | 'key' | 'colon' | 'after-value' | 'value-or-close' = 'value';
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const fail = (expected: string): JsonSyntaxError => ({ offset: i, expected });
  const match = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  for (;;) {
    skip();
    if (i >= text.length) {
      return stack.length === 0 && state === 'after-value'
        ? null
        : fail('more input (the text ends too early)');
    }
    const c = text[i]!;
    if (state === 'value' || state === 'value-or-close') {
      if (state === 'value-or-close' && c === ']') {
        stack.pop();
        i++;
        state = 'after-value';
      } else if (c === '{') {
        stack.push('{');
        i++;
        state = 'key-or-close';
      } else if (c === '[') {
        stack.push('[');
        i++;
        state = 'value-or-close';
      } else if (c === '"') {
        if (!match(STRING)) return fail('a properly closed string without raw control characters');
        state = 'after-value';
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
        state = 'after-value';
      } else if (text.startsWith('false', i)) {
        i += 5;
        state = 'after-value';
      } else if (match(NUMBER)) {
        state = 'after-value';
      } else return fail('a value (object, array, string, number, true, false or null)');
    } else if (state === 'key' || state === 'key-or-close') {
      if (state === 'key-or-close' && c === '}') {
        stack.pop();
        i++;
        state = 'after-value';
      } else if (c === '"' && match(STRING)) state = 'colon';
      else return fail('a double-quoted property name');
    } else if (state === 'colon') {
      if (c !== ':') return fail("':' after the property name");
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return fail('the end of the document');
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
      } else return fail(top === '{' ? "',' or '}'" : "',' or ']'");
    }
  }
}
