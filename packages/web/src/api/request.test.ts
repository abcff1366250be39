import { describe, expect, test } from 'vitest';
import {
  buildPath,
  buildQueryString,
  buildUrl,
  fileNameFromDisposition,
  issuesByField,
  parseErrorBody,
  uploadContentType,
} from './request.ts';

describe('buildPath', () => {
  test('substitutes and encodes path parameters', () => {
    expect(buildPath('/api/org-units/:id/villages', { id: 'a b/c' })).toBe(
      '/api/org-units/a%20b%2Fc/villages',
    );
    expect(buildPath('/api/org-units/roots', undefined)).toBe('/api/org-units/roots');
  });

  test('refuses to build a path with a missing parameter', () => {
    expect(() => buildPath('/api/users/:id', {})).toThrow(/id/);
  });
});

describe('buildQueryString', () => {
  test('leaves out empty values and writes booleans and numbers as text', () => {
    expect(
      buildQueryString({ search: 'hòa bình', page: 2, includeHistory: true, parentId: undefined, q: '' }),
    ).toBe('?search=h%C3%B2a+b%C3%ACnh&page=2&includeHistory=true');
    expect(buildQueryString({})).toBe('');
  });

  test('repeats the key for arrays', () => {
    expect(buildQueryString({ id: ['a', 'b'] })).toBe('?id=a&id=b');
  });

  test('joins path and query', () => {
    expect(buildUrl('/api/users/:id', { id: 'x' }, { page: 1 })).toBe('/api/users/x?page=1');
  });
});

describe('parseErrorBody', () => {
  test('reads the server error shape', () => {
    const parsed = parseErrorBody(423, {
      error: { code: 'ACCOUNT_LOCKED', requestId: 'r1', details: { lockedUntil: '2025-01-01T00:00:00Z' } },
    });
    expect(parsed).toEqual({
      code: 'ACCOUNT_LOCKED',
      requestId: 'r1',
      details: { lockedUntil: '2025-01-01T00:00:00Z' },
      issues: [],
    });
  });

  test('falls back to a code chosen by status for unknown codes and foreign bodies', () => {
    expect(parseErrorBody(502, '<html>Bad gateway</html>').code).toBe('INTERNAL_ERROR');
    expect(parseErrorBody(401, { error: { code: 'SOMETHING_NEW' } }).code).toBe('UNAUTHENTICATED');
    expect(parseErrorBody(418, null).code).toBe('UNKNOWN_ERROR');
  });

  test('keeps only well-formed field issues', () => {
    const parsed = parseErrorBody(400, {
      error: {
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'body.username', code: 'too_small', message: 'x' }, 42],
      },
    });
    expect(parsed.issues).toEqual([{ path: 'body.username', code: 'too_small', message: 'x' }]);
  });
});

describe('issuesByField', () => {
  test('maps body paths onto form fields, array items onto the array, first issue wins', () => {
    const byField = issuesByField([
      { path: 'body.username', code: 'too_small', message: '' },
      { path: 'body.username', code: 'invalid_format', message: '' },
      { path: 'body.scopeOrgUnitIds.0', code: 'invalid_format', message: '' },
      { path: 'query.page', code: 'too_small', message: '' },
    ]);
    expect([...byField.keys()]).toEqual(['username', 'scopeOrgUnitIds']);
    expect(byField.get('username')?.code).toBe('too_small');
  });
});

describe('file helpers', () => {
  test('reads the UTF-8 file name of a download before the plain one', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="So-theo-doi-tre-em.pdf"; filename*=UTF-8''S%E1%BB%95%20theo%20d%C3%B5i.pdf`,
        'x.pdf',
      ),
    ).toBe('Sổ theo dõi.pdf');
    expect(fileNameFromDisposition('attachment; filename="export.csv"', 'x.csv')).toBe('export.csv');
    expect(fileNameFromDisposition('attachment; filename=plain.xlsx', 'x')).toBe('plain.xlsx');
  });

  test('falls back when the header is missing or names nothing usable', () => {
    expect(fileNameFromDisposition(null, 'fallback.pdf')).toBe('fallback.pdf');
    expect(fileNameFromDisposition('attachment', 'fallback.pdf')).toBe('fallback.pdf');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A`, 'fallback.pdf')).toBe(
      'fallback.pdf',
    );
  });

  test('chooses the upload content type from the extension', () => {
    expect(uploadContentType('So ho.XLSX')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(uploadContentType('danh-sach.csv')).toBe('text/csv');
    expect(uploadContentType('du-lieu.xls')).toBe('application/octet-stream');
    expect(uploadContentType('khong-duoi')).toBe('application/octet-stream');
  });
});
