// Local password login is for demo and development; production uses OIDC (e-legitimation).
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** A fixed hash to verify against when the user does not exist, so timing does not reveal usernames. */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c3RlZ3Zpcy1kdW1teQ$0fZ3xVfC8aLCj4rjXyB9k6p1GQz1Oe6lTjJ6cQ8wRkQ';

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}
