import {
  checkPersonalId,
  defaultAtRiskFlags,
  foldVietnamese,
  specialCircumstanceGroups,
  type PlainDate,
} from '@treem/shared';
import { describe, expect, test } from 'vitest';
import { checkPersonFacts } from '../modules/register/personRules.ts';
import {
  ageOn,
  duplicateVariations,
  generateRegister,
  generateRegisterHouseholds,
  type PersonRow,
  type RegisterGeneratorOptions,
  type RegisterVillage,
} from './registerGenerator.ts';

const TODAY: PlainDate = '2026-11-25';

function villages(count: number, households: number, commune = '00004'): RegisterVillage[] {
  return Array.from({ length: count }, (_, i) => {
    const label = String(i).padStart(12, '0');
    return {
      id: `0190a000-0000-7000-8000-${label}`,
      path: `vn.p01.c${commune}.v${label}`,
      fullName: `Thôn Thử ${i + 1}`,
      communeName: 'Hòa Lạc',
      urban: i % 5 === 0,
      households,
    };
  });
}

const options = (overrides: Partial<RegisterGeneratorOptions> = {}): RegisterGeneratorOptions => ({
  seed: 42,
  today: TODAY,
  villages: villages(4, 30),
  ...overrides,
});

// One large run shared by the distribution tests: ~12,000 households, ~30,000 children.
const large = generateRegister(options({ seed: 20260701, villages: villages(60, 200) }));
const duplicateIds = new Set(large.duplicates.map((d) => d.duplicateId));
const isChild = (p: PersonRow) => ageOn(p.birth_date, TODAY) < 16;
const children = large.persons.filter((p) => isChild(p) && !duplicateIds.has(p.id));
const byId = new Map(large.persons.map((p) => [p.id, p]));

describe('determinism', () => {
  test('the same seed gives the same households, persons, ids and duplicates', () => {
    expect(generateRegister(options())).toEqual(generateRegister(options()));
  });

  test('a different seed gives a different register', () => {
    const a = generateRegister(options());
    const b = generateRegister(options({ seed: 43 }));
    expect(b.persons.map((p) => p.id)).not.toEqual(a.persons.map((p) => p.id));
    expect(b.persons.map((p) => p.full_name)).not.toEqual(a.persons.map((p) => p.full_name));
  });

  test('a subset of villages is generated exactly as in the whole run', () => {
    const all = [...generateRegisterHouseholds(options())];
    const subset = [...generateRegisterHouseholds(options(), new Set([2]))];
    expect(subset.length).toBe(30);
    expect(subset).toEqual(all.filter((h) => h.villageIndex === 2));
  });
});

