import {
  ecdDomains,
  ecdServices,
  immunizationSchedules,
  milestoneDomains,
  screeningResults,
  screeningTools,
  vaccines,
  type EcdDomainCode,
  type EcdService,
  type EcdServiceCode,
  type MilestoneDomain,
  type PlainDate,
  type ScreeningResult,
  type ScreeningToolCode,
  type VaccineCode,
} from '@treem/shared';
import type { Language } from '../../i18n/format.ts';

/*
 * Names of early-childhood codes come from the shared catalogues, which carry Vietnamese and English: the screens,
 * the server's exports and the documentation then say the same thing.
 */

const dosesById = new Map(immunizationSchedules.flatMap((schedule) => schedule.doses).map((d) => [d.id, d]));

/** A scheduled dose by its id (`bcg_1`, `dpt_hepb_hib_2`); an id no schedule knows is shown as it is. */
export function doseName(doseId: string, language: Language): string {
  const dose = dosesById.get(doseId);
  return dose ? dose[language] : doseId;
}

export function doseNames(doseIds: readonly string[], language: Language): string[] {
  return doseIds.map((id) => doseName(id, language));
}

/** The vaccine and dose number a scheduled dose id stands for, to prefill "record this dose". */
export function doseOfId(doseId: string): { vaccineCode: VaccineCode; doseNumber: number } | undefined {
  const dose = dosesById.get(doseId);
  return dose ? { vaccineCode: dose.vaccineCode, doseNumber: dose.doseNumber } : undefined;
}

export function vaccineName(code: string, language: Language): string {
  const vaccine = vaccines.find((v) => v.code === code);
  return vaccine ? vaccine[language] : code;
}

export function vaccineOptions(language: Language) {
  return vaccines.map((v) => ({ value: v.code, label: v[language] }));
}

export function ecdDomainName(code: EcdDomainCode, language: Language): string {
  return ecdDomains.find((d) => d.code === code)?.[language] ?? code;
}

export function serviceOf(code: string): EcdService | undefined {
  return (ecdServices as readonly EcdService[]).find((s) => s.code === code);
}

export function serviceName(code: EcdServiceCode, language: Language): string {
  return serviceOf(code)?.[language] ?? code;
}

/** The catalogue's services, those of one domain when given, for a select. */
export function serviceOptions(language: Language, domain?: EcdDomainCode | null) {
  return (ecdServices as readonly EcdService[])
    .filter((s) => !domain || s.domain === domain)
    .map((s) => ({ value: s.code, label: s[language] }));
}

export function screeningToolName(code: ScreeningToolCode, language: Language): string {
  return screeningTools.find((tool) => tool.code === code)?.[language] ?? code;
}

export function screeningResultName(code: ScreeningResult, language: Language): string {
  return screeningResults.find((result) => result.code === code)?.[language] ?? code;
}

export function milestoneDomainName(code: MilestoneDomain, language: Language): string {
  return milestoneDomains.find((domain) => domain.code === code)?.[language] ?? code;
}

/**
 * The school year a date falls in: Vietnamese school years open in early September, so from 1 September a date
 * belongs to the year that is starting (the rule the server's enrolment checks and action lists use).
 */
export function schoolYearOf(date: PlainDate): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The coming school year, the current one and the `past` before it, newest first. */
export function schoolYearChoices(today: PlainDate, past = 8): string[] {
  const current = Number(schoolYearOf(today).slice(0, 4));
  const years: string[] = [];
  for (let start = current + 1; start >= current - past; start -= 1) years.push(`${start}-${start + 1}`);
  return years;
}

/** Columns of the dose import, as the contract names them. */
export const doseImportColumns = [
  'personal_id',
  'person_id',
  'vaccine',
  'dose',
  'given_on',
  'place',
  'lot',
] as const;

/**
 * An example immunisation CSV to fill in: the header and two rows, one child named by personal ID, one by the
 * record's id in treem; vaccines and dates as officials write them (the server also takes the catalogue's codes and
 * YYYY-MM-DD). It starts with a byte-order mark so that Excel opens the Vietnamese text as UTF-8.
 */
export function doseImportExampleCsv(): string {
  const rows = [
    doseImportColumns.join(','),
    ['001224012345', '', 'BCG', '1', '02/03/2025', 'Trạm Y tế xã', 'BCG-0325'].join(','),
    ['', '0193c1a2-7b4e-7c1d-9a51-2f0e8d6b4c3a', '5 trong 1', '2', '15/06/2025', 'Trạm Y tế xã', ''].join(
      ',',
    ),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
