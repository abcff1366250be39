import type { ReactNode } from 'react';
import type { FieldPath, FieldValues, Control } from 'react-hook-form';
import type { ProviderSector, ReferralServiceCode } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { sectorName } from '../providers/catalogue.ts';
import { useProviderChoices } from './queries.ts';
import { SearchSelectField, useSearchText } from './SearchSelectField.tsx';

/**
 * A provider of the directory, found by name among the active providers offering `service` (a referral) or of
 * `sector` (an institution taking a child in). Without a service or sector to look for, the field waits.
 */
export function ProviderPickerField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  service,
  sector,
  waiting,
  notFound,
  showAccount = false,
  emptyValue = '',
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hint?: ReactNode;
  service?: ReferralServiceCode | undefined;
  sector?: ProviderSector | undefined;
  /** Said in place of the hint while there is nothing to look for yet. */
  waiting?: string;
  notFound: string;
  /** Says of each provider whether it has an account: whether it answers on treem or gets a letter. */
  showAccount?: boolean;
  emptyValue?: '' | null;
}) {
  const { t, language } = useI18n();
  const { search, onSearch } = useSearchText();
  const ready = Boolean(service ?? sector);
  const providers = useProviderChoices(
    { search: search || undefined, service, sector, status: 'active', page: 1, pageSize: 50 },
    ready,
  );
  const options = ready
    ? (providers.data?.items ?? []).map((provider) => ({
        value: provider.id,
        label: [
          provider.name,
          sectorName(provider.sector, language),
          ...(showAccount
            ? [provider.memberCount > 0 ? t.cases.referrals.withAccount : t.cases.referrals.withoutAccount]
            : []),
        ].join(' · '),
      }))
    : [];
  return (
    <SearchSelectField
      control={control}
      name={name}
      label={label}
      hint={ready ? hint : (waiting ?? hint)}
      options={options}
      loading={ready && providers.isFetching}
      onSearch={onSearch}
      notFound={notFound}
      disabled={!ready}
      emptyValue={emptyValue}
      allowClear={emptyValue === null}
    />
  );
}
