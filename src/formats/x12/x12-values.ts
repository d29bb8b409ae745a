import type { Procedure } from '../../core/model/remittance.js';

/** An element value read, or why it cannot be (never quoting the value: it may be PHI). */
export type Value<T> = { ok: true; value: T } | { ok: false; message: string };

const AMOUNT = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * X12 R (decimal) amount → integer cents without floating point: `-12.5` → -1250. Digits beyond the
 * cents must be zeros (`1.500`); anything else (`1.005`, `1e3`, `12,00`) is refused.
 */
export function parseCents(text: string): Value<number> {
  const m = AMOUNT.exec(text.trim());
  const whole = m?.[2] ?? '';
  const fraction = m?.[3] ?? '';
  if (m === null || (whole === '' && fraction === ''))
    return { ok: false, message: 'is not a decimal amount' };
  if (/[1-9]/.test(fraction.slice(2)))
    return { ok: false, message: 'has more than 2 decimals (not a whole number of cents)' };
  const digits = (whole + fraction.slice(0, 2).padEnd(2, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { ok: false, message: 'is too large an amount' };
  const cents = Number(digits);
  return { ok: true, value: m[1] === '-' && cents !== 0 ? -cents : cents };
}

/** X12 quantity (units): a plain decimal number such as `1`, `2.00`, `0.5`. */
export function parseQuantity(text: string): Value<number> {
  const t = text.trim();
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t) || t.length > 15) return { ok: false, message: 'is not a quantity' };
  return { ok: true, value: Number(t) };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** CCYYMMDD → `YYYY-MM-DD`, a real calendar date. */
export function parseDate(text: string): Value<string> {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (m === null) return { ok: false, message: 'is not a date CCYYMMDD' };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = mo === 2 && leap ? 29 : (DAYS[mo - 1] ?? 0);
  if (d < 1 || d > max) return { ok: false, message: 'is not a calendar date' };
  return { ok: true, value: `${m[1]}-${m[2]}-${m[3]}` };
}

/** Product/service id qualifiers of composite C003 (HC CPT/HCPCS, NU revenue code, N4 NDC, …). */
const QUALIFIER = /^(AD|ER|HC|HP|IV|N4|N6|NU|UI|WK|ZZ)([^A-Za-z0-9 ])(.+)$/;

/**
 * Composite C003 (`HC:77412:26`) → procedure: component 2 the code, 3–6 the modifiers. When the
 * composite does not contain the file's component separator but reads as a qualifier, another
 * separator and a code (`HC>77412>26`, as in the implementation guide's printed examples), that
 * separator is used and `guessed` is set (a warning for the caller).
 */
export function parseProcedure(
  composite: string,
  component: string,
): { procedure: Procedure; guessed: boolean } | null {
  let parts = composite.split(component);
  let guessed = false;
  if (parts.length === 1) {
    const m = QUALIFIER.exec(composite);
    if (m !== null) {
      parts = composite.split(m[2]!);
      guessed = true;
    }
  }
  const code = (parts[1] ?? '').trim();
  if (code === '') return null;
  const modifiers = parts
    .slice(2, 6)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return { procedure: { code, modifiers }, guessed };
}
