import { useMemo } from 'react';
import {
  ethnicities,
  findSpecialCircumstanceGroup,
  findSubGroup,
  specialCircumstanceGroups,
  type FlagType,
  type HouseholdStatus,
  type PersonStatus,
  type PovertyStatus,
} from '@treem/shared';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import type { Language } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import { Tag, Tooltip, type Option } from '../../ui/index.ts';
import { useFlagTypes } from './queries.ts';
import './register.css';

/*
 * Names for the register's codes. The 14 special-circumstance groups and their sub-groups are named by the shared
 * catalogue (the law's wording in Vietnamese, our translation in English); ethnic groups keep their Vietnamese names
 * in both languages; at-risk flags are named by the province's catalogue from the server.
 */

const ethnicityNames = new Map<string, string>(ethnicities.map(([code, name]) => [code, name]));

export function ethnicityName(code: string): string {
  return ethnicityNames.get(code) ?? code;
}

export const ethnicityOptions: readonly Option[] = ethnicities.map(([value, label]) => ({ value, label }));

export function circumstanceName(code: string, language: Language): string {
  const group = findSpecialCircumstanceGroup(code);
  return group ? group[language] : code;
}

export function subGroupName(groupCode: string, subGroupCode: string, language: Language): string {
  const sub = findSubGroup(groupCode, subGroupCode);
  return sub ? sub[language] : subGroupCode;
}

/** "a · Trẻ em mồ côi cả cha và mẹ": the clause letter is what officials write in their books. */
export function circumstanceOptions(language: Language): Option[] {
  return specialCircumstanceGroups.map((group) => ({
    value: group.code,
    label: `${group.clause}) ${group[language]}`,
  }));
}

export function subGroupOptions(groupCode: string | undefined, language: Language): Option[] {
  if (!groupCode) return [];
  return (findSpecialCircumstanceGroup(groupCode)?.subGroups ?? []).map((sub) => ({
    value: sub.code,
    label: `${sub.code} · ${sub[language]}`,
  }));
}

export function flagName(code: string, types: readonly FlagType[] | undefined, language: Language): string {
  const type = types?.find((candidate) => candidate.code === code);
  if (!type) return code;
  return language === 'vi' ? type.nameVi : type.nameEn;
}

/** The flag catalogue, named in the current language. */
export function useFlagNames() {
  const { language } = useI18n();
  const flagTypes = useFlagTypes();
  return useMemo(
    () => ({
      types: flagTypes.data?.items,
      name: (code: string) => flagName(code, flagTypes.data?.items, language),
      options: (flagTypes.data?.items ?? [])
        .filter((type) => type.active)
        .map((type) => ({ value: type.code, label: language === 'vi' ? type.nameVi : type.nameEn })),
    }),
    [flagTypes.data, language],
  );
}

/** Options for a select over one of the catalogue's vocabularies, in its declared order. */
export function optionsOf<K extends string>(labels: Record<K, string>): Option[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

export function yesNoOptions(t: Messages): { value: boolean; label: string }[] {
  return [
    { value: true, label: t.common.yes },
    { value: false, label: t.common.no },
  ];
}

/** Yes, no, or not known (null): for facts a collaborator may not know at the door. */
export function yesNoText(value: boolean | null | undefined, t: Messages): string {
  if (value === true) return t.common.yes;
  if (value === false) return t.common.no;
  return t.register.person.unknown;
}

const personStatusColours: Record<PersonStatus, string> = {
  active: 'green',
  moved_away: 'default',
  deceased: 'default',
  archived: 'default',
  merged: 'purple',
};

export function PersonStatusTag({
  status,
  hideActive = false,
}: {
  status: PersonStatus;
  hideActive?: boolean;
}) {
  const t = useT();
  if (hideActive && status === 'active') return null;
  return <Tag color={personStatusColours[status]}>{t.personStatuses[status]}</Tag>;
}

export function HouseholdStatusTag({ status }: { status: HouseholdStatus }) {
  const t = useT();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{t.householdStatuses[status]}</Tag>;
}

export function PovertyTag({ status, year }: { status: PovertyStatus; year?: number | null }) {
  const t = useT();
  if (status === 'none') return null;
  return (
    <Tag color={status === 'poor' ? 'volcano' : 'orange'}>
      {t.povertyStatuses[status]}
      {year ? ` ${year}` : ''}
    </Tag>
  );
}

/** Group letters as tags, with the group's name on hover (and for screen readers). */
export function CircumstanceTags({
  circumstances,
}: {
  circumstances: readonly { groupCode: string; subGroupCode: string | null }[];
}) {
  const { language } = useI18n();
  if (circumstances.length === 0) return null;
  return (
    <span className="tag-group">
      {circumstances.map((item) => {
        const name = circumstanceName(item.groupCode, language);
        const clause = findSpecialCircumstanceGroup(item.groupCode)?.clause ?? item.groupCode;
        return (
          <Tooltip key={`${item.groupCode}-${item.subGroupCode ?? ''}`} title={name}>
            <Tag color="magenta" aria-label={name}>
              {item.subGroupCode ?? clause}
            </Tag>
          </Tooltip>
        );
      })}
    </span>
  );
}

export function FlagTags({ codes }: { codes: readonly string[] }) {
  const flags = useFlagNames();
  if (codes.length === 0) return null;
  return (
    <span className="tag-group">
      {codes.map((code) => (
        <Tag key={code} color="gold">
          {flags.name(code)}
        </Tag>
      ))}
    </span>
  );
}
