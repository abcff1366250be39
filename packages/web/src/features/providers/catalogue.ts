import {
  ecdDomainCodes,
  providerLevels,
  providerSectors,
  referralServices,
  type EcdDomainCode,
  type ProviderLevel,
  type ProviderSector,
  type ReferralService,
  type ReferralServiceCode,
} from '@treem/shared';
import type { Language } from '../../i18n/format.ts';
import { ecdDomainName } from '../ecd/catalogue.ts';

/*
 * Names of the directory's codes come from the shared catalogues, which carry Vietnamese and English, so the screens,
 * the API documentation and the referrals built on them say the same thing.
 */

export function sectorName(code: ProviderSector, language: Language): string {
  return providerSectors.find((s) => s.code === code)?.[language] ?? code;
}

export function levelName(code: ProviderLevel, language: Language): string {
  return providerLevels.find((l) => l.code === code)?.[language] ?? code;
}

const services: readonly ReferralService[] = referralServices;

export function referralServiceName(code: ReferralServiceCode, language: Language): string {
  return services.find((s) => s.code === code)?.[language] ?? code;
}

export function sectorOptions(language: Language) {
  return providerSectors.map((s) => ({ value: s.code, label: s[language] }));
}

export function levelOptions(language: Language) {
  return providerLevels.map((l) => ({ value: l.code, label: l[language] }));
}

/** The services grouped under their domain, in the order of the six domains, for a select. */
export function serviceOptionGroups(language: Language) {
  return ecdDomainCodes.map((domain) => ({
    label: ecdDomainName(domain, language),
    title: ecdDomainName(domain, language),
    options: services.filter((s) => s.domain === domain).map((s) => ({ value: s.code, label: s[language] })),
  }));
}

/** One colour per domain, as on the child's services tab. */
export const domainColour: Record<EcdDomainCode, string> = {
  health: 'blue',
  education: 'purple',
  nutrition: 'green',
  care: 'magenta',
  protection: 'red',
  social_welfare: 'gold',
};

/** `tel:` link target: the digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
