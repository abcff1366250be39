import { useId, useState } from 'react';
import {
  useController,
  useForm,
  useWatch,
  type Control,
  type FieldPath,
  type Resolver,
} from 'react-hook-form';
import { getRouteApi } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { api, concernTypes, todayInVietnam } from '@treem/shared';
import { call } from '../../api/client.ts';
import { isApiError } from '../../api/ApiError.ts';
import { useMe, useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/vi.ts';
import {
  Alert,
  AppForm,
  Button,
  ButtonLink,
  Card,
  Checkbox,
  ChoiceField,
  DateField,
  ErrorAlert,
  FieldFrame,
  Flex,
  FormActions,
  LargeControls,
  NumberField,
  Page,
  Result,
  SelectField,
  SubmitButton,
  Switch,
  TextAreaField,
  TextField,
  Typography,
} from '../../ui/index.ts';
import { OrgUnitPickerField } from '../orgUnits/OrgUnitPicker.tsx';
import { caseIssueText, nestErrors } from './actionForms.ts';
import { channelOptions, concernOptions, sourceOptions } from './catalogue.ts';
import { ChildSearchField } from './ChildSearchField.tsx';
import { checkReport, defaultReportValues, type ReportOutput, type ReportValues } from './reportForm.ts';
import { useCaseChanged } from './queries.ts';

const route = getRouteApi('/app/cases/report');

/** The fields a server issue (`body.child.name`) can be shown on; any other is listed under the form. */
const reportFields = new Set<string>([
  'personId',
  'child.name',
  'child.sex',
  'child.birthYear',
  'child.address',
  'communeId',
  'channel',
  'source',
  'reporter.name',
  'reporter.phone',
  'reporter.relation',
  'concernTypes',
  'description',
  'occurredOn',
  'occurredPlace',
]);

function reportResolver(needsCommune: boolean, t: Messages): Resolver<ReportValues> {
  return async (values) => {
    const checked = checkReport(values, needsCommune, t);
    if (checked.intake) return { values, errors: {} };
    return { values: {}, errors: nestErrors<ReportValues>(checked.issues) };
  };
}

function ConcernTypesField({
  control,
  label,
  hint,
}: {
  control: Control<ReportValues>;
  label: string;
  hint: string;
}) {
  const { language } = useI18n();
  const id = useId();
  const { field, fieldState } = useController({ control, name: 'concernTypes' });
  return (
    <FieldFrame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <Checkbox.Group
        aria-label={label}
        className="concern-list"
        value={field.value}
        onChange={(next) => field.onChange(concernTypes.filter((code) => next.includes(code)))}
        options={concernOptions(language)}
      />
    </FieldFrame>
  );
}

function AnonymousSwitch({
  control,
  label,
  hint,
}: {
  control: Control<ReportValues>;
  label: string;
  hint: string;
}) {
  const id = useId();
  const { field } = useController({ control, name: 'reporter.anonymous' });
  return (
    <FieldFrame id={id} label={label} hint={hint}>
      <Switch id={id} checked={field.value} onChange={(on) => field.onChange(on)} />
    </FieldFrame>
  );
}

function Sent({ sent, onAnother }: { sent: { id: string; caseNumber: string }; onAnother: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  // The reporter is not one of the case's workers: only the commune's workers and its leader may open it.
  const mayOpen = can('case.manage') || can('case.approve');
  return (
    <Result
      status="success"
      title={format(t.cases.report.sentTitle, { caseNumber: sent.caseNumber })}
      subTitle={
        <Flex vertical gap="small">
          <span>{t.cases.report.sentReceived}</span>
          {!mayOpen && <span>{t.cases.report.sentConfidential}</span>}
        </Flex>
      }
      extra={
        <Flex gap="small" wrap justify="center">
          {can('case.manage') && (
            <ButtonLink to="/cases/inbox" buttonType="primary">
              {t.cases.report.openInbox}
            </ButtonLink>
          )}
          {!can('case.manage') && can('case.approve') && (
            <ButtonLink to="/cases/$id" params={{ id: sent.id }} buttonType="primary">
              {t.cases.report.openCase}
            </ButtonLink>
          )}
          <Button onClick={onAnother}>{t.cases.report.reportAnother}</Button>
        </Flex>
      }
    />
  );
}

function ReportForm({
  personId,
  onSent,
}: {
  personId: string | undefined;
  onSent: (sent: { id: string; caseNumber: string }) => void;
}) {
  const { t, language } = useI18n();
  const me = useMe();
  const changed = useCaseChanged();
  const scope = me.user.scope;
  // A one-commune or one-village scope names the commune of a child known only by name; any other must choose it.
  const needsCommune = !(
    scope.length === 1 &&
    (scope[0]!.level === 'commune' || scope[0]!.level === 'village')
  );
  const form = useForm<ReportValues>({
    resolver: reportResolver(needsCommune, t),
    defaultValues: defaultReportValues({
      role: me.user.role,
      fullName: me.user.fullName,
      roleName: t.roles[me.user.role],
      personId,
    }),
  });
  const childMode = useWatch({ control: form.control, name: 'childMode' });
  const anonymous = useWatch({ control: form.control, name: 'reporter.anonymous' });
  const [otherIssues, setOtherIssues] = useState<string[]>([]);
  const report = useMutation({
    mutationFn: (body: ReportOutput) => call(api.cases.report, { body }),
    onSuccess: async (result) => {
      await changed(result.id);
      onSent(result);
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      const other: string[] = [];
      for (const issue of error.issues) {
        const path = issue.path.replace(/^body\./, '');
        const message = caseIssueText(issue.code, t);
        if (issue.path.startsWith('body.') && reportFields.has(path))
          form.setError(path as FieldPath<ReportValues>, { type: 'server', message });
        else other.push(message);
      }
      setOtherIssues(other);
    },
  });

  return (
    <AppForm
      label={t.cases.report.title}
      onSubmit={form.handleSubmit((values) => {
        // The resolver has checked the values: they make a whole report.
        const { intake } = checkReport(values, needsCommune, t);
        if (intake) report.mutate(intake);
      })}
    >
      <LargeControls>
        <div className="report-form">
          <Typography.Title level={2} className="section-title">
            {t.cases.report.childSection}
          </Typography.Title>
          <ChoiceField
            control={form.control}
            name="childMode"
            label={t.cases.report.childMode}
            options={(['register', 'name'] as const).map((mode) => ({
              value: mode,
              label: t.cases.report.childModes[mode],
            }))}
          />
          {childMode === 'register' ? (
            <ChildSearchField
              control={form.control}
              name="personId"
              label={t.cases.report.childSearch}
              hint={t.cases.report.childSearchHint}
              notFound={t.cases.report.childNoResults}
            />
          ) : (
            <>
              <TextField control={form.control} name="child.name" label={t.cases.report.childName} />
              <ChoiceField
                control={form.control}
                name="child.sex"
                label={t.cases.report.childSex}
                options={(['male', 'female'] as const).map((sex) => ({ value: sex, label: t.sexes[sex] }))}
              />
              <NumberField
                control={form.control}
                name="child.birthYear"
                label={t.cases.report.childBirthYear}
                min={1990}
                max={Number(todayInVietnam().slice(0, 4))}
              />
              <TextField
                control={form.control}
                name="child.address"
                label={t.cases.report.childAddress}
                emptyAs="null"
              />
              {needsCommune && (
                <OrgUnitPickerField
                  control={form.control}
                  name="communeId"
                  label={t.cases.report.commune}
                  hint={t.cases.report.communeHint}
                  allowedLevels={['commune']}
                />
              )}
            </>
          )}

          <Typography.Title level={2} className="section-title">
            {t.cases.report.concernSection}
          </Typography.Title>
          <ConcernTypesField
            control={form.control}
            label={t.cases.report.concernTypes}
            hint={t.cases.report.concernTypesHint}
          />
          <TextAreaField
            control={form.control}
            name="description"
            label={t.cases.report.description}
            hint={t.cases.report.descriptionHint}
          />
          <DateField
            control={form.control}
            name="occurredOn"
            label={t.cases.report.occurredOn}
            notAfter={todayInVietnam()}
          />
          <TextField
            control={form.control}
            name="occurredPlace"
            label={t.cases.report.occurredPlace}
            emptyAs="null"
          />
          <SelectField
            control={form.control}
            name="channel"
            label={t.cases.report.channel}
            options={channelOptions(language)}
          />
          <SelectField
            control={form.control}
            name="source"
            label={t.cases.report.source}
            options={sourceOptions(language)}
          />

          <Typography.Title level={2} className="section-title">
            {t.cases.report.reporterSection}
          </Typography.Title>
          <AnonymousSwitch
            control={form.control}
            label={t.cases.report.anonymous}
            hint={t.cases.report.anonymousHint}
          />
          {!anonymous && (
            <>
              <TextField
                control={form.control}
                name="reporter.name"
                label={t.cases.report.reporterName}
                emptyAs="null"
                autoComplete="name"
              />
              <TextField
                control={form.control}
                name="reporter.phone"
                label={t.cases.report.reporterPhone}
                emptyAs="null"
                inputMode="tel"
                autoComplete="tel"
              />
            </>
          )}
          <TextField
            control={form.control}
            name="reporter.relation"
            label={t.cases.report.reporterRelation}
            emptyAs="null"
          />
          <ErrorAlert error={report.error} />
          {otherIssues.length > 0 && (
            <ul className="plain-list">
              {otherIssues.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
          <FormActions>
            <SubmitButton loading={report.isPending}>{t.cases.report.submit}</SubmitButton>
          </FormActions>
        </div>
      </LargeControls>
    </AppForm>
  );
}

/**
 * Mẫu 01: anyone who may report tells the commune about a child they worry about. Made for a phone: one column,
 * large controls. Sent, it says what happens next and, kindly, that the reporter will not see the case again.
 */
export function ReportConcernPage() {
  const { t } = useI18n();
  const search = route.useSearch();
  const [sent, setSent] = useState<{ id: string; caseNumber: string } | null>(null);
  const [round, setRound] = useState(0);
  return (
    <Page title={t.cases.report.title}>
      {sent ? (
        <Card>
          <Sent
            sent={sent}
            onAnother={() => {
              setSent(null);
              setRound((previous) => previous + 1);
            }}
          />
        </Card>
      ) : (
        <>
          <Typography.Paragraph type="secondary" className="page-intro">
            {t.cases.report.intro}
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t.cases.report.danger} />
          <Card>
            <ReportForm key={round} personId={round === 0 ? search.person : undefined} onSent={setSent} />
          </Card>
        </>
      )}
    </Page>
  );
}
