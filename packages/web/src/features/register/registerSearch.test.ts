import { api } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import {
  hasPersonFilters,
  parseHouseholdsSearch,
  parsePersonsSearch,
  sortFromTable,
  tableSortOrder,
  toExportQuery,
  toHouseholdListQuery,
  toPersonListQuery,
} from './registerSearch.ts';

const unitId = '0190a8f2-7c1e-7d3a-9b2c-1234567890ab';

describe('person list filters in the URL', () => {
  test('reads every filter a user can set', () => {
    expect(
      parsePersonsSearch({
        q: '  nguyen   thi hang ',
        pid: '001 2030 12345',
        unit: unitId.toUpperCase(),
        sex: 'female',
        ageFrom: '2',
        ageTo: 6,
        circ: 'dd',
        flag: 'parents_away',
        kind: 'all',
        inactive: 'true',
        noId: true,
        sort: 'birthDate',
        order: 'desc',
        page: '3',
        size: '50',
      }),
    ).toEqual({
      q: 'nguyen thi hang',
      pid: '001203012345',
      unit: unitId,
      sex: 'female',
      ageFrom: 2,
      ageTo: 6,
      circ: 'dd',
      flag: 'parents_away',
      kind: 'all',
      inactive: true,
      noId: true,
      sort: 'birthDate',
      order: 'desc',
      page: 3,
      size: 50,
    });
  });

  test('drops what the server would refuse, so a hand-edited URL cannot break the page', () => {
    const parsed = parsePersonsSearch({
      q: '   ',
      pid: '12',
      unit: 'not-a-uuid',
      sex: 'other',
      ageFrom: '-1',
      ageTo: '2.5',
      circ: 'f',
      flag: 'DROP TABLE',
      kind: 'child',
      inactive: 'yes',
      sort: 'password',
      order: 'sideways',
      page: '1',
      size: '7',
    });
    expect(Object.values(parsed).every((value) => value === undefined)).toBe(true);
    expect(hasPersonFilters(parsed)).toBe(false);
  });

  test('turns a reversed age range round', () => {
    expect(parsePersonsSearch({ ageFrom: 10, ageTo: 3 })).toMatchObject({ ageFrom: 3, ageTo: 10 });
  });

  test('accepts "any" for circumstance and flag', () => {
    expect(parsePersonsSearch({ circ: 'any', flag: 'any' })).toMatchObject({ circ: 'any', flag: 'any' });
  });

  test('builds a list query the contract accepts, with defaults for what the URL leaves out', () => {
    const query = toPersonListQuery(parsePersonsSearch({ q: 'hằng', ageFrom: '0', noId: '1' }));
    expect(query).toMatchObject({
      search: 'hằng',
      ageFrom: 0,
      kind: 'child',
      missingPersonalId: 'true',
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: 20,
    });
    expect(api.register.listPersons.query.safeParse(query).success).toBe(true);
  });

  test('exports exactly the filters on screen, without paging', () => {
    const search = parsePersonsSearch({ unit: unitId, circ: 'a', page: 4, sort: 'village' });
    const query = toExportQuery(search, 'csv');
    expect(query).not.toHaveProperty('page');
    expect(query).toMatchObject({ orgUnitId: unitId, circumstance: 'a', sort: 'village', format: 'csv' });
    expect(api.registerFiles.exportPersons.query.safeParse(query).success).toBe(true);
  });

  test('knows when a filter narrows the list', () => {
    expect(hasPersonFilters({ page: 2, sort: 'village' })).toBe(false);
    expect(hasPersonFilters({ sex: 'male' })).toBe(true);
  });
});

describe('sorting by column header', () => {
  test('maps antd sort states onto the URL and back', () => {
    expect(sortFromTable('birthDate', 'descend')).toEqual({ sort: 'birthDate', order: 'desc' });
    expect(sortFromTable('name', 'ascend')).toEqual({ sort: undefined, order: undefined });
    expect(sortFromTable('village', null)).toEqual({ sort: undefined, order: undefined });
    expect(sortFromTable('age', 'ascend')).toEqual({ sort: undefined, order: undefined });
    expect(tableSortOrder({}, 'name')).toBe('ascend');
    expect(tableSortOrder({ sort: 'village', order: 'desc' }, 'village')).toBe('descend');
    expect(tableSortOrder({ sort: 'village' }, 'name')).toBeNull();
  });
});

describe('household list filters in the URL', () => {
  test('reads and converts the household filters', () => {
    const search = parseHouseholdsSearch({ q: 'Số 12', unit: unitId, poverty: 'near_poor', inactive: '1' });
    expect(search).toEqual({
      q: 'Số 12',
      unit: unitId,
      poverty: 'near_poor',
      inactive: true,
      page: undefined,
      size: undefined,
    });
    const query = toHouseholdListQuery(search);
    expect(query).toMatchObject({ povertyStatus: 'near_poor', includeInactive: 'true', page: 1 });
    expect(api.register.listHouseholds.query.safeParse(query).success).toBe(true);
    expect(parseHouseholdsSearch({ poverty: 'rich' }).poverty).toBeUndefined();
  });
});
