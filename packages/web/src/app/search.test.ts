import { describe, expect, test } from 'vitest';
import { parseOrgUnitsSearch, parseUsersSearch, safeRedirect } from './search.ts';

describe('safeRedirect', () => {
  test('keeps same-origin paths', () => {
    expect(safeRedirect('/org-units?parent=abc')).toBe('/org-units?parent=abc');
  });

  test('drops anything that could leave the site or loop back to sign-in', () => {
    for (const value of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/login',
      42,
      undefined,
    ]) {
      expect(safeRedirect(value)).toBeUndefined();
    }
  });
});

describe('route search parsing', () => {
  test('drops unknown roles, statuses and nonsense pages', () => {
    expect(parseUsersSearch({ role: 'emperor', status: 'active', page: '-3', q: '  lan ' })).toEqual({
      q: 'lan',
      role: undefined,
      status: 'active',
      page: undefined,
    });
  });

  test('reads flags from the URL', () => {
    expect(parseOrgUnitsSearch({ history: 'true', closed: false, page: 3 })).toMatchObject({
      history: true,
      closed: undefined,
      page: 3,
    });
  });
});
