export * from './vietnamHolidays.ts';
export * from './workingCalendar.ts';
export * from './caseDeadlines.ts';
