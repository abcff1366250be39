export * from './age.ts';
export * from './vaccines.ts';
export * from './schedule.ts';
export * from './status.ts';
