/** `--name 10_000` → 10000; anything but a positive safe integer is refused with the option's name. */
export const positiveInt = (name: string, value: string): number => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`--${name}: expected a positive integer, got "${value}"`);
  return n;
};