describe('distribution', () => {
  test('generates the requested households with 1–4 children each on average ~2.5', () => {
    expect(large.households).toHaveLength(12_000);
    const perHousehold = children.length / large.households.length;
    expect(perHousehold).toBeGreaterThan(2.3);
    expect(perHousehold).toBeLessThan(2.7);
  });

  test('children are 0–15 with every age present and a sex ratio near 1.12', () => {
    const ages = new Set(children.map((c) => ageOn(c.birth_date, TODAY)));
    expect([...ages].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(children.every((c) => c.birth_date <= TODAY)).toBe(true);
    const boys = children.filter((c) => c.sex === 'male').length;
    const ratio = boys / (children.length - boys);
    expect(ratio).toBeGreaterThan(1.06);
    expect(ratio).toBeLessThan(1.18);
  });

  test('2–4% of children are currently in a special circumstance, with valid groups and sub-groups', () => {
    const open = large.circumstances.filter((c) => c.valid_to === null);
    const inGroup = new Set(open.map((c) => c.person_id));
    const share = inGroup.size / children.length;
    expect(share).toBeGreaterThanOrEqual(0.02);
    expect(share).toBeLessThanOrEqual(0.04);
    const groups = new Map<string, readonly { code: string }[]>(
      specialCircumstanceGroups.map((g) => [g.code, g.subGroups]),
    );
    for (const c of large.circumstances) {
      expect(groups.has(c.group_code)).toBe(true);
      if (c.sub_group_code) expect(groups.get(c.group_code)!.map((s) => s.code)).toContain(c.sub_group_code);
      const person = byId.get(c.person_id)!;
      expect(c.valid_from >= person.birth_date && c.valid_from <= TODAY).toBe(true);
      if (c.group_code === 'd') expect(person.disability_type).not.toBeNull();
    }
    // several groups, not one
    expect(new Set(open.map((c) => c.group_code)).size).toBeGreaterThanOrEqual(8);
  });

  test('at-risk flags come from the default catalogue', () => {
    const codes = new Set<string>(defaultAtRiskFlags.map((f) => f.code));
    expect(large.flags.length).toBeGreaterThan(0);
    for (const flag of large.flags) expect(codes.has(flag.flag_code)).toBe(true);
  });

  test('3–8% of households are poor and about 5% near-poor', () => {
    const poor = large.households.filter((h) => h.poverty_status === 'poor').length / 12_000;
    const nearPoor = large.households.filter((h) => h.poverty_status === 'near_poor').length / 12_000;
    expect(poor).toBeGreaterThanOrEqual(0.03);
    expect(poor).toBeLessThanOrEqual(0.08);
    expect(nearPoor).toBeGreaterThanOrEqual(0.03);
    expect(nearPoor).toBeLessThanOrEqual(0.08);
  });

  test('names are NFC, carry Vietnamese marks, and fold to name_search', () => {
    for (const person of large.persons) {
      expect(person.full_name).toBe(person.full_name.normalize('NFC'));
      expect(person.name_search).toBe(foldVietnamese(person.full_name));
      if (!duplicateIds.has(person.id)) expect(person.full_name).toMatch(/[\u0080-\uffff]/);
    }
  });

  test('never makes the given names the browser tests register (Khánh Linh, Gia Bảo)', () => {
    for (const person of large.persons) {
      expect(person.name_search).not.toMatch(/khanh linh|gia bao/);
    }
  });

  test('minority households get their own names when the mix asks for them', () => {
    const hmong = generateRegister(options({ ethnicMix: [{ code: '08', share: 1 }] }));
    expect(hmong.persons.every((p) => p.ethnicity_code === '08')).toBe(true);
    expect(
      hmong.persons.filter((p) => p.sex === 'male').every((p) => p.full_name.split(' ')[1] === 'A'),
    ).toBe(true);
    const mix = new Set(large.persons.map((p) => p.ethnicity_code));
    expect(mix.has('01') && mix.size).toBeGreaterThan(3);
  });

  test('personal IDs are valid for the person, unique, and missing for 5–10% of children', () => {
    const missing = children.filter((c) => c.personal_id === null).length / children.length;
    expect(missing).toBeGreaterThanOrEqual(0.05);
    expect(missing).toBeLessThanOrEqual(0.1);
    const seen = new Set<string>();
    for (const person of large.persons) {
      if (!person.personal_id) continue;
      expect(
        checkPersonalId(person.personal_id, { sex: person.sex, dateOfBirth: person.birth_date }),
      ).toEqual([]);
      if (duplicateIds.has(person.id)) continue;
      expect(seen.has(person.personal_id)).toBe(false);
      seen.add(person.personal_id);
    }
  });

  test('every person passes the register rules the API and import apply', () => {
    for (const person of large.persons) {
      const problems = checkPersonFacts({
        sex: person.sex,
        birthDate: person.birth_date,
        birthDatePrecision: person.birth_date_precision,
        personalId: person.personal_id,
        birthRegistrationDate: person.birth_registration_date,
        today: TODAY,
      });
      expect(problems, `${person.full_name} ${person.birth_date}`).toEqual([]);
    }
  });

  test('households and parent links hold together', () => {
    const households = new Map(large.households.map((h) => [h.id, h]));
    for (const household of large.households) {
      const head = byId.get(household.head_person_id!);
      expect(head?.household_id).toBe(household.id);
      expect(head?.relationship_to_head).toBe('head');
    }
    for (const person of large.persons) {
      const household = households.get(person.household_id!)!;
      expect(person.village_id).toBe(household.village_id);
      expect(person.org_path).toBe(household.org_path);
      expect(person.province_code).toBe('01');
      if (person.mother_id) {
        const mother = byId.get(person.mother_id)!;
        expect(mother.sex).toBe('female');
        expect(mother.household_id).toBe(person.household_id);
        expect(mother.birth_date < person.birth_date).toBe(true);
      }
      if (person.father_id) expect(byId.get(person.father_id)!.sex).toBe('male');
    }
  });
});

describe('seeded near-duplicates (ground truth)', () => {
  test('about 0.5% of children are entered twice, each pair well-formed', () => {
    const share = large.duplicates.length / children.length;
    expect(share).toBeGreaterThan(0.003);
    expect(share).toBeLessThan(0.008);
    const pairs = new Set<string>();
    for (const pair of large.duplicates) {
      const original = byId.get(pair.originalId)!;
      const copy = byId.get(pair.duplicateId)!;
      expect(original && copy).toBeTruthy();
      expect(pairs.has(pair.duplicateId)).toBe(false);
      pairs.add(pair.duplicateId);
      expect(duplicateIds.has(pair.originalId)).toBe(false);
      expect(copy.household_id).toBe(original.household_id);
      expect(copy.village_id).toBe(original.village_id);
      expect(copy.sex).toBe(original.sex);
      expect(pair.enteredName.normalize('NFC').replace(/\s+/g, ' ').trim()).toBe(copy.full_name);
      switch (pair.variation) {
        case 'missing_diacritics':
        case 'missing_diacritic':
          expect(copy.full_name).not.toBe(original.full_name);
          expect(copy.name_search).toBe(original.name_search);
          expect(copy.birth_date).toBe(original.birth_date);
          expect(copy.mother_id).toBe(original.mother_id);
          break;
        case 'tone_placement':
          expect(copy.full_name).not.toBe(original.full_name);
          expect(copy.name_search).toBe(original.name_search);
          break;
        case 'extra_space':
          expect(pair.enteredName).toContain('  ');
          expect(copy.full_name).toBe(original.full_name);
          break;
        case 'typo':
          expect(copy.name_search).not.toBe(original.name_search);
          expect(copy.birth_date).toBe(original.birth_date);
          expect(copy.mother_id).toBe(original.mother_id);
          break;
        case 'same_personal_id':
          expect(copy.personal_id).toBe(original.personal_id);
          expect(copy.personal_id).not.toBeNull();
          break;
      }
    }
    expect(new Set(large.duplicates.map((d) => d.variation))).toEqual(new Set(duplicateVariations));
  });

  test('a duplicate rate of zero seeds none', () => {
    expect(generateRegister(options({ duplicateRate: 0 })).duplicates).toEqual([]);
  });
});
