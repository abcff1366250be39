import { createWorkingCalendar, type WorkingCalendar } from '@treem/shared';

let statutory: WorkingCalendar | null = null;

/** The national calendar: weekends and the public holidays shipped as data (docs/case-deadlines.md). */
export function statutoryWorkingCalendar(): WorkingCalendar {
  statutory ??= createWorkingCalendar();
  return statutory;
}
