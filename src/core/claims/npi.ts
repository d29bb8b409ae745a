/**
 * Whether a National Provider Identifier is well formed: 10 digits whose last is the Luhn check digit
 * computed over the prefix `80840` and the first nine digits [C: CMS, "Requirements for NPI check digit",
 * NPPES; ISO/IEC 7812 card issuer prefix 80840].
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
