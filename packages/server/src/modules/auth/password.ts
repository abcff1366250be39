import { hash, verify } from '@node-rs/argon2';
import { AppError, checkPasswordStrength } from '@treem/shared';

// argon2id (the library default) with OWASP's 19 MiB / 2 passes / 1 lane.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Compared against when the username is unknown, so the answer takes as long as for a real account. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('treem-no-such-user-placeholder');
  return dummyHash;
}

export function assertStrongPassword(password: string, username: string): void {
  const problems = checkPasswordStrength(password, username);
  if (problems.length > 0) throw new AppError('WEAK_PASSWORD', { problems });
}
