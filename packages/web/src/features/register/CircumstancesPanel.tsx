import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  api,
  CircumstanceInput,
  EndAssignment,
  FlagInput,
  todayInVietnam,
  type AtRiskFlag,
  type CircumstanceAssignment,
  type PersonDetail,
} from '@treem/shared';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  Card,
  DataTable,
  DateField,
  Dialog,
  EmptyState,
  ErrorAlert,
  Flex,
  FormActions,
  List,
  SelectField,
  SubmitButton,
  Tag,
  TextAreaField,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import {
  circumstanceName,
  circumstanceOptions,
  subGroupName,
  subGroupOptions,
  useFlagNames,
} from './display.tsx';
import { registerKeys, useInvalidateRegister } from './queries.ts';
import { useQueryClient } from '@tanstack/react-query';

/** The answer of every write here is the updated person: put it straight into the profile's cache. */
function useSavePerson() {
  const client = useQueryClient();
  const invalidate = useInvalidateRegister();
  return async (person: PersonDetail) => {
    client.setQueryData(registerKeys.person(person.id), person);
    await invalidate();
  };
}

type CircumstanceValues = z.input<typeof CircumstanceInput>;

function AssignCircumstanceForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const savePerson = useSavePerson();
  const form = useForm<CircumstanceValues, unknown, z.output<typeof CircumstanceInput>>({
    resolver: zodResolver(CircumstanceInput),
    defaultValues: {
      groupCode: undefined,
      subGroupCode: null,
      validFrom: todayInVietnam(),
      evidence: null,
      notes: null,
    },
  });
  const groupCode = useWatch({ control: form.control, name: 'groupCode' });
  const subGroups = subGroupOptions(groupCode, language);
  const applyErrors = useServerErrors(
    form.setError,
    ['groupCode', 'subGroupCode', 'validFrom', 'evidence', 'notes'],
    {
      SUB_GROUP_UNKNOWN: 'subGroupCode',
      CIRCUMSTANCE_ALREADY_OPEN: 'groupCode',
    },
  );
  const assign = useMutation({
    mutationFn: (body: CircumstanceValues) =>
      call(api.register.assignCircumstance, { params: { id: person.id }, body }),
    onSuccess: async (saved) => {
      notify.success(t.register.circumstances.assigned);
      await savePerson(saved);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  const open = new Set(person.circumstanceHistory.filter((c) => !c.validTo).map((c) => c.groupCode));
  return (
    <AppForm
      label={t.register.circumstances.assign}
      onSubmit={form.handleSubmit((values) => assign.mutate(values))}
    >
      <SelectField
        control={form.control}
        name="groupCode"
        label={t.register.circumstances.group}
        options={circumstanceOptions(language).map((option) => ({
          ...option,
          disabled: open.has(option.value),
        }))}
      />
      {subGroups.length > 0 && (
        <SelectField
          key={groupCode}
          control={form.control}
          name="subGroupCode"
          label={t.register.circumstances.subGroup}
          hint={t.register.circumstances.subGroupHint}
          options={subGroups}
          allowClear
        />
      )}
      <DateField
        control={form.control}
        name="validFrom"
        label={t.register.circumstances.validFrom}
        notAfter={todayInVietnam()}
      />
      <TextAreaField
        control={form.control}
        name="evidence"
        label={t.register.circumstances.evidence}
        hint={t.common.optional}
      />
      <TextAreaField
        control={form.control}
        name="notes"
        label={t.register.circumstances.notes}
        hint={t.common.optional}
      />
      <ErrorAlert error={assign.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={assign.isPending}>{t.register.circumstances.assign}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type FlagValues = z.input<typeof FlagInput>;

function AddFlagForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const savePerson = useSavePerson();
  const flags = useFlagNames();
  const form = useForm<FlagValues, unknown, z.output<typeof FlagInput>>({
    resolver: zodResolver(FlagInput),
    defaultValues: { flagCode: '', validFrom: todayInVietnam(), notes: null },
  });
  const applyErrors = useServerErrors(form.setError, ['flagCode', 'validFrom', 'notes'], {
    FLAG_TYPE_UNKNOWN: 'flagCode',
  });
  const add = useMutation({
    mutationFn: (body: FlagValues) => call(api.register.assignFlag, { params: { id: person.id }, body }),
    onSuccess: async (saved) => {
      notify.success(t.register.flags.added);
      await savePerson(saved);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  const open = new Set(person.flagHistory.filter((f) => !f.validTo).map((f) => f.flagCode));
  return (
    <AppForm label={t.register.flags.add} onSubmit={form.handleSubmit((values) => add.mutate(values))}>
      <SelectField
        control={form.control}
        name="flagCode"
        label={t.register.flags.flag}
        options={flags.options.map((option) => ({ ...option, disabled: open.has(option.value) }))}
      />
      <DateField
        control={form.control}
        name="validFrom"
        label={t.register.flags.validFrom}
        notAfter={todayInVietnam()}
      />
      <TextAreaField
        control={form.control}
        name="notes"
        label={t.register.flags.notes}
        hint={t.common.optional}
      />
      <ErrorAlert error={add.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={add.isPending}>{t.register.flags.add}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type Ending =
  | { kind: 'circumstance'; id: string; name: string; from: string }
  | { kind: 'flag'; id: string; name: string; from: string };

function EndForm({ ending, onDone }: { ending: Ending; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const savePerson = useSavePerson();
  const form = useForm<z.input<typeof EndAssignment>, unknown, z.output<typeof EndAssignment>>({
    resolver: zodResolver(
      EndAssignment.superRefine((value, ctx) => {
        if (value.validTo < ending.from) {
          ctx.addIssue({ code: 'custom', path: ['validTo'], message: t.validation.invalidDate });
        }
      }),
    ),
    defaultValues: { validTo: todayInVietnam(), reason: '' },
  });
  const applyErrors = useServerErrors(form.setError, ['validTo', 'reason']);
  const end = useMutation({
    mutationFn: (body: z.input<typeof EndAssignment>) =>
      ending.kind === 'circumstance'
        ? call(api.register.endCircumstance, { params: { id: ending.id }, body })
        : call(api.register.endFlag, { params: { id: ending.id }, body }),
    onSuccess: async (saved) => {
      notify.success(t.register.circumstances.ended);
      await savePerson(saved);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm
      label={t.register.circumstances.end}
      onSubmit={form.handleSubmit((values) => end.mutate(values))}
    >
      <DateField
        control={form.control}
        name="validTo"
        label={t.register.circumstances.validTo}
        notAfter={todayInVietnam()}
      />
      <TextAreaField control={form.control} name="reason" label={t.register.circumstances.endReason} />
      <ErrorAlert error={end.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={end.isPending}>{t.register.circumstances.end}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function period(from: string, to: string | null, t: ReturnType<typeof useI18n>['t']): string {
  return `${formatDate(from)} – ${to ? formatDate(to) : t.register.circumstances.ongoing}`;
}

/**
 * The child's current special circumstances and at-risk flags, each with its dates and how to end it, and the full
 * history of both. Ended entries are never deleted: the history is the record.
 */
export function CircumstancesPanel({ person }: { person: PersonDetail }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const flags = useFlagNames();
  const [dialog, setDialog] = useState<'assign' | 'flag' | null>(null);
  const [ending, setEnding] = useState<Ending | null>(null);
  const writable = can('register.write') && person.status === 'active';
  const currentCircumstances = person.circumstanceHistory.filter((c) => !c.validTo);
  const currentFlags = person.flagHistory.filter((f) => !f.validTo);

  const circumstanceLabel = (c: CircumstanceAssignment) =>
    c.subGroupCode
      ? `${circumstanceName(c.groupCode, language)} — ${subGroupName(c.groupCode, c.subGroupCode, language)}`
      : circumstanceName(c.groupCode, language);
  const flagLabel = (f: AtRiskFlag) =>
    (language === 'vi' ? f.flagName : flags.name(f.flagCode)) || f.flagCode;

  const circumstanceColumns: DataColumns<CircumstanceAssignment> = [
    { key: 'group', title: t.register.circumstances.group, render: (_, c) => circumstanceLabel(c) },
    {
      key: 'period',
      title: `${t.register.circumstances.validFrom} – ${t.register.circumstances.validTo}`,
      render: (_, c) => period(c.validFrom, c.validTo, t),
    },
    { key: 'evidence', title: t.register.circumstances.evidence, render: (_, c) => c.evidence ?? '' },
    { key: 'endReason', title: t.register.circumstances.endReason, render: (_, c) => c.endReason ?? '' },
  ];
  const flagColumns: DataColumns<AtRiskFlag> = [
    { key: 'flag', title: t.register.flags.flag, render: (_, f) => flagLabel(f) },
    {
      key: 'period',
      title: `${t.register.circumstances.validFrom} – ${t.register.circumstances.validTo}`,
      render: (_, f) => period(f.validFrom, f.validTo, t),
    },
    { key: 'notes', title: t.register.flags.notes, render: (_, f) => f.notes ?? '' },
    { key: 'endReason', title: t.register.circumstances.endReason, render: (_, f) => f.endReason ?? '' },
  ];

  return (
    <Flex vertical gap="middle">
      <Card
        title={t.register.circumstances.current}
        extra={
          writable ? (
            <Button type="primary" onClick={() => setDialog('assign')}>
              {t.register.circumstances.assign}
            </Button>
          ) : undefined
        }
      >
        {currentCircumstances.length === 0 ? (
          <EmptyState description={t.register.circumstances.none} />
        ) : (
          <List
            dataSource={currentCircumstances}
            rowKey={(c) => c.id}
            renderItem={(c) => (
              <List.Item
                actions={
                  writable
                    ? [
                        <Button
                          key="end"
                          size="small"
                          aria-label={`${t.register.circumstances.end}: ${circumstanceName(c.groupCode, language)}`}
                          onClick={() =>
                            setEnding({
                              kind: 'circumstance',
                              id: c.id,
                              name: circumstanceLabel(c),
                              from: c.validFrom,
                            })
                          }
                        >
                          {t.register.circumstances.end}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <>
                      <Tag color="magenta">{c.subGroupCode ?? c.groupCode}</Tag>
                      {circumstanceLabel(c)}
                    </>
                  }
                  description={
                    <>
                      {period(c.validFrom, c.validTo, t)}
                      {c.evidence && (
                        <Typography.Paragraph className="compact-paragraph">
                          {c.evidence}
                        </Typography.Paragraph>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card
        title={t.register.flags.current}
        extra={
          writable ? <Button onClick={() => setDialog('flag')}>{t.register.flags.add}</Button> : undefined
        }
      >
        {currentFlags.length === 0 ? (
          <EmptyState description={t.register.flags.none} />
        ) : (
          <List
            dataSource={currentFlags}
            rowKey={(f) => f.id}
            renderItem={(f) => (
              <List.Item
                actions={
                  writable
                    ? [
                        <Button
                          key="end"
                          size="small"
                          aria-label={`${t.register.circumstances.end}: ${flagLabel(f)}`}
                          onClick={() =>
                            setEnding({ kind: 'flag', id: f.id, name: flagLabel(f), from: f.validFrom })
                          }
                        >
                          {t.register.circumstances.end}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta title={flagLabel(f)} description={period(f.validFrom, f.validTo, t)} />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={t.register.circumstances.history}>
        <DataTable<CircumstanceAssignment>
          label={t.register.circumstances.history}
          columns={circumstanceColumns}
          data={person.circumstanceHistory}
          rowKey={(c) => c.id}
          emptyText={t.register.circumstances.noHistory}
        />
      </Card>
      <Card title={t.register.flags.history}>
        <DataTable<AtRiskFlag>
          label={t.register.flags.history}
          columns={flagColumns}
          data={person.flagHistory}
          rowKey={(f) => f.id}
          emptyText={t.register.circumstances.noHistory}
        />
      </Card>
      <Dialog
        open={dialog === 'assign'}
        title={format(t.register.circumstances.assignTitle, { name: person.fullName })}
        onClose={() => setDialog(null)}
        width={640}
      >
        {dialog === 'assign' && <AssignCircumstanceForm person={person} onDone={() => setDialog(null)} />}
      </Dialog>
      <Dialog
        open={dialog === 'flag'}
        title={format(t.register.flags.addTitle, { name: person.fullName })}
        onClose={() => setDialog(null)}
      >
        {dialog === 'flag' && <AddFlagForm person={person} onDone={() => setDialog(null)} />}
      </Dialog>
      <Dialog
        open={ending !== null}
        title={ending ? format(t.register.circumstances.endTitle, { name: ending.name }) : ''}
        onClose={() => setEnding(null)}
      >
        {ending && <EndForm ending={ending} onDone={() => setEnding(null)} />}
      </Dialog>
    </Flex>
  );
}
