import type { CaseDueState } from '@treem/shared';
import { format } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';

/** How far a deadline is from now, in whole minutes (rounded towards zero), split for display. */
export interface Countdown {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
  totalMinutes: number;
}

const minuteMs = 60_000;

export function countdown(dueAt: string, now: Date): Countdown {
  const difference = Date.parse(dueAt) - now.getTime();
  const overdue = difference < 0;
  const totalMinutes = Math.floor(Math.abs(difference) / minuteMs);
  return {
    overdue,
    days: Math.floor(totalMinutes / (24 * 60)),
    hours: Math.floor(totalMinutes / 60),
    minutes: totalMinutes % 60,
    totalMinutes,
  };
}

/**
 * "Còn 11 giờ 42 phút" / "Quá hạn 3 ngày". Hours and minutes up to two days, where the 12-hour clocks live; days
 * beyond, where the plan and review deadlines are.
 */
export function countdownText(value: Countdown, t: Messages): string {
  const time =
    value.hours >= 48
      ? format(t.cases.due.days, { days: value.days })
      : value.hours >= 1
        ? format(value.minutes === 0 ? t.cases.due.hours : t.cases.due.hoursMinutes, {
            hours: value.hours,
            minutes: value.minutes,
          })
        : format(t.cases.due.minutes, { minutes: value.minutes });
  return format(value.overdue ? t.cases.due.overdue : t.cases.due.left, { time });
}

/**
 * The deadline's state as the screen shows it: the server's answer, except that a deadline passed since the page
 * loaded is overdue at once (the clock on screen keeps running).
 */
export function dueStateAt(serverState: CaseDueState, dueAt: string, now: Date): CaseDueState {
  return Date.parse(dueAt) < now.getTime() ? 'overdue' : serverState;
}
