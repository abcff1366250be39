import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { api, PlainDateString, Uuid, type PlanDetail, type PlanTemplateSummary } from '@treem/shared';
import { z } from 'zod';
import { call } from '../../api/client.ts';
import { useWorkingUnit } from '../../app/WorkingUnit.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  Alert,
  AppForm,
  Button,
  DataTable,
  DateField,
  ErrorAlert,
  Flex,
  FormActions,
  Loading,
  Radio,
  SubmitButton,
  TextField,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import { OrgUnitPickerField } from '../orgUnits/OrgUnitPicker.tsx';
import { applyPlanErrors, formatTargetValue, groupName, periodText, planResolver } from './display.tsx';
import { useInvalidatePlans, usePlanTemplate, usePlanTemplates } from './queries.ts';

const TemplateForm = z.object({
  unitId: Uuid,
  title: z.string().trim().max(1000).nullish(),
  documentNumber: z.string().trim().max(60).nullish(),
  issuedDate: PlainDateString.nullish(),
  issuedBy: z.string().trim().max(300).nullish(),
});
type Values = z.input<typeof TemplateForm>;
type Output = z.output<typeof TemplateForm>;

function TemplateChoice({ template }: { template: PlanTemplateSummary }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>{template.title}</Typography.Text>
      <Typography.Text type="secondary">
        {format(t.plans.template.summary, {
          document: template.documentNumber ?? t.plans.template.noNumber,
          area: template.area,
          start: template.periodStart,
          end: template.periodEnd,
        })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {format(t.plans.template.counts, {
          targets: template.targetCount,
          activities: template.activityCount,
          agencies: template.agencyCount,
        })}
      </Typography.Text>
    </Flex>
  );
}

/** The targets a template sets, to check before loading it. */
function TemplatePreview({ code }: { code: string }) {
  const { t, language } = useI18n();
  const template = usePlanTemplate(code);
  if (template.isPending) return <Loading />;
  if (template.isError) return <ErrorAlert error={template.error} onRetry={() => void template.refetch()} />;
  const targets = template.data.targets;
  const columns: DataColumns<(typeof targets)[number]> = [
    { key: 'code', title: t.plans.targets.columns.code, dataIndex: 'code' },
    { key: 'text', title: t.plans.targets.columns.text, dataIndex: 'text' },
    {
      key: 'values',
      title: t.plans.targets.columns.values,
      render: (_, target) =>
        target.values.length === 0
          ? t.plans.targets.noValues
          : target.values
              .map(
                (value) =>
                  `${value.year}${value.group ? ` (${groupName(value.group, t)})` : ''}: ${formatTargetValue(value, target.comparator, target.unit, t, language)}`,
              )
              .join('; '),
    },
  ];
  return (
    <Flex vertical gap="small">
      <Typography.Title level={3}>{t.plans.template.preview}</Typography.Title>
      {targets.length === 0 ? (
        <Alert type="info" showIcon title={t.plans.template.noTargets} />
      ) : (
        <DataTable columns={columns} data={targets} rowKey={(target) => target.code} size="small" />
      )}
      <Typography.Text type="secondary">
        {periodText(template.data.periodStart, template.data.periodEnd, t)}
      </Typography.Text>
    </Flex>
  );
}

/** "Tạo từ mẫu": pick one of the seed plans, see its targets, load it for a province or commune. */
export function TemplateDialog({
  onDone,
  onCreated,
}: {
  onDone: () => void;
  onCreated: (plan: PlanDetail) => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const templates = usePlanTemplates();
  const { unit: working } = useWorkingUnit();
  const owner =
    working && (working.level === 'province' || working.level === 'commune') ? working : undefined;
  const [code, setCode] = useState<string | undefined>();
  const form = useForm<Values, unknown, Output>({
    resolver: planResolver(TemplateForm, t),
    defaultValues: {
      unitId: owner?.orgUnitId ?? '',
      title: null,
      documentNumber: null,
      issuedDate: null,
      issuedBy: null,
    },
  });
  const create = useMutation({
    mutationFn: (values: Output) =>
      call(api.plans.createFromTemplate, {
        body: {
          unitId: values.unitId,
          templateCode: code ?? '',
          // Left empty: the template's own title, number, date and issuer.
          ...(values.title ? { title: values.title } : {}),
          ...(values.documentNumber ? { documentNumber: values.documentNumber } : {}),
          ...(values.issuedDate ? { issuedDate: values.issuedDate } : {}),
          ...(values.issuedBy ? { issuedBy: values.issuedBy } : {}),
        },
      }),
    onSuccess: async (plan) => {
      notify.success(t.plans.template.created);
      await invalidate();
      onCreated(plan);
      onDone();
    },
    onError: (error) => applyPlanErrors(error, form.setError, t),
  });
  const f = t.plans.fields;

  if (templates.isPending) return <Loading />;
  if (templates.isError)
    return <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />;
  return (
    <Flex vertical gap="middle">
      <Radio.Group
        aria-label={t.plans.template.choose}
        value={code}
        onChange={(event) => setCode(String(event.target.value))}
      >
        <Flex vertical gap="small">
          {templates.data.items.map((template) => (
            <Radio key={template.code} value={template.code}>
              <TemplateChoice template={template} />
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
      {code && <TemplatePreview code={code} />}
      {code && (
        <AppForm
          label={t.plans.template.title}
          onSubmit={form.handleSubmit((values) => create.mutate(values))}
        >
          <OrgUnitPickerField
            control={form.control}
            name="unitId"
            label={f.unit}
            hint={f.unitHint}
            allowedLevels={['province', 'commune']}
            known={
              owner
                ? [{ id: owner.orgUnitId, name: owner.name, fullName: owner.fullName, level: owner.level }]
                : []
            }
          />
          <Typography.Paragraph type="secondary">{t.plans.template.ownTitleHint}</Typography.Paragraph>
          <TextField control={form.control} name="title" label={f.title} emptyAs="null" maxLength={1000} />
          <TextField control={form.control} name="documentNumber" label={f.documentNumber} emptyAs="null" />
          <DateField control={form.control} name="issuedDate" label={f.issuedDate} />
          <TextField control={form.control} name="issuedBy" label={f.issuedBy} emptyAs="null" />
          <ErrorAlert error={create.error} />
          <FormActions>
            <Button onClick={onDone}>{t.common.cancel}</Button>
            <SubmitButton loading={create.isPending}>{t.plans.template.create}</SubmitButton>
          </FormActions>
        </AppForm>
      )}
    </Flex>
  );
}
