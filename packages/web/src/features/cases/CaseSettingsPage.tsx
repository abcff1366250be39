import { useId, useState } from 'react';
import { useController, useForm, type Control, type FieldPath, type Resolver } from 'react-hook-form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CloseOutlined } from '@ant-design/icons';
import { api, type CaseSettings } from '@treem/shared';
import { isApiError } from '../../api/ApiError.ts';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate, formatInstant } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  Card,
  DataTable,
  ErrorAlert,
  FieldFrame,
  Flex,
  FormActions,
  InputNumber,
  Loading,
  Page,
  PlainDateInput,
  Select,
  SubmitButton,
  Tag,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { useOrgUnitDetail } from '../orgUnits/queries.ts';
import { nestErrors } from './actionForms.ts';
import {
  serverSettingsIssueText,
  serverSettingsPath,
  settingsInput,
  settingsIssues,
  settingsIssueText,
  settingsValues,
  withDay,
  type SettingsValues,
} from './caseSettingsForm.ts';
import { caseSettingsKeys, useCaseSettings } from './queries.ts';

type Deadline = CaseSettings['deadlines'][number];

/** The province's amount of one deadline: a whole number from 1 to the most the rules allow. */
function AmountInput({ control, deadline }: { control: Control<SettingsValues>; deadline: Deadline }) {
  const { t, language } = useI18n();
  const s = t.cases.settings;
  const { field, fieldState } = useController({ control, name: `amounts.${deadline.code}` });
  const unit = s.units[deadline.kind];
  const value: unknown = field.value;
  return (
    <Flex vertical gap={2}>
      <Flex gap="small" align="center">
        <InputNumber
          ref={field.ref}
          aria-label={format(s.amountFor, { name: deadline.name[language] })}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => field.onChange(typeof next === 'number' ? next : null)}
          onBlur={field.onBlur}
          // No min or max here: the input would silently clamp what was typed; the form says what is wrong.
          precision={0}
          inputMode="numeric"
          status={fieldState.error ? 'error' : undefined}
          aria-invalid={fieldState.invalid}
          className="settings-amount"
        />
        <span>{unit}</span>
      </Flex>
      <Typography.Text type={fieldState.error ? 'danger' : 'secondary'} className="due-detail">
        {fieldState.error?.message ?? format(s.amountHint, { max: deadline.maxAmount, unit })}
      </Typography.Text>
    </Flex>
  );
}

/** A list of calendar dates: each shown dd/MM/yyyy with a way to remove it, and a date to add. */
function DayList({
  control,
  name,
  label,
  hint,
}: {
  control: Control<SettingsValues>;
  name: 'extraDaysOff' | 'extraWorkingDays';
  label: string;
  hint: string;
}) {
  const { t } = useI18n();
  const s = t.cases.settings;
  const id = useId();
  const [day, setDay] = useState<string | undefined>();
  const { field, fieldState } = useController({ control, name });
  const days = field.value;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <Flex vertical gap="small">
        {days.length === 0 ? (
          <Typography.Text type="secondary">{s.noDays}</Typography.Text>
        ) : (
          <ul className="item-list tag-group">
            {days.map((value) => (
              <li key={value}>
                <Tag className="day-tag">
                  {formatDate(value)}
                  <Button
                    type="text"
                    size="small"
                    icon={<CloseOutlined />}
                    aria-label={format(s.removeDay, { date: formatDate(value) })}
                    onClick={() => field.onChange(days.filter((other) => other !== value))}
                  />
                </Tag>
              </li>
            ))}
          </ul>
        )}
        <Flex gap="small" wrap align="center">
          <div className="filter-field">
            <PlainDateInput id={id} value={day} onChange={setDay} allowClear />
          </div>
          <Button
            disabled={!day}
            aria-label={format(s.addTo, { list: label })}
            onClick={() => {
              if (!day) return;
              field.onChange(withDay(days, day));
              setDay(undefined);
            }}
          >
            {s.addDay}
          </Button>
        </Flex>
      </Flex>
    </FieldFrame>
  );
}

