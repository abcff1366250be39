import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  api,
  HouseholdInput,
  HouseholdMove,
  HouseholdUpdate,
  todayInVietnam,
  type HouseholdDetail,
} from '@treem/shared';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import {
  AppForm,
  Button,
  DateField,
  ErrorAlert,
  FormActions,
  NumberField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useNotify,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { OrgUnitPickerField } from '../orgUnits/OrgUnitPicker.tsx';
import { optionsOf } from './display.tsx';
import { useInvalidateRegister } from './queries.ts';
import { VillageField } from './VillageField.tsx';

type HouseholdInputValues = z.input<typeof HouseholdInput>;
type HouseholdUpdateValues = z.input<typeof HouseholdUpdate>;

const householdFields = [
  'villageId',
  'bookNumber',
  'address',
  'povertyStatus',
  'povertyYear',
  'phone',
  'notes',
] as const;

/** Register a household. `submitLabel` lets the phone flow say what happens next ("Lưu và thêm trẻ"). */
export function HouseholdCreateForm({
  onDone,
  onCancel,
  submitLabel,
}: {
  onDone: (household: HouseholdDetail) => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateRegister();
  const form = useForm<HouseholdInputValues, unknown, z.output<typeof HouseholdInput>>({
    resolver: zodResolver(HouseholdInput),
    defaultValues: {
      villageId: '',
      bookNumber: null,
      address: '',
      povertyStatus: 'none',
      povertyYear: null,
      phone: null,
      notes: null,
    },
  });
  const applyErrors = useServerErrors(form.setError, householdFields, {
    ORG_UNIT_CLOSED: 'villageId',
  });
  const create = useMutation({
    mutationFn: (body: HouseholdInputValues) => call(api.register.createHousehold, { body }),
    onSuccess: async (household) => {
      notify.success(t.register.household.created);
      await invalidate();
      onDone(household);
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm
      label={t.register.household.createTitle}
      onSubmit={form.handleSubmit((values) => create.mutate(values))}
    >
      <VillageField control={form.control} name="villageId" label={t.register.household.village} />
      <HouseholdFields control={form.control} />
      <ErrorAlert error={create.error} />
      <FormActions>
        {onCancel && <Button onClick={onCancel}>{t.common.cancel}</Button>}
        <SubmitButton loading={create.isPending}>{submitLabel ?? t.register.household.create}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function HouseholdFields({
  control,
}: {
  // Both forms share these fields; their value types differ only in the fields not rendered here.
  control: ReturnType<typeof useForm<HouseholdInputValues>>['control'];
}) {
  const t = useT();
  return (
    <>
      <TextField control={control} name="address" label={t.register.household.address} autoComplete="off" />
      <TextField
        control={control}
        name="bookNumber"
        label={t.register.household.bookNumber}
        hint={t.common.optional}
        emptyAs="null"
      />
      <SelectField
        control={control}
        name="povertyStatus"
        label={t.register.household.povertyStatus}
        options={optionsOf(t.povertyStatuses)}
      />
      <NumberField
        control={control}
        name="povertyYear"
        label={t.register.household.povertyYear}
        hint={t.common.optional}
        min={2000}
        max={2100}
      />
      <TextField
        control={control}
        name="phone"
        label={t.register.household.phone}
        hint={t.common.optional}
        inputMode="tel"
        formatMessage={t.validation.invalidPhone}
        emptyAs="null"
      />
      <TextAreaField
        control={control}
        name="notes"
        label={t.register.household.notes}
        hint={t.common.optional}
      />
    </>
  );
}

/** Edit a household: its address, poverty status and who heads it (one of its active members). */
export function HouseholdEditForm({ household, onDone }: { household: HouseholdDetail; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateRegister();
  const form = useForm<HouseholdUpdateValues, unknown, z.output<typeof HouseholdUpdate>>({
    resolver: zodResolver(HouseholdUpdate),
    defaultValues: {
      bookNumber: household.bookNumber,
      address: household.address,
      povertyStatus: household.povertyStatus,
      povertyYear: household.povertyYear,
      phone: household.phone,
      notes: household.notes,
      headPersonId: household.headPersonId,
    },
  });
  const applyErrors = useServerErrors(form.setError, [
    'bookNumber',
    'address',
    'povertyStatus',
    'povertyYear',
    'phone',
    'notes',
    'headPersonId',
  ]);
  const update = useMutation({
    mutationFn: (body: HouseholdUpdateValues) =>
      call(api.register.updateHousehold, { params: { id: household.id }, body }),
    onSuccess: async () => {
      notify.success(t.register.household.updated);
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  const members = household.members.filter((member) => member.status === 'active');
  return (
    <AppForm
      label={t.register.household.editTitle}
      onSubmit={form.handleSubmit((values) => update.mutate(values))}
    >
      <SelectField
        control={form.control}
        name="headPersonId"
        label={t.register.household.head}
        options={members.map((member) => ({ value: member.id, label: member.fullName }))}
        allowClear
      />
      <HouseholdFields
        control={form.control as unknown as ReturnType<typeof useForm<HouseholdInputValues>>['control']}
      />
      <ErrorAlert error={update.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={update.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type HouseholdMoveValues = z.input<typeof HouseholdMove>;

/** Move a household, with its active members, to another village (in or out of the commune). */
export function HouseholdMoveForm({ household, onDone }: { household: HouseholdDetail; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateRegister();
  const form = useForm<HouseholdMoveValues, unknown, z.output<typeof HouseholdMove>>({
    resolver: zodResolver(HouseholdMove),
    defaultValues: { toVillageId: '', moveDate: todayInVietnam(), reason: '' },
  });
  const applyErrors = useServerErrors(form.setError, ['toVillageId', 'moveDate', 'reason'], {
    MOVE_NOT_ALLOWED: 'toVillageId',
    ORG_UNIT_CLOSED: 'toVillageId',
  });
  const move = useMutation({
    mutationFn: (body: HouseholdMoveValues) =>
      call(api.register.moveHousehold, { params: { id: household.id }, body }),
    onSuccess: async () => {
      notify.success(t.register.household.moved);
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm
      label={t.register.household.moveTitle}
      onSubmit={form.handleSubmit((values) => move.mutate(values))}
    >
      <OrgUnitPickerField
        control={form.control}
        name="toVillageId"
        label={t.register.household.moveVillage}
        hint={t.register.household.moveHint}
        allowedLevels={['village']}
      />
      <DateField
        control={form.control}
        name="moveDate"
        label={t.register.household.moveDate}
        notAfter={todayInVietnam()}
      />
      <TextAreaField control={form.control} name="reason" label={t.register.household.reason} />
      <ErrorAlert error={move.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={move.isPending}>{t.register.household.move}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}
