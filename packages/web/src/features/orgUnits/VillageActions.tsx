import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import {
  api,
  todayInVietnam,
  VillageClose,
  VillageCreate,
  VillageMove,
  VillageRename,
  VillageType,
  villageTypes,
  type OrgUnit,
} from '@treem/shared';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  DateField,
  Dialog,
  ErrorAlert,
  FormActions,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useNotify,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { OrgUnitPickerField } from './OrgUnitPicker.tsx';
import { useInvalidateOrgUnits } from './queries.ts';

function useVillageTypeOptions() {
  const t = useT();
  return villageTypes.map((value) => ({ value, label: t.villageTypes[value] }));
}

function CreateVillageForm({ commune, onDone }: { commune: OrgUnit; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateOrgUnits();
  const typeOptions = useVillageTypeOptions();
  const form = useForm({
    resolver: zodResolver(VillageCreate),
    defaultValues: { name: '', type: 'thon' as VillageType, code: undefined },
  });
  const applyErrors = useServerErrors(form.setError, ['name', 'type', 'code'], {
    ORG_UNIT_CODE_TAKEN: 'code',
    VILLAGE_NAME_TAKEN: 'name',
  });
  const create = useMutation({
    mutationFn: (body: VillageCreate) =>
      call(api.orgUnits.createVillage, { params: { id: commune.id }, body }),
    onSuccess: async (village) => {
      notify.success(format(t.orgUnits.village.created, { name: village.name }));
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.orgUnits.village.create} onSubmit={form.handleSubmit((body) => create.mutate(body))}>
      <SelectField control={form.control} name="type" label={t.orgUnits.village.type} options={typeOptions} />
      <TextField control={form.control} name="name" label={t.orgUnits.village.name} autoFocus />
      <TextField
        control={form.control}
        name="code"
        label={t.orgUnits.village.code}
        hint={t.orgUnits.village.codeHint}
        formatMessage={t.validation.invalidVillageCode}
        emptyAs="undefined"
      />
      <ErrorAlert error={create.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={create.isPending}>{t.orgUnits.village.create}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

export function CreateVillageButton({ commune }: { commune: OrgUnit }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t.orgUnits.village.create}
      </Button>
      <Dialog
        open={open}
        title={format(t.orgUnits.village.createTitle, { commune: commune.fullName })}
        onClose={() => setOpen(false)}
      >
        <CreateVillageForm commune={commune} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function RenameForm({ village, onDone }: { village: OrgUnit; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateOrgUnits();
  const typeOptions = useVillageTypeOptions();
  const currentType = VillageType.safeParse(village.typeCode);
  const form = useForm({
    resolver: zodResolver(VillageRename),
    defaultValues: {
      name: village.name,
      type: currentType.success ? currentType.data : undefined,
      reason: undefined,
    },
  });
  const applyErrors = useServerErrors(form.setError, ['name', 'type', 'reason'], {
    VILLAGE_NAME_TAKEN: 'name',
  });
  const rename = useMutation({
    mutationFn: (body: VillageRename) =>
      call(api.orgUnits.renameVillage, { params: { id: village.id }, body }),
    onSuccess: async () => {
      notify.success(t.orgUnits.village.renamed);
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.orgUnits.village.rename} onSubmit={form.handleSubmit((body) => rename.mutate(body))}>
      <SelectField control={form.control} name="type" label={t.orgUnits.village.type} options={typeOptions} />
      <TextField control={form.control} name="name" label={t.orgUnits.village.name} autoFocus />
      <TextField control={form.control} name="reason" label={t.orgUnits.village.reason} emptyAs="undefined" />
      <ErrorAlert error={rename.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={rename.isPending}>{t.orgUnits.village.rename}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function CloseForm({ village, onDone }: { village: OrgUnit; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateOrgUnits();
  const form = useForm({
    resolver: zodResolver(VillageClose),
    defaultValues: { closedOn: todayInVietnam(), reason: '' },
  });
  const applyErrors = useServerErrors(form.setError, ['closedOn', 'reason']);
  const close = useMutation({
    mutationFn: (body: VillageClose) => call(api.orgUnits.closeVillage, { params: { id: village.id }, body }),
    onSuccess: async () => {
      notify.success(format(t.orgUnits.village.closed, { name: village.name }));
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.orgUnits.village.close} onSubmit={form.handleSubmit((body) => close.mutate(body))}>
      <DateField control={form.control} name="closedOn" label={t.orgUnits.village.closedOn} />
      <TextAreaField control={form.control} name="reason" label={t.orgUnits.village.reason} />
      <ErrorAlert error={close.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton danger loading={close.isPending}>
          {t.orgUnits.village.close}
        </SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function MoveForm({ village, onDone }: { village: OrgUnit; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateOrgUnits();
  const form = useForm({ resolver: zodResolver(VillageMove), defaultValues: { communeId: '', reason: '' } });
  const applyErrors = useServerErrors(form.setError, ['communeId', 'reason'], {
    ORG_UNIT_NOT_VILLAGE_PARENT: 'communeId',
    VILLAGE_NAME_TAKEN: 'communeId',
  });
  const move = useMutation({
    mutationFn: (body: VillageMove) => call(api.orgUnits.moveVillage, { params: { id: village.id }, body }),
    onSuccess: async () => {
      notify.success(format(t.orgUnits.village.moved, { name: village.name }));
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.orgUnits.village.move} onSubmit={form.handleSubmit((body) => move.mutate(body))}>
      <OrgUnitPickerField
        control={form.control}
        name="communeId"
        label={t.orgUnits.village.moveTo}
        allowedLevels={['commune']}
      />
      <TextAreaField control={form.control} name="reason" label={t.orgUnits.village.reason} />
      <ErrorAlert error={move.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={move.isPending}>{t.orgUnits.village.move}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type VillageAction = 'rename' | 'close' | 'move';

/** Rename, close and move for an active village; shown to holders of orgUnit.manageVillages. */
export function VillageActions({ village }: { village: OrgUnit }) {
  const t = useT();
  const [action, setAction] = useState<VillageAction | null>(null);
  const done = () => setAction(null);
  const titles: Record<VillageAction, string> = {
    rename: format(t.orgUnits.village.renameTitle, { name: village.name }),
    close: format(t.orgUnits.village.closeTitle, { name: village.name }),
    move: format(t.orgUnits.village.moveTitle, { name: village.name }),
  };
  return (
    <>
      <Button onClick={() => setAction('rename')}>{t.orgUnits.village.rename}</Button>
      <Button onClick={() => setAction('move')}>{t.orgUnits.village.move}</Button>
      <Button danger onClick={() => setAction('close')}>
        {t.orgUnits.village.close}
      </Button>
      <Dialog open={action !== null} title={action ? titles[action] : ''} onClose={done}>
        {action === 'rename' && <RenameForm village={village} onDone={done} />}
        {action === 'close' && <CloseForm village={village} onDone={done} />}
        {action === 'move' && <MoveForm village={village} onDone={done} />}
      </Dialog>
    </>
  );
}
