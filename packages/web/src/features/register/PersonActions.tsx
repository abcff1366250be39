import { useEffect, useId, useState } from 'react';
import {
  useController,
  useForm,
  useWatch,
  type Control,
  type FieldPath,
  type FieldValues,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import {
  api,
  PersonDeath,
  PersonMove,
  PersonMoveOut,
  todayInVietnam,
  type PersonDetail,
} from '@treem/shared';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  ChoiceField,
  DateField,
  Dialog,
  ErrorAlert,
  FieldFrame,
  FormActions,
  Loading,
  Select,
  SelectField,
  SidePanel,
  SubmitButton,
  TextAreaField,
  TextField,
  useNotify,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { OrgUnitPickerField } from '../orgUnits/OrgUnitPicker.tsx';
import { optionsOf } from './display.tsx';
import { PersonForm } from './PersonForm.tsx';
import { useHousehold, useHouseholdList, useInvalidateRegister } from './queries.ts';

/** Households found by what the user types (head, address, book number), as select options. */
function HouseholdSearchField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  excludeId,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hint: string;
  excludeId: string | null;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const { field, fieldState } = useController({ control, name });
  // Ask once the user pauses typing, not on every key.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  const households = useHouseholdList(
    { search: query || undefined, page: 1, pageSize: 20 },
    query.length > 0,
  );
  const value: unknown = field.value;
  const options = (households.data?.items ?? [])
    .filter((household) => household.id !== excludeId)
    .map((household) => ({
      value: household.id,
      label: `${household.headName ?? t.register.household.noHead} · ${household.address} · ${household.villageName}`,
    }));
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={fieldState.error ? t.validation.requiredChoice : undefined}
    >
      <Select
        id={id}
        ref={field.ref}
        value={typeof value === 'string' && value ? value : undefined}
        onChange={(next: string | undefined) => field.onChange(next ?? null)}
        onBlur={field.onBlur}
        showSearch={{ filterOption: false, onSearch: setText }}
        loading={households.isFetching}
        options={options}
        placeholder={t.common.search}
        allowClear
        notFoundContent={query ? t.register.household.noMatches : null}
      />
    </FieldFrame>
  );
}

const MoveForm = PersonMove.extend({ target: z.enum(['household', 'village']) }).superRefine((value, ctx) => {
  if (value.target === 'household' && !value.toHouseholdId) {
    ctx.addIssue({ code: 'custom', path: ['toHouseholdId'], message: '' });
  }
  if (value.target === 'village' && !value.toVillageId) {
    ctx.addIssue({ code: 'custom', path: ['toVillageId'], message: '' });
  }
});
type MoveFormValues = z.input<typeof MoveForm>;

function PersonMoveForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateRegister();
  const form = useForm<MoveFormValues, unknown, z.output<typeof MoveForm>>({
    resolver: zodResolver(MoveForm),
    defaultValues: {
      target: 'household',
      toHouseholdId: null,
      toVillageId: null,
      relationshipToHead: null,
      moveDate: todayInVietnam(),
      reason: '',
    },
  });
  const target = useWatch({ control: form.control, name: 'target' });
  const applyErrors = useServerErrors(
    form.setError,
    ['toHouseholdId', 'toVillageId', 'relationshipToHead', 'moveDate', 'reason'],
    { MOVE_NOT_ALLOWED: target === 'household' ? 'toHouseholdId' : 'toVillageId' },
  );
  const move = useMutation({
    mutationFn: ({ target: kind, ...values }: z.output<typeof MoveForm>) =>
      call(api.register.movePerson, {
        params: { id: person.id },
        body:
          kind === 'household'
            ? { ...values, toVillageId: null }
            : { ...values, toHouseholdId: null, relationshipToHead: null },
      }),
    onSuccess: async () => {
      notify.success(format(t.register.actions.moved, { name: person.fullName }));
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.register.actions.move} onSubmit={form.handleSubmit((values) => move.mutate(values))}>
      <ChoiceField
        control={form.control}
        name="target"
        label={t.register.actions.moveTarget}
        options={[
          { value: 'household', label: t.register.actions.moveToHousehold },
          { value: 'village', label: t.register.actions.moveToVillage },
        ]}
      />
      {target === 'household' ? (
        <>
          <HouseholdSearchField
            control={form.control}
            name="toHouseholdId"
            label={t.register.actions.targetHousehold}
            hint={t.register.actions.targetHouseholdHint}
            excludeId={person.householdId}
          />
          <SelectField
            control={form.control}
            name="relationshipToHead"
            label={t.register.person.relationshipToHead}
            options={optionsOf(t.relationships)}
            allowClear
          />
        </>
      ) : (
        <OrgUnitPickerField
          control={form.control}
          name="toVillageId"
          label={t.register.actions.targetVillage}
          allowedLevels={['village']}
        />
      )}
      <DateField
        control={form.control}
        name="moveDate"
        label={t.register.actions.moveDate}
        notAfter={todayInVietnam()}
      />
      <TextAreaField control={form.control} name="reason" label={t.register.actions.reason} />
      <ErrorAlert error={move.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={move.isPending}>{t.register.actions.move}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function MoveOutForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateRegister();
  const form = useForm<z.input<typeof PersonMoveOut>, unknown, z.output<typeof PersonMoveOut>>({
    resolver: zodResolver(PersonMoveOut),
    defaultValues: { moveDate: todayInVietnam(), destination: '' },
  });
  const applyErrors = useServerErrors(form.setError, ['moveDate', 'destination']);
  const moveOut = useMutation({
    mutationFn: (body: z.output<typeof PersonMoveOut>) =>
      call(api.register.moveOutPerson, { params: { id: person.id }, body }),
    onSuccess: async () => {
      notify.success(format(t.register.actions.movedOut, { name: person.fullName }));
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm
      label={t.register.actions.moveOut}
      onSubmit={form.handleSubmit((values) => moveOut.mutate(values))}
    >
      <DateField
        control={form.control}
        name="moveDate"
        label={t.register.actions.moveDate}
        notAfter={todayInVietnam()}
      />
      <TextField
        control={form.control}
        name="destination"
        label={t.register.actions.destination}
        hint={t.register.actions.destinationHint}
      />
      <ErrorAlert error={moveOut.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={moveOut.isPending}>{t.register.actions.moveOut}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function DeathForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateRegister();
  const form = useForm<z.input<typeof PersonDeath>, unknown, z.output<typeof PersonDeath>>({
    resolver: zodResolver(PersonDeath),
    defaultValues: { deathDate: todayInVietnam(), cause: undefined, notes: null },
  });
  const applyErrors = useServerErrors(form.setError, ['deathDate', 'cause', 'notes'], {
    INVALID_PERSON_FACTS: 'deathDate',
  });
  const record = useMutation({
    mutationFn: (body: z.output<typeof PersonDeath>) =>
      call(api.register.recordDeath, { params: { id: person.id }, body }),
    onSuccess: async () => {
      notify.success(t.register.actions.deathRecorded);
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.register.actions.death} onSubmit={form.handleSubmit((values) => record.mutate(values))}>
      <DateField
        control={form.control}
        name="deathDate"
        label={t.register.actions.deathDate}
        notAfter={todayInVietnam()}
      />
      <SelectField
        control={form.control}
        name="cause"
        label={t.register.actions.deathCause}
        options={optionsOf(t.deathCauses)}
      />
      <TextAreaField
        control={form.control}
        name="notes"
        label={t.register.actions.deathNotes}
        hint={t.common.optional}
      />
      <ErrorAlert error={record.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton danger loading={record.isPending}>
          {t.register.actions.death}
        </SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type Action = 'edit' | 'move' | 'moveOut' | 'death';

/** Edit, move, move out and record a death: only on an active record, only for roles that write the register. */
export function PersonActions({ person }: { person: PersonDetail }) {
  const t = useT();
  const { can } = useSession();
  const [action, setAction] = useState<Action | null>(null);
  const household = useHousehold(action === 'edit' ? (person.householdId ?? undefined) : undefined);
  if (!can('register.write') || person.status !== 'active') return null;
  const done = () => setAction(null);
  const titles: Record<Exclude<Action, 'edit'>, string> = {
    move: format(t.register.actions.moveTitle, { name: person.fullName }),
    moveOut: format(t.register.actions.moveOutTitle, { name: person.fullName }),
    death: format(t.register.actions.deathTitle, { name: person.fullName }),
  };
  return (
    <>
      <Button type="primary" onClick={() => setAction('edit')}>
        {t.register.actions.edit}
      </Button>
      <Button onClick={() => setAction('move')}>{t.register.actions.move}</Button>
      <Button onClick={() => setAction('moveOut')}>{t.register.actions.moveOut}</Button>
      <Button danger onClick={() => setAction('death')}>
        {t.register.actions.death}
      </Button>
      <SidePanel
        open={action === 'edit'}
        title={format(t.register.person.editTitle, { name: person.fullName })}
        onClose={done}
      >
        {action === 'edit' &&
          (person.householdId && household.isPending ? (
            <Loading />
          ) : (
            <PersonForm person={person} household={household.data} onCancel={done} onDone={done} />
          ))}
      </SidePanel>
      <Dialog
        open={action !== null && action !== 'edit'}
        title={action && action !== 'edit' ? titles[action] : ''}
        onClose={done}
      >
        {action === 'move' && <PersonMoveForm person={person} onDone={done} />}
        {action === 'moveOut' && <MoveOutForm person={person} onDone={done} />}
        {action === 'death' && <DeathForm person={person} onDone={done} />}
      </Dialog>
    </>
  );
}
