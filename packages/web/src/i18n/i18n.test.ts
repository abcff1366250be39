import {
  auditActions,
  BirthDatePrecision,
  deathCauses,
  DisabilityLevel,
  disabilityTypes,
  DuplicateReason,
  errorCodes,
  HouseholdStatus,
  importFields,
  ImportStatus,
  livingArrangements,
  orgLevels,
  PersonStatus,
  PovertyStatus,
  relationshipsToHead,
  roles,
  schoolLevels,
  sectors,
  SexCode,
  villageTypes,
} from '@treem/shared';
import { describe, expect, test } from 'vitest';
import { clientErrorCodes } from '../api/clientErrors.ts';
import { en } from './en.ts';
import { vi, type Messages } from './vi.ts';
import viSource from './vi.ts?raw';
import aggregateViSource from './aggregate.vi.ts?raw';
import indicatorsViSource from './indicators.vi.ts?raw';
import plansViSource from './plans.vi.ts?raw';

const siblingSources: Record<string, string> = {
  aggregate: aggregateViSource,
  indicators: indicatorsViSource,
  plans: plansViSource,
};

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a catalogue as `path → text`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [leafPath, text] of leaves(value, path)) result.set(leafPath, text);
  }
  return result;
}

const catalogues: [string, Messages][] = [
  ['vi', vi],
  ['en', en],
];

describe('the web catalogue', () => {
  test('has a Vietnamese and an English message for every API error code', () => {
    for (const [, t] of catalogues) {
      for (const code of errorCodes) {
        expect(t.errors[code], code).toBeTypeOf('string');
        expect(t.errors[code].trim(), code).not.toBe('');
      }
    }
  });

  test('has a message for every error the client raises itself', () => {
    for (const [, t] of catalogues) {
      for (const code of clientErrorCodes) expect(t.errors[code].trim(), code).not.toBe('');
    }
  });

  test('names every role, sector, org level and village type', () => {
    for (const [, t] of catalogues) {
      for (const role of roles) expect(t.roles[role]?.trim(), role).toBeTruthy();
      for (const sector of sectors) expect(t.sectors[sector]?.trim(), sector).toBeTruthy();
      for (const level of orgLevels) expect(t.orgLevels[level]?.trim(), level).toBeTruthy();
      for (const type of villageTypes) expect(t.villageTypes[type]?.trim(), type).toBeTruthy();
    }
  });

  test('names every audit action and every vocabulary of the register', () => {
    const vocabularies: [keyof Messages, readonly string[]][] = [
      ['sexes', SexCode.options],
      ['birthDatePrecisions', BirthDatePrecision.options],
      ['povertyStatuses', PovertyStatus.options],
      ['householdStatuses', HouseholdStatus.options],
      ['personStatuses', PersonStatus.options],
      ['relationships', relationshipsToHead],
      ['livingArrangements', livingArrangements],
      ['disabilityTypes', disabilityTypes],
      ['disabilityLevels', DisabilityLevel.options],
      ['schoolLevels', schoolLevels],
      ['deathCauses', deathCauses],
      ['duplicateReasons', DuplicateReason.options],
      ['importStatuses', ImportStatus.options],
      ['importFields', importFields],
    ];
    for (const [, t] of catalogues) {
      for (const action of auditActions) expect(t.audit.actions[action]?.trim(), action).toBeTruthy();
      for (const [name, values] of vocabularies) {
        const labels = t[name] as Record<string, string>;
        for (const value of values) expect(labels[value]?.trim(), `${name}.${value}`).toBeTruthy();
      }
    }
  });

  test('has exactly the same keys in Vietnamese and English', () => {
    expect([...leaves(en).keys()].sort()).toEqual([...leaves(vi).keys()].sort());
  });

  test('has no empty text in either language', () => {
    for (const [language, t] of catalogues) {
      for (const [path, text] of leaves(t)) expect(text.trim(), `${language}: ${path}`).not.toBe('');
    }
  });

  test('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const english = leaves(en);
    for (const [path, text] of leaves(vi)) {
      expect(placeholders(english.get(path) ?? ''), path).toEqual(placeholders(text));
    }
  });

  test('keeps vi.ts importable by the e2e tests under plain Node (types, or values from the pure shared package)', () => {
    // vi.ts takes some capabilities' strings from sibling `<feature>.vi.ts` files, held to the same rule.
    const siblings = [...viSource.matchAll(/^import \{[^}]*\} from '\.\/([a-z]+)\.vi\.ts';$/gm)].map(
      (m) => m[1],
    );
    expect(siblings.sort()).toEqual(Object.keys(siblingSources).sort());
    for (const source of [viSource, ...Object.values(siblingSources)]) {
      const imports = source.split('\n').filter((line) => /^import\b/.test(line));
      for (const line of imports)
        expect(line).toMatch(/^import type\b|^import \{[^}]*\} from '(@treem\/shared|\.\/[a-z]+\.vi\.ts)';$/);
      expect(source).not.toMatch(/from ['"](react|antd)/);
    }
  });
});
