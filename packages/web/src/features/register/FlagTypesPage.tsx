import { useId, useMemo, useState } from 'react';
import { useController, useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PlusOutlined } from '@ant-design/icons';
import { api, type FlagType } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  Alert,
  AppForm,
  Button,
  ConfirmButton,
  DataTable,
  Dialog,
  ErrorAlert,
  FieldFrame,
  Flex,
  FormActions,
  Loading,
  Page,
  SubmitButton,
  Switch,
  Tag,
  TextField,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { useOrgUnitRoots } from '../orgUnits/queries.ts';
import {
  flagTypeDefaults,
  flagTypeSaveRequest,
  flagTypeSchema,
  provinceOf,
  toggledFlagTypeRequest,
  type FlagTypeOutput,
  type FlagTypeValues,
} from './flagTypeForm.ts';
import { registerKeys, useFlagTypes } from './queries.ts';

type Editing = { kind: 'create' } | { kind: 'edit'; type: FlagType } | null;

/** The catalogue is read by every register page (flag names, the "record a risk" choices): refresh them all. */
function useInvalidateFlagTypes() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: registerKeys.flagTypes() });
}

/** The flag's name in the current language, for messages and dialog titles. */
function useFlagLabel() {
  const { language } = useI18n();
  return (type: Pick<FlagType, 'nameVi' | 'nameEn'>) => (language === 'vi' ? type.nameVi : type.nameEn);
}

/** The "active" switch, bound to the form like the kit's fields, with a visible label. */
function ActiveField({
  control,
  label,
  hint,
}: {
  control: Control<FlagTypeValues>;
  label: string;
  hint: string;
}) {
  const id = useId();
  const { field } = useController({ control, name: 'active' });
  return (
    <FieldFrame id={id} label={label} hint={hint}>
      <Switch id={id} ref={field.ref} checked={field.value !== false} onChange={(on) => field.onChange(on)} />
    </FieldFrame>
  );
}

