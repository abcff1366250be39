export * from './types.ts';
export * from './periods.ts';
export * from './catalogue.ts';
export * from './status.ts';
export * from './templates.ts';
export * from './ageGroups.ts';
export * from './outliers.ts';
export * from './entryRules.ts';
