export * from './errors.ts';
export * from './permissions.ts';
export * from './api/index.ts';
export * from './domain/assertNever.ts';
export * from './domain/plainDate.ts';
export * from './domain/vietnameseText.ts';
export * from './domain/password.ts';
export * from './domain/ids.ts';
