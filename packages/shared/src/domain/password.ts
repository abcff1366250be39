import { foldVietnamese } from './vietnameseText.ts';

export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem = 'too_short' | 'too_few_kinds' | 'contains_username' | 'common';

/** A short list of passwords seen first in every breach and in Vietnamese offices. */
const commonPasswords = new Set([
  '123456789',
  '1234567890',
  'password',
  'password1',
  'password123',
  'matkhau',
  'matkhau123',
  'qwertyuiop',
  'abc123456',
  'admin12345',
  '1qaz2wsx3edc',
  'iloveyou',
  'treem12345',
]);

/**
 * The strength rule: at least 10 characters, at least three of lower case / upper case / digit / symbol, not the
 * username, not a well-known password. Returns the problems found (empty = acceptable).
 */
export function checkPasswordStrength(password: string, username = ''): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length;
  if (kinds < 3) problems.push('too_few_kinds');
  const folded = foldVietnamese(password).replace(/ /g, '');
  if (username && folded.includes(foldVietnamese(username).replace(/ /g, '')))
    problems.push('contains_username');
  if (commonPasswords.has(password.toLowerCase())) problems.push('common');
  return problems;
}

/**
 * A temporary password that passes the strength rule: four groups of letters and digits joined by hyphens.
 * Uses the platform's cryptographic random source (Node ≥ 20 and browsers both have `crypto.getRandomValues`).
 */
export function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  const groups = chars.match(/.{4}/g) ?? [];
  // Guarantee the three character kinds the rule asks for.
  return `${groups.join('-')}-Aa9`;
}
