import { auditEndpoints } from './audit.ts';
import { caseEndpoints, caseSettingEndpoints } from './cases.ts';
import { referralEndpoints } from './referrals.ts';
import { ecdEndpoints } from './ecd.ts';
import { providerEndpoints } from './providers.ts';
import { authEndpoints } from './auth.ts';
import { orgUnitEndpoints } from './orgUnits.ts';
import { registerEndpoints, registerFileEndpoints } from './register.ts';
import { userEndpoints } from './users.ts';
import { indicatorEndpoints } from './indicators.ts';
import { aggregateEndpoints } from './aggregate.ts';
import { planEndpoints } from './plans.ts';

export * from './endpoint.ts';
export * from './auth.ts';
export * from './orgUnits.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './register.ts';
export * from './ecd.ts';
export * from './providers.ts';
export * from './cases.ts';
export * from './referrals.ts';
export * from './indicators.ts';
export * from './aggregate.ts';
export * from './plans.ts';

/** Every endpoint of the API, by resource. The server must register a handler for each one. */
export const api = {
  auth: authEndpoints,
  orgUnits: orgUnitEndpoints,
  users: userEndpoints,
  audit: auditEndpoints,
  register: registerEndpoints,
  registerFiles: registerFileEndpoints,
  ecd: ecdEndpoints,
  providers: providerEndpoints,
  cases: caseEndpoints,
  caseSettings: caseSettingEndpoints,
  referrals: referralEndpoints,
  indicators: indicatorEndpoints,
  aggregate: aggregateEndpoints,
  plans: planEndpoints,
};
