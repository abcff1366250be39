export * from './providerSectors.ts';
export * from './referralServices.ts';
