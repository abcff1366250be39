import { describe, expect, test } from 'vitest';
import { referralServiceCodes } from '@treem/shared';
import { referralServiceName, serviceOptionGroups, telHref } from './catalogue.ts';
import {
  isFiltered,
  parseProviderCoverageSearch,
  parseProvidersSearch,
  toProviderListQuery,
} from './providersSearch.ts';

const id = '0193c1a2-7b4e-7c1d-9a51-2f0e8d6b4c3a';

describe('the directory’s URL', () => {
  test('keeps the filters the server accepts and drops everything else', () => {
    expect(
      parseProvidersSearch({
        q: '  trạm y tế ',
        sector: 'police',
        level: 'district',
        service: 'legal_aid',
        domain: 'care',
        area: id.toUpperCase(),
        status: 'inactive',
        page: '3',
        size: '50',
        provider: 'not-an-id',
        colour: 'red',
      }),
    ).toEqual({
      q: 'trạm y tế',
      sector: 'police',
      level: undefined,
      service: 'legal_aid',
      domain: 'care',
      area: id,
      status: 'inactive',
      page: 3,
      size: 50,
      provider: undefined,
    });
    expect(parseProvidersSearch({ status: 'active', page: '1', size: '20', q: '   ' })).toMatchObject({
      status: undefined,
      page: undefined,
      size: undefined,
      q: undefined,
    });
  });

  test('becomes the server query, active providers and 20 a page by default', () => {
    expect(toProviderListQuery({})).toEqual({ status: 'active', page: 1, pageSize: 20 });
    expect(toProviderListQuery({ q: 'hoa sen', area: id, service: 'medical_care', page: 2 })).toEqual({
      search: 'hoa sen',
      coversUnitId: id,
      service: 'medical_care',
      status: 'active',
      page: 2,
      pageSize: 20,
    });
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ page: 2 })).toBe(false);
    expect(isFiltered({ status: 'all' })).toBe(true);
  });

  test('the coverage page keeps only a unit id', () => {
    expect(parseProviderCoverageSearch({ unit: id, other: 1 })).toEqual({ unit: id });
    expect(parseProviderCoverageSearch({ unit: 'vn.p01' })).toEqual({ unit: undefined });
  });
});

describe('the catalogue on screen', () => {
  test('offers every referral service once, under its domain', () => {
    const groups = serviceOptionGroups('vi');
    expect(groups).toHaveLength(6);
    expect(groups.flatMap((g) => g.options.map((o) => o.value)).sort()).toEqual(
      [...referralServiceCodes].sort(),
    );
    expect(referralServiceName('legal_aid', 'vi')).toBe('Trợ giúp pháp lý');
    expect(referralServiceName('legal_aid', 'en')).toBe('Legal aid');
  });

  test('dials a number as written, without spaces or dots', () => {
    expect(telHref('0214 3812.345')).toBe('tel:02143812345');
    expect(telHref('+84 912 345 678')).toBe('tel:+84912345678');
    expect(telHref('111')).toBe('tel:111');
  });
});