function SettingsForm({ provinceCode, settings }: { provinceCode: string; settings: CaseSettings }) {
  const { t, language } = useI18n();
  const s = t.cases.settings;
  const notify = useNotify();
  const client = useQueryClient();
  const resolver: Resolver<SettingsValues> = async (values) => {
    const issues = settingsIssues(values, settings);
    if (issues.length === 0) return { values, errors: {} };
    return {
      values: {},
      errors: nestErrors<SettingsValues>(
        issues.map((issue) => ({ path: issue.path, message: settingsIssueText(issue.code, t) })),
      ),
    };
  };
  const form = useForm<SettingsValues>({ resolver, defaultValues: settingsValues(settings) });
  const save = useMutation({
    mutationFn: (values: SettingsValues) =>
      call(api.caseSettings.save, { params: { provinceCode }, body: settingsInput(values) }),
    onSuccess: (saved) => {
      client.setQueryData(caseSettingsKeys.province(provinceCode), saved);
      form.reset(settingsValues(saved));
      notify.success(s.saved);
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      for (const issue of error.issues) {
        const path = serverSettingsPath(issue.path);
        if (path)
          form.setError(path as FieldPath<SettingsValues>, {
            type: 'server',
            message: serverSettingsIssueText(issue, t),
          });
      }
    },
  });
  const hasErrors = Object.keys(form.formState.errors).length > 0;
  const columns: DataColumns<Deadline> = [
    {
      key: 'name',
      title: s.columns.name,
      render: (_, d) => (
        <Flex vertical gap={2} className="settings-deadline">
          <span>
            {d.name[language]}{' '}
            <Tag color={d.statutory ? 'blue' : 'default'}>{d.statutory ? s.statutory : s.notStatutory}</Tag>
          </span>
          <Typography.Text type="secondary" className="due-detail">
            {`${s.columns.legalBasis}: ${d.legalBasis}`}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'national',
      title: s.columns.national,
      render: (_, d) => format(s.amount, { amount: d.nationalAmount, unit: s.units[d.kind] }),
    },
    {
      key: 'province',
      title: s.columns.province,
      render: (_, d) => <AmountInput control={form.control} deadline={d} />,
    },
  ];
  return (
    <AppForm label={s.title} onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <Flex vertical gap="middle">
        <Card title={s.deadlines}>
          <DataTable<Deadline>
            label={s.deadlines}
            columns={columns}
            data={settings.deadlines}
            rowKey={(d) => d.code}
            size="small"
          />
        </Card>
        <Card>
          <DayList control={form.control} name="extraDaysOff" label={s.daysOff} hint={s.daysOffHint} />
          <DayList
            control={form.control}
            name="extraWorkingDays"
            label={s.workingDays}
            hint={s.workingDaysHint}
          />
        </Card>
        <Typography.Text type="secondary">
          {settings.updatedAt ? format(s.updatedAt, { at: formatInstant(settings.updatedAt) }) : s.national}
        </Typography.Text>
        {hasErrors && <Typography.Text type="danger">{s.invalid}</Typography.Text>}
        <ErrorAlert error={save.error} />
        <FormActions>
          <SubmitButton loading={save.isPending}>{s.save}</SubmitButton>
        </FormActions>
      </Flex>
    </AppForm>
  );
}

/**
 * The province administrator's case settings: each deadline of the national catalogue with the province's own
 * amount (shorter than the law's, never longer; the referral response time as the province sees fit), and the
 * province's own days off and worked days. Every deadline computed after a save uses them.
 */
export function CaseSettingsPage() {
  const { t } = useI18n();
  const s = t.cases.settings;
  const me = useMe();
  const provinceId = useId();
  const provinces = me.user.scope.filter((unit) => unit.level === 'province');
  const [chosen, setChosen] = useState<string | undefined>(provinces[0]?.orgUnitId);
  const unit = useOrgUnitDetail(chosen);
  const provinceCode = unit.data?.unit.code;
  const settings = useCaseSettings(provinceCode);

  return (
    <Page title={s.title}>
      <Typography.Paragraph type="secondary" className="page-intro">
        {s.intro}
      </Typography.Paragraph>
      {provinces.length === 0 ? (
        <Typography.Text type="secondary">{s.noProvince}</Typography.Text>
      ) : (
        <>
          {provinces.length > 1 && (
            <Card>
              <div className="filter-field">
                <FieldFrame id={provinceId} label={s.province}>
                  <Select
                    id={provinceId}
                    value={chosen}
                    onChange={(value: string) => setChosen(value)}
                    options={provinces.map((p) => ({ value: p.orgUnitId, label: p.fullName }))}
                  />
                </FieldFrame>
              </div>
            </Card>
          )}
          {unit.isError ? (
            <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />
          ) : settings.isError ? (
            <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
          ) : !provinceCode || settings.isPending ? (
            <Loading />
          ) : (
            <SettingsForm key={provinceCode} provinceCode={provinceCode} settings={settings.data} />
          )}
        </>
      )}
    </Page>
  );
}
