import {
  caseActionNames,
  caseActionTypes,
  caseStepNames,
  closeReasonNames,
  concernTypeNames,
  concernTypes,
  intakeChannelNames,
  intakeChannels,
  intakeSourceNames,
  intakeSources,
  referralServices,
  riskItemNames,
  riskLevelNames,
  riskLevels,
  type CaseActionType,
  type CaseDueState,
  type CaseStep,
  type RiskLevel,
} from '@treem/shared';
import type { Language } from '../../i18n/format.ts';

/*
 * The words of a protection case come from the shared catalogue (Decree 56's forms), which carries Vietnamese and
 * English: the screens, the printed forms and the server say the same thing. Only what the catalogue does not
 * name (deadline states, review conclusions, timeline kinds) lives in the web catalogue.
 */

type Names<K extends string> = Record<K, { vi: string; en: string }>;

/** The name of a code in `names`; a code the catalogue does not know is shown as it is. */
export function nameOf<K extends string>(names: Names<K>, code: string, language: Language): string {
  return Object.hasOwn(names, code) ? names[code as K][language] : code;
}

export function optionsOf<K extends string>(names: Names<K>, codes: readonly K[], language: Language) {
  return codes.map((code) => ({ value: code, label: names[code][language] }));
}

export const stepName = (step: CaseStep, language: Language) => caseStepNames[step][language];
export const riskName = (level: RiskLevel, language: Language) => riskLevelNames[level][language];

export function actionName(type: string, language: Language): string {
  return nameOf(caseActionNames, type, language);
}

export function isCaseActionType(value: string): value is CaseActionType {
  return (caseActionTypes as readonly string[]).includes(value);
}

export const channelOptions = (language: Language) => optionsOf(intakeChannelNames, intakeChannels, language);
export const sourceOptions = (language: Language) => optionsOf(intakeSourceNames, intakeSources, language);
export const concernOptions = (language: Language) => optionsOf(concernTypeNames, concernTypes, language);
export const riskOptions = (language: Language) => optionsOf(riskLevelNames, riskLevels, language);

export function concernNames(codes: readonly string[], language: Language): string[] {
  return codes.map((code) => nameOf(concernTypeNames, code, language));
}

export const closeReasonName = (code: string, language: Language) => nameOf(closeReasonNames, code, language);
export const riskItemName = (code: string, language: Language) => nameOf(riskItemNames, code, language);

/** The services a plan action may deliver: the referral catalogue. */
export function serviceOptions(language: Language) {
  return referralServices.map((service) => ({ value: service.code, label: service[language] }));
}

export function serviceName(code: string, language: Language): string {
  return referralServices.find((service) => service.code === code)?.[language] ?? code;
}

/** Tag colours: red is reserved for what needs attention now. */
export const riskColour: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'green' };
export const dueColour: Record<CaseDueState, string> = {
  on_time: 'green',
  due_soon: 'orange',
  overdue: 'red',
};
