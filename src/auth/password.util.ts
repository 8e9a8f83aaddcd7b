// Password hashing with argon2id (OWASP's first choice); verification takes as long for unknown users as for known ones.
import { hash, verify } from 'argon2';

let dummy: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { type: 2 /* argon2id */ });
}

/** True when `password` matches `stored`; with no stored hash, still spends the time of a check (no user enumeration). */
export async function verifyPassword({ stored, password }: { stored: string | undefined; password: string }): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword('serviceflow-no-such-user');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
