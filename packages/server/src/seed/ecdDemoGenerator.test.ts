import {
  addDaysToPlainDate,
  addYears,
  classifyGrowth,
  growthAgeInDays,
  growthZScores,
  immunizationScheduleFor,
  immunizationStatus,
  isMalnourished,
} from '@treem/shared';
import { describe, expect, test } from 'vitest';
import { demoDosesAtAnyAge, generateEcdDemo, type EcdDemoChild } from './ecdDemoGenerator.ts';

const today = '2026-12-05';
const children: EcdDemoChild[] = Array.from({ length: 400 }, (_, i) => ({
  personId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  sex: i % 2 === 0 ? 'male' : 'female',
  birthDate: `20${21 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
}));

describe('early-childhood demo records', () => {
  test('the same seed, child and day give the same records', () => {
    expect(generateEcdDemo(7, children[3]!, today)).toEqual(generateEcdDemo(7, children[3]!, today));
    expect(generateEcdDemo(7, children[3]!, today)).not.toEqual(generateEcdDemo(8, children[3]!, today));
  });

  test('measurements fall between birth and today, under 5, and score plausibly; some children are malnourished', () => {
    let malnourished = 0;
    let measured = 0;
    for (const child of children) {
      const { measurements } = generateEcdDemo(1, child, today);
      let last = null;
      for (const m of measurements) {
        expect(m.measuredOn >= child.birthDate && m.measuredOn <= today).toBe(true);
        const ageDays = growthAgeInDays(child.birthDate, 'day', m.measuredOn)!;
        expect(ageDays).toBeLessThanOrEqual(1826);
        const scores = growthZScores({ sex: child.sex, ageDays, ...m });
        expect(Object.values(scores.flags).some(Boolean)).toBe(false);
        last = classifyGrowth(scores, ageDays, false);
      }
      if (last) {
        measured++;
        if (isMalnourished(last)) malnourished++;
      }
    }
    expect(measured).toBeGreaterThan(250);
    expect(malnourished / measured).toBeGreaterThan(0.05);
    expect(malnourished / measured).toBeLessThan(0.5);
  });

  test('doses are valid on the card (none too early), never in the future, and some children have overdue doses', () => {
    let withOverdue = 0;
    for (const child of children) {
      const { doses } = generateEcdDemo(1, child, today);
      const status = immunizationStatus(
        immunizationScheduleFor(child.birthDate),
        { ...child, dosesGiven: doses },
        today,
      );
      expect(status.doses.flatMap((d) => d.invalidDoses)).toEqual([]);
      expect(doses.every((d) => d.givenOn <= today)).toBe(true);
      if (status.doses.some((d) => d.status === 'overdue')) withOverdue++;
    }
    expect(withOverdue).toBeGreaterThan(10);
    expect(withOverdue).toBeLessThan(children.length / 2);
  });
});

describe('doses at any age', () => {
  test('a child of 6 to 8 has the doses of the first years, and most have Td once 7; none in the future', () => {
    const older = Array.from({ length: 200 }, (_, i) => ({
      personId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      sex: i % 2 ? ('male' as const) : ('female' as const),
      birthDate: addDaysToPlainDate(today, -(2200 + i * 3)),
    }));
    let withTd = 0;
    let withJe = 0;
    let overdue = 0;
    for (const child of older) {
      const doses = demoDosesAtAnyAge(1, child, today);
      expect(doses.every((d) => d.givenOn <= today)).toBe(true);
      if (doses.some((d) => d.vaccineCode === 'je')) withJe++;
      if (doses.some((d) => d.vaccineCode === 'td')) withTd++;
      const status = immunizationStatus(
        immunizationScheduleFor(child.birthDate),
        { ...child, dosesGiven: doses },
        today,
      );
      if (status.doses.some((d) => d.status === 'overdue')) overdue++;
    }
    // Td is given within 45 days of the 7th birthday: certainly due for those 7 for longer, possible for all 7.
    const sevenLong = older.filter((c) => addYears(c.birthDate, 7) < addDaysToPlainDate(today, -45)).length;
    const seven = older.filter((c) => addYears(c.birthDate, 7) <= today).length;
    expect(sevenLong).toBeGreaterThan(20);
    expect(withTd).toBeGreaterThan(sevenLong * 0.75);
    expect(withTd).toBeLessThanOrEqual(seven);
    // One child in eight stops the programme before JE.
    expect(withJe).toBeGreaterThan(older.length * 0.75);
    expect(overdue).toBeLessThan(older.length / 2);
  });
});
