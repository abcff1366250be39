import { useId } from 'react';
import { useController, useForm, type Control, type DefaultValues } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { api, ProviderCreate, type ProviderDetail } from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  AppForm,
  Button,
  ChoiceField,
  ErrorAlert,
  FieldFrame,
  FormActions,
  Select,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useNotify,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { OrgUnitPickerField, type PickedUnit } from '../orgUnits/OrgUnitPicker.tsx';
import { levelOptions, sectorOptions, serviceOptionGroups } from './catalogue.ts';
import { useInvalidateProviders } from './queries.ts';

type Values = z.input<typeof ProviderCreate>;
type Output = z.output<typeof ProviderCreate>;

const fields = [
  'ownerUnitId',
  'name',
  'sector',
  'level',
  'address',
  'phone',
  'email',
  'contactPerson',
  'contactPhone',
  'openingHours',
  'open24Hours',
  'services',
  'notes',
  'coverageUnitIds',
] as const;

/** The services a provider offers: several codes of the catalogue, grouped by domain. */
function ServicesField({ control }: { control: Control<Values> }) {
  const { t, language } = useI18n();
  const id = useId();
  const { field, fieldState } = useController({ control, name: 'services' });
  return (
    <FieldFrame
      id={id}
      label={t.providers.fields.services}
      hint={t.providers.fields.servicesHint}
      error={fieldState.error?.message ?? fieldState.error?.root?.message}
    >
      <Select
        id={id}
        mode="multiple"
        ref={field.ref}
        value={field.value}
        onChange={(next: Values['services']) => field.onChange(next)}
        onBlur={field.onBlur}
        options={serviceOptionGroups(language)}
        placeholder={t.common.select}
        showSearch={{ optionFilterProp: 'label' }}
        aria-invalid={fieldState.invalid}
      />
    </FieldFrame>
  );
}

function defaults(
  provider: ProviderDetail | undefined,
  ownerUnitId: string | undefined,
): DefaultValues<Values> {
  if (!provider)
    return {
      ownerUnitId: ownerUnitId ?? '',
      name: '',
      sector: undefined,
      level: undefined,
      address: null,
      phone: null,
      email: null,
      contactPerson: null,
      contactPhone: null,
      openingHours: null,
      open24Hours: false,
      services: [],
      notes: null,
    };
  return {
    ownerUnitId: provider.ownerUnit.id,
    name: provider.name,
    sector: provider.sector,
    level: provider.level,
    address: provider.address,
    phone: provider.phone,
    email: provider.email,
    contactPerson: provider.contactPerson,
    contactPhone: provider.contactPhone,
    openingHours: provider.openingHours,
    open24Hours: provider.open24Hours,
    services: provider.services,
    notes: provider.notes,
  };
}

/**
 * Add a provider to the directory (`provider` absent) or change its details. The coverage area is chosen when the
 * provider is added; later it has its own form, as do the members.
 */
export function ProviderForm({
  provider,
  onDone,
  onSaved,
}: {
  provider?: ProviderDetail;
  onDone: () => void;
  onSaved?: (saved: ProviderDetail) => void;
}) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateProviders();
  const { unit: working } = useWorkingUnit();
  const workingOwner =
    working && (working.level === 'province' || working.level === 'commune') ? working : undefined;
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(ProviderCreate),
    defaultValues: defaults(provider, workingOwner?.orgUnitId),
  });
  const known: PickedUnit[] = provider
    ? [provider.ownerUnit, ...provider.coverage]
    : workingOwner
      ? [
          {
            id: workingOwner.orgUnitId,
            name: workingOwner.name,
            fullName: workingOwner.fullName,
            level: workingOwner.level,
          },
        ]
      : [];
  const applyErrors = useServerErrors(form.setError, fields, { ORG_UNIT_CLOSED: 'ownerUnitId' });
  const save = useMutation({
    mutationFn: async ({ coverageUnitIds, ...body }: Output) =>
      provider
        ? call(api.providers.update, { params: { id: provider.id }, body })
        : call(api.providers.create, {
            body: coverageUnitIds && coverageUnitIds.length > 0 ? { ...body, coverageUnitIds } : body,
          }),
    onSuccess: async (saved) => {
      notify.success(provider ? t.providers.saved : t.providers.created);
      await invalidate();
      onSaved?.(saved);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  const phoneFormat = t.validation.invalidPhone;

  return (
    <AppForm
      label={provider ? t.providers.editTitle : t.providers.addTitle}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <TextField
        control={form.control}
        name="name"
        label={t.providers.fields.name}
        autoFocus
        maxLength={200}
      />
      <SelectField
        control={form.control}
        name="sector"
        label={t.providers.fields.sector}
        options={sectorOptions(language)}
      />
      <SelectField
        control={form.control}
        name="level"
        label={t.providers.fields.level}
        options={levelOptions(language)}
      />
      <OrgUnitPickerField
        control={form.control}
        name="ownerUnitId"
        label={t.providers.fields.ownerUnit}
        hint={t.providers.fields.ownerUnitHint}
        allowedLevels={['province', 'commune']}
        known={known}
      />
      <ServicesField control={form.control} />
      {!provider && (
        <OrgUnitPickerField
          control={form.control}
          name="coverageUnitIds"
          label={t.providers.fields.coverage}
          hint={t.providers.fields.coverageHint}
          allowedLevels={['province', 'commune', 'village']}
          multiple
        />
      )}
      <TextField control={form.control} name="address" label={t.providers.fields.address} emptyAs="null" />
      <TextField
        control={form.control}
        name="phone"
        label={t.providers.fields.phone}
        inputMode="tel"
        emptyAs="null"
        formatMessage={phoneFormat}
      />
      <TextField
        control={form.control}
        name="email"
        label={t.providers.fields.email}
        inputMode="email"
        emptyAs="null"
      />
      <TextField
        control={form.control}
        name="contactPerson"
        label={t.providers.fields.contactPerson}
        emptyAs="null"
      />
      <TextField
        control={form.control}
        name="contactPhone"
        label={t.providers.fields.contactPhone}
        inputMode="tel"
        emptyAs="null"
        formatMessage={phoneFormat}
      />
      <TextField
        control={form.control}
        name="openingHours"
        label={t.providers.fields.openingHours}
        hint={t.providers.fields.openingHoursHint}
        emptyAs="null"
      />
      <ChoiceField
        control={form.control}
        name="open24Hours"
        label={t.providers.fields.open24Hours}
        options={[
          { value: true, label: t.common.yes },
          { value: false, label: t.common.no },
        ]}
      />
      <TextAreaField
        control={form.control}
        name="notes"
        label={t.providers.fields.notes}
        hint={t.common.optional}
      />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}
