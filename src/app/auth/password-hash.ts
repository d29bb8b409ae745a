import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet minimum: "Use Argon2id with a minimum
 * configuration of 19 MiB of memory, an iteration count of 2, and 1 degree of parallelism"
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id).
 * A random 16-byte salt per password; stored as the encoded PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash),
 * so the parameters travel with each hash and can be raised later.
 */
export const ARGON2ID_PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 };

export async function hashPassword(password: string): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    ...ARGON2ID_PARAMS,
    outputType: 'encoded',
  });
}

/** False for a wrong password and for a hash that is not an argon2 PHC string. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash: encoded });
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * A hash to verify against when the email matches no user, so that an unknown email costs the same
 * work as a wrong password (no user enumeration by timing).
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
