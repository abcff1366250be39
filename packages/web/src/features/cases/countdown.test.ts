import { describe, expect, test } from 'vitest';
import { vi } from '../../i18n/vi.ts';
import { countdown, countdownText, dueStateAt } from './countdown.ts';

const now = new Date('2026-03-02T01:00:00Z');
const at = (minutesFromNow: number) => new Date(now.getTime() + minutesFromNow * 60_000).toISOString();

describe('the deadline clock', () => {
  test('counts the 12 hours of an initial assessment down in hours and minutes', () => {
    expect(countdownText(countdown(at(11 * 60 + 42), now), vi)).toBe('Còn 11 giờ 42 phút');
    expect(countdownText(countdown(at(12 * 60), now), vi)).toBe('Còn 12 giờ');
    expect(countdownText(countdown(at(25.5), now), vi)).toBe('Còn 25 phút');
  });

  test('says by how much a deadline is overdue', () => {
    expect(countdown(at(-90), now)).toMatchObject({ overdue: true, hours: 1, minutes: 30 });
    expect(countdownText(countdown(at(-90), now), vi)).toBe('Quá hạn 1 giờ 30 phút');
    expect(countdownText(countdown(at(-0.5), now), vi)).toBe('Quá hạn 0 phút');
  });

  test('counts a plan or review deadline more than two days away in days', () => {
    expect(countdownText(countdown(at(45 * 24 * 60 + 30), now), vi)).toBe('Còn 45 ngày');
    expect(countdownText(countdown(at(-3 * 24 * 60), now), vi)).toBe('Quá hạn 3 ngày');
    expect(countdownText(countdown(at(47 * 60), now), vi)).toBe('Còn 47 giờ');
  });

  test('turns a deadline overdue as soon as it passes on screen, whatever the server said when the page loaded', () => {
    expect(dueStateAt('due_soon', at(-1), now)).toBe('overdue');
    expect(dueStateAt('due_soon', at(30), now)).toBe('due_soon');
    expect(dueStateAt('on_time', at(600), now)).toBe('on_time');
  });
});
