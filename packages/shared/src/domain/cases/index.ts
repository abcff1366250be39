export * from './caseCatalogue.ts';
export * from './caseWorkflow.ts';
