import { LoginRequest, UserCreate } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { format } from './format.ts';
import { vi } from './vi.ts';
import { zodIssueMessage } from './zodErrors.ts';

function messages(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value, { error: (issue) => zodIssueMessage(issue, vi) });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('zod messages from the catalogue', () => {
  test('says a required field is required', () => {
    expect(messages(LoginRequest, { username: '', password: '' })).toEqual({
      username: vi.validation.required,
      password: vi.validation.required,
    });
  });

  test('names the limits and the formats', () => {
    const result = messages(UserCreate, {
      username: 'ab',
      fullName: 'x'.repeat(200),
      email: 'not-an-email',
      role: 'viewer',
      scopeOrgUnitIds: [],
      password: 'x',
    });
    expect(result.username).toBe(vi.validation.invalidFormat);
    expect(result.fullName).toBe(format(vi.validation.tooLong, { max: 120 }));
    expect(result.email).toBe(vi.validation.invalidEmail);
    expect(result.scopeOrgUnitIds).toBe(format(vi.validation.tooFewItems, { min: 1 }));
  });
});