function FlagTypeForm({
  provinceCode,
  type,
  existingCodes,
  onDone,
}: {
  provinceCode: string;
  type?: FlagType;
  existingCodes: readonly string[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateFlagTypes();
  const label = useFlagLabel();
  const schema = useMemo(
    () => flagTypeSchema(Boolean(type), existingCodes, t.register.flagTypes.codeTaken),
    [type, existingCodes, t],
  );
  const form = useForm<FlagTypeValues, unknown, FlagTypeOutput>({
    resolver: zodResolver(schema),
    defaultValues: flagTypeDefaults(type),
  });
  const applyErrors = useServerErrors(form.setError, ['nameVi', 'nameEn', 'active']);
  const save = useMutation({
    mutationFn: (values: FlagTypeOutput) =>
      call(api.register.saveFlagType, flagTypeSaveRequest(provinceCode, values)),
    onSuccess: async (saved) => {
      notify.success(
        format(type ? t.register.flagTypes.saved : t.register.flagTypes.created, { name: label(saved) }),
      );
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  const title = type
    ? format(t.register.flagTypes.editTitle, { name: label(type) })
    : t.register.flagTypes.addTitle;
  return (
    <AppForm label={title} onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <TextField
        control={form.control}
        name="code"
        label={t.register.flagTypes.code}
        hint={type ? t.register.flagTypes.codeReadOnly : t.register.flagTypes.codeHint}
        formatMessage={t.validation.invalidFlagCode}
        disabled={Boolean(type)}
        autoComplete="off"
        maxLength={50}
        autoFocus={!type}
      />
      <TextField
        control={form.control}
        name="nameVi"
        label={t.register.flagTypes.nameVi}
        autoComplete="off"
        maxLength={200}
      />
      <TextField
        control={form.control}
        name="nameEn"
        label={t.register.flagTypes.nameEn}
        autoComplete="off"
        maxLength={200}
      />
      <ActiveField
        control={form.control}
        label={t.register.flagTypes.active}
        hint={t.register.flagTypes.activeHint}
      />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/**
 * The province's at-risk flag catalogue ("cờ nguy cơ"), for the province administrator: add a flag, rename one,
 * deactivate or reactivate it. Flags are never deleted: children's records keep the flags they were given.
 */
export function FlagTypesPage() {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateFlagTypes();
  const label = useFlagLabel();
  const [editing, setEditing] = useState<Editing>(null);
  const roots = useOrgUnitRoots();
  const provinceCode = roots.data ? provinceOf(roots.data.items) : null;
  const province = roots.data?.items.find((unit) => unit.provinceCode === provinceCode);
  const list = useFlagTypes();
  const types = list.data?.items;
  const existingCodes = useMemo(() => (types ?? []).map((type) => type.code), [types]);

  const toggle = useMutation({
    mutationFn: (type: FlagType) =>
      call(api.register.saveFlagType, toggledFlagTypeRequest(provinceCode ?? '', type)),
    onSuccess: async (saved) => {
      notify.success(
        format(saved.active ? t.register.flagTypes.activated : t.register.flagTypes.deactivated, {
          name: label(saved),
        }),
      );
      await invalidate();
    },
  });
  const toggling = (type: FlagType) => toggle.isPending && toggle.variables.code === type.code;

  const columns: DataColumns<FlagType> = [
    {
      key: 'code',
      title: t.register.flagTypes.code,
      render: (_, type) => <Typography.Text code>{type.code}</Typography.Text>,
    },
    { key: 'nameVi', title: t.register.flagTypes.nameVi, render: (_, type) => type.nameVi },
    { key: 'nameEn', title: t.register.flagTypes.nameEn, render: (_, type) => type.nameEn },
    {
      key: 'status',
      title: t.register.flagTypes.status,
      render: (_, type) =>
        type.active ? (
          <Tag color="green">{t.register.flagTypes.active}</Tag>
        ) : (
          <Tag>{t.register.flagTypes.inactive}</Tag>
        ),
    },
    ...(provinceCode
      ? [
          {
            key: 'actions',
            title: t.common.actions,
            render: (_: unknown, type: FlagType) => (
              <Flex gap="small" wrap>
                <Button
                  size="small"
                  aria-label={`${t.register.flagTypes.edit}: ${label(type)}`}
                  onClick={() => setEditing({ kind: 'edit', type })}
                >
                  {t.register.flagTypes.edit}
                </Button>
                {type.active ? (
                  <ConfirmButton
                    size="small"
                    danger
                    question={format(t.register.flagTypes.deactivateQuestion, { name: label(type) })}
                    loading={toggling(type)}
                    disabled={toggle.isPending}
                    onConfirm={() => toggle.mutate(type)}
                  >
                    {t.register.flagTypes.deactivate}
                  </ConfirmButton>
                ) : (
                  <Button
                    size="small"
                    loading={toggling(type)}
                    disabled={toggle.isPending}
                    onClick={() => toggle.mutate(type)}
                  >
                    {t.register.flagTypes.activate}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  const body = () => {
    if (roots.isPending) return <Loading />;
    if (roots.error) return <ErrorAlert error={roots.error} onRetry={() => void roots.refetch()} />;
    if (!provinceCode) return <Alert type="info" showIcon title={t.register.flagTypes.noProvince} />;
    return (
      <>
        <ErrorAlert error={toggle.error} />
        <DataTable<FlagType>
          label={t.register.flagTypes.title}
          columns={columns}
          data={types}
          rowKey={(type) => type.code}
          loading={list.isFetching}
          error={list.error}
          onRetry={() => void list.refetch()}
          emptyText={t.register.flagTypes.empty}
          emptyAction={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create' })}>
              {t.register.flagTypes.add}
            </Button>
          }
        />
      </>
    );
  };

  return (
    <Page
      title={t.register.flagTypes.title}
      breadcrumbs={[
        <Link key="register" to="/register">
          {t.register.title}
        </Link>,
      ]}
      extra={
        provinceCode ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create' })}>
            {t.register.flagTypes.add}
          </Button>
        ) : undefined
      }
    >
      <Typography.Paragraph type="secondary" className="page-intro">
        {province && <>{format(t.register.flagTypes.province, { name: province.fullName })}. </>}
        {t.register.flagTypes.intro}
      </Typography.Paragraph>
      {body()}
      <Dialog
        open={editing !== null}
        title={
          editing?.kind === 'edit'
            ? format(t.register.flagTypes.editTitle, { name: label(editing.type) })
            : t.register.flagTypes.addTitle
        }
        onClose={() => setEditing(null)}
      >
        {editing && provinceCode && (
          <FlagTypeForm
            provinceCode={provinceCode}
            type={editing.kind === 'edit' ? editing.type : undefined}
            existingCodes={existingCodes}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
    </Page>
  );
}
