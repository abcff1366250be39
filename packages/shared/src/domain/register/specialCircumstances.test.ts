import { expect, test } from 'vitest';
import {
  defaultAtRiskFlags,
  findSpecialCircumstanceGroup,
  findSubGroup,
  type SpecialCircumstanceGroup,
  specialCircumstanceGroups,
} from './specialCircumstances.ts';

const groups: readonly SpecialCircumstanceGroup[] = specialCircumstanceGroups;
const allTexts = groups.flatMap((g) => [
  g.vi,
  g.en,
  ...(g.definition ? [g.definition.vi, g.definition.en] : []),
  ...g.subGroups.flatMap((s) => [s.vi, s.en]),
]);

test('there are the 14 statutory groups, lettered as in Art. 10(1) (no f, no j)', () => {
  expect(groups.map((g) => g.clause)).toEqual([
    'a',
    'b',
    'c',
    'd',
    'đ',
    'e',
    'g',
    'h',
    'i',
    'k',
    'l',
    'm',
    'n',
    'o',
  ]);
  expect(new Set(groups.map((g) => g.code)).size).toBe(14);
});

test('every group has a Vietnamese name (with its diacritics) and an English name', () => {
  for (const g of groups) {
    expect(g.vi).toMatch(/^Trẻ em /);
    expect(g.en.trim()).not.toBe('');
    expect(g.en).not.toMatch(/[^\x20-\x7e’]/);
  }
});

test('the groups follow Decree 56/2017 Art. 3 to 16, one article each, and cite it', () => {
  expect(groups.map((g) => g.article)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  for (const g of groups) expect(g.source).toContain(`Nghị định 56/2017/NĐ-CP, Điều ${g.article} `);
});

test('sub-group codes are unique and are their group’s code followed by the Decree’s clause number', () => {
  const codes = groups.flatMap((g) => g.subGroups.map((s) => s.code));
  expect(new Set(codes).size).toBe(codes.length);
  for (const g of groups) {
    // Clauses are numbered 1..n without gaps, so a missing clause would show up here.
    expect(g.subGroups.map((s) => s.clause)).toEqual(g.subGroups.map((_, i) => i + 1));
    for (const s of g.subGroups) expect(s.code).toBe(`${g.code}${s.clause}`);
  }
});

test('the sub-group tables are complete, and only the two single-sentence articles have none', () => {
  expect(groups.filter((g) => !g.subGroupsComplete).map((g) => g.code)).toEqual([]);
  expect(groups.filter((g) => g.subGroups.length === 0).map((g) => g.code)).toEqual(['dd', 'i']);
  for (const g of groups) expect(g.subGroups.length === 0).toBe(g.definition !== undefined);
  expect(groups.map((g) => g.subGroups.length)).toEqual([4, 2, 12, 3, 0, 4, 2, 2, 0, 5, 5, 2, 2, 3]);
});

test('every sub-group restates its group in the Decree’s words, and every text has a translation', () => {
  for (const g of groups) {
    for (const s of g.subGroups) {
      expect(s.vi).toMatch(/^Trẻ em /);
      expect(s.vi).not.toMatch(/\.$/);
      expect(s.en.trim()).not.toBe('');
    }
  }
});

test('all texts are in Unicode NFC, so stored codes and search folding see one spelling', () => {
  for (const text of allTexts) expect(text).toBe(text.normalize('NFC'));
});

test('spot checks against the Decree’s wording', () => {
  expect(findSubGroup('c', 'c11')?.vi).toBe(
    'Trẻ em sống trong gia đình có cả cha và mẹ trong độ tuổi trẻ em',
  );
  expect(findSubGroup('d', 'd1')?.vi).toBe('Trẻ em khuyết tật đặc biệt nặng');
  expect(findSubGroup('l', 'l3')?.vi).toBe('Trẻ em bị giao cấu');
  expect(findSubGroup('h', 'h1')?.vi).toContain('phổ cập');
  expect(findSubGroup('o', 'o2')?.vi).toBe(
    'Trẻ em có quốc tịch nước ngoài di cư, lánh nạn, tị nạn không có người chăm sóc',
  );
});

test('findSubGroup returns the sub-group of the given group', () => {
  expect(findSubGroup('c', 'c12')).toMatchObject({ code: 'c12', clause: 12 });
  expect(findSubGroup('a', 'a4')?.en).toMatch(/alternative care/);
});

test('findSubGroup returns undefined for an unknown code or a sub-group of another group', () => {
  expect(findSubGroup('c', 'c13')).toBeUndefined();
  expect(findSubGroup('a', 'b1')).toBeUndefined();
  expect(findSubGroup('d', 'dd1')).toBeUndefined();
  expect(findSubGroup('dd', 'd1')).toBeUndefined();
  expect(findSubGroup('f', 'f1')).toBeUndefined();
  expect(findSubGroup('C', 'C1')).toBeUndefined();
});

test('findSpecialCircumstanceGroup finds a group by code and nothing for an unknown code', () => {
  expect(findSpecialCircumstanceGroup('dd')?.clause).toBe('đ');
  expect(findSpecialCircumstanceGroup('j')).toBeUndefined();
});

test('at-risk flag codes are unique', () => {
  expect(new Set(defaultAtRiskFlags.map((f) => f.code)).size).toBe(defaultAtRiskFlags.length);
});
