export * from './ecdDomains.ts';
export * from './ecdServices.ts';
export * from './screening.ts';
export * from './enrolmentSchoolLevels.ts';
