import { useId, useState } from 'react';
import { useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { DeleteOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import {
  api,
  findIndicator,
  indicatorCatalogue,
  IndicatorUnit,
  TargetComparator,
  TargetDirection,
  todayInVietnam,
  type PlanDetail,
  type PlanTarget,
} from '@treem/shared';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  ChoiceField,
  ConfirmButton,
  DataTable,
  DecimalField,
  Dialog,
  ErrorAlert,
  FieldFrame,
  Flex,
  FormActions,
  NumberField,
  Select,
  SelectField,
  SidePanel,
  SubmitButton,
  TextAreaField,
  TextField,
  Tooltip,
  Typography,
  useNotify,
  type DataColumns,
} from '../../ui/index.ts';
import {
  applyPlanErrors,
  formatCurrent,
  formatTargetValue,
  groupName,
  IndicatorStatusTag,
  planResolver,
} from './display.tsx';
import { linesOf, targetBody, TargetForm, targetFormValues, type TargetFormValues } from './planForms.ts';
import { useCurrentValues, useInvalidatePlans } from './queries.ts';
import { dataYears, defaultDataYear, targetStatus, targetYears, valuesOfYear } from './targetValues.ts';

type Output = ReturnType<typeof TargetForm.parse>;

/** One row of the "values by year" editor. */
function ValueRow({
  control,
  index,
  unit,
  groups,
  onRemove,
}: {
  control: Control<TargetFormValues>;
  index: number;
  unit: string;
  groups: string[];
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const f = t.plans.targets.fields;
  const [more, setMore] = useState(false);
  return (
    <Flex vertical className="target-value-row">
      <Flex gap="small" wrap align="start">
        <div className="target-value-year">
          <NumberField control={control} name={`values.${index}.year`} label={f.year} min={2000} max={2100} />
        </div>
        <div className="target-value-value">
          {unit === 'boolean' ? (
            <ChoiceField
              control={control}
              name={`values.${index}.value`}
              label={f.value}
              options={[
                { value: true, label: t.common.yes },
                { value: false, label: t.common.no },
              ]}
            />
          ) : (
            <DecimalField control={control} name={`values.${index}.value`} label={f.value} />
          )}
        </div>
        {groups.length > 0 && (
          <div className="target-value-group">
            <SelectField
              control={control}
              name={`values.${index}.group`}
              label={f.group}
              options={groups.map((group) => ({ value: group, label: groupName(group, t) }))}
              allowClear
            />
          </div>
        )}
        <Flex gap="small" className="target-value-buttons">
          <Button size="small" type="link" onClick={() => setMore((open) => !open)}>
            {f.more}
          </Button>
          <Button size="small" danger type="link" icon={<DeleteOutlined />} onClick={onRemove}>
            {f.removeValue}
          </Button>
        </Flex>
      </Flex>
      {more && (
        <Flex gap="small" wrap>
          <div className="target-value-group">
            <SelectField
              control={control}
              name={`values.${index}.comparator`}
              label={f.valueComparator}
              options={TargetComparator.options.map((c) => ({ value: c, label: t.plans.comparators[c] }))}
              allowClear
            />
          </div>
          <div className="target-value-year">
            <NumberField
              control={control}
              name={`values.${index}.toYear`}
              label={f.toYear}
              min={2000}
              max={2100}
            />
          </div>
          <div className="target-value-value">
            <DecimalField control={control} name={`values.${index}.valueMax`} label={f.valueMax} />
          </div>
        </Flex>
      )}
    </Flex>
  );
}

/** Add a target to a plan, or change one: its text and the value it sets for each year (each unit its own). */
export function TargetEditor({
  plan,
  target,
  onDone,
}: {
  plan: PlanDetail;
  target?: PlanTarget;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const form = useForm<TargetFormValues, unknown, Output>({
    resolver: planResolver(TargetForm, t),
    defaultValues: targetFormValues(target),
  });
  const values = useFieldArray({ control: form.control, name: 'values' });
  const unit = useWatch({ control: form.control, name: 'unit' });
  const groups = linesOf(useWatch({ control: form.control, name: 'disaggregationText' }));
  const save = useMutation({
    mutationFn: (output: Output) =>
      target
        ? call(api.plans.updateTarget, { params: { id: target.id }, body: targetBody(output) })
        : call(api.plans.addTarget, { params: { id: plan.id }, body: targetBody(output) }),
    onSuccess: async () => {
      notify.success(t.plans.targets.saved);
      await invalidate();
      onDone();
    },
    onError: (error) => applyPlanErrors(error, form.setError, t, { disaggregation: 'disaggregationText' }),
  });
  const f = t.plans.targets.fields;
  const nextYear = () => {
    const years = form.getValues('values').map((row) => row.year ?? 0);
    return years.length > 0 ? Math.min(Math.max(...years) + 1, plan.periodEnd) : plan.periodEnd;
  };

  return (
    <AppForm
      label={target ? format(t.plans.targets.editTitle, { code: target.code }) : t.plans.targets.addTitle}
      onSubmit={form.handleSubmit((output) => save.mutate(output))}
    >
      <TextField control={form.control} name="code" label={f.code} maxLength={20} autoFocus={!target} />
      <TextAreaField control={form.control} name="text" label={f.text} />
      <SelectField
        control={form.control}
        name="unit"
        label={f.unit}
        options={IndicatorUnit.options.map((u) => ({ value: u, label: t.plans.units[u] }))}
      />
      <SelectField
        control={form.control}
        name="direction"
        label={f.direction}
        options={TargetDirection.options.map((d) => ({ value: d, label: t.plans.directions[d] }))}
      />
      <SelectField
        control={form.control}
        name="comparator"
        label={f.comparator}
        options={TargetComparator.options.map((c) => ({ value: c, label: t.plans.comparators[c] }))}
        allowClear
      />
      <TextAreaField
        control={form.control}
        name="disaggregationText"
        label={f.disaggregation}
        hint={f.disaggregationHint}
      />
      <FieldFrame id={`values-${plan.id}`} label={f.values}>
        <Flex vertical gap="small">
          {values.fields.map((row, index) => (
            <ValueRow
              key={row.id}
              control={form.control}
              index={index}
              unit={unit}
              groups={groups}
              onRemove={() => values.remove(index)}
            />
          ))}
          <div>
            <Button
              id={`values-${plan.id}`}
              icon={<PlusOutlined />}
              onClick={() =>
                values.append({ year: nextYear(), value: unit === 'boolean' ? true : (null as never) })
              }
            >
              {f.addValue}
            </Button>
          </div>
        </Flex>
      </FieldFrame>
      <TextField control={form.control} name="measure" label={f.measure} emptyAs="null" />
      <TextField control={form.control} name="population" label={f.population} emptyAs="null" />
      <TextField control={form.control} name="responsibleAgency" label={f.responsibleAgency} emptyAs="null" />
      <TextAreaField control={form.control} name="note" label={f.note} hint={t.common.optional} />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/** Link a target to the catalogue indicator that measures it, or unlink it. */
function LinkIndicator({ target, onDone }: { target: PlanTarget; onDone: () => void }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const id = useId();
  const [code, setCode] = useState<string | null>(target.indicatorCode);
  const save = useMutation({
    mutationFn: () =>
      call(api.plans.linkTargetIndicator, { params: { id: target.id }, body: { indicatorCode: code } }),
    onSuccess: async () => {
      notify.success(t.plans.targets.linked);
      await invalidate();
      onDone();
    },
  });
  return (
    <AppForm label={format(t.plans.targets.linkTitle, { code: target.code })} onSubmit={() => save.mutate()}>
      <FieldFrame
        id={id}
        label={t.plans.targets.fields.indicator}
        hint={t.plans.targets.fields.indicatorHint}
      >
        <Select
          id={id}
          value={code ?? undefined}
          onChange={(next: string | undefined) => setCode(next ?? null)}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t.common.select}
          options={indicatorCatalogue.map((indicator) => ({
            value: indicator.code,
            label: `${indicator.code} — ${indicator.name[language]}`,
          }))}
        />
      </FieldFrame>
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/**
 * The plan's targets: the value each year, the catalogue indicator that measures it, its current value for the
 * plan's unit and the status against THIS plan's target (not another plan's).
 */
export function TargetsTab({ plan, canEdit }: { plan: PlanDetail; canEdit: boolean }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const periodId = useId();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState(() => defaultDataYear(plan.periodStart, plan.periodEnd, thisYear));
  const [editing, setEditing] = useState<PlanTarget | 'new' | null>(null);
  const [linking, setLinking] = useState<PlanTarget | null>(null);
  const codes = plan.targets.flatMap((target) => (target.indicatorCode ? [target.indicatorCode] : []));
  const current = useCurrentValues(plan.unit.id, year, codes, can('indicator.read'));
  const cellOf = (code: string | null) =>
    code ? (current.data?.items.find((item) => item.code === code)?.cell ?? null) : null;
  const remove = useMutation({
    mutationFn: (target: PlanTarget) => call(api.plans.removeTarget, { params: { id: target.id } }),
    onSuccess: async () => {
      notify.success(t.plans.targets.removed);
      await invalidate();
    },
  });

  const years = targetYears(plan.targets);
  const c = t.plans.targets.columns;
  const columns: DataColumns<PlanTarget> = [
    { key: 'code', title: c.code, dataIndex: 'code', fixed: 'left' },
    {
      key: 'text',
      title: c.text,
      render: (_, target) => <span className="target-text">{target.text}</span>,
    },
    ...years.map((columnYear) => ({
      key: `year-${columnYear}`,
      title: String(columnYear),
      render: (_: unknown, target: PlanTarget) => (
        <Flex vertical gap={0}>
          {valuesOfYear(target, columnYear).map((value, index) => (
            <span key={index} className="target-figure">
              {value.group ? `${groupName(value.group, t)}: ` : ''}
              {formatTargetValue(value, target.comparator, target.unit, t, language)}
              {value.toYear !== undefined ? ` (${value.year}–${value.toYear})` : ''}
            </span>
          ))}
        </Flex>
      ),
    })),
    {
      key: 'indicator',
      title: c.indicator,
      render: (_, target) =>
        target.indicatorCode ? (
          <Tooltip title={findIndicator(target.indicatorCode)?.name[language]}>
            <Link
              to="/indicators/$code"
              params={{ code: target.indicatorCode }}
              search={{ unitId: plan.unit.id, period: String(year) }}
              aria-label={format(t.plans.targets.openIndicator, { code: target.indicatorCode })}
            >
              {target.indicatorCode}
            </Link>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t.plans.targets.noIndicator}</Typography.Text>
        ),
    },
    {
      key: 'current',
      title: `${c.current} (${year})`,
      align: 'right',
      render: (_, target) => {
        const indicator = target.indicatorCode ? findIndicator(target.indicatorCode) : undefined;
        const cell = cellOf(target.indicatorCode);
        return target.indicatorCode
          ? formatCurrent(cell?.value ?? null, indicator?.unit ?? target.unit, t, language)
          : '';
      },
    },
    {
      key: 'status',
      title: c.status,
      render: (_, target) => {
        if (!target.indicatorCode) return '';
        const indicator = findIndicator(target.indicatorCode);
        return (
          <IndicatorStatusTag
            status={targetStatus(
              cellOf(target.indicatorCode)?.value ?? null,
              target,
              year,
              indicator?.direction,
            )}
          />
        );
      },
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: c.actions,
            render: (_: unknown, target: PlanTarget) => (
              <Flex gap={4} wrap>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(target)}>
                  {t.common.edit}
                </Button>
                <Button size="small" icon={<LinkOutlined />} onClick={() => setLinking(target)}>
                  {t.plans.targets.link}
                </Button>
                <ConfirmButton
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  question={format(t.plans.targets.removeConfirm, { code: target.code })}
                  onConfirm={() => remove.mutateAsync(target)}
                >
                  {t.plans.targets.remove}
                </ConfirmButton>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap="middle">
      <Flex gap="middle" wrap align="end" justify="space-between">
        <div className="filter-field">
          <FieldFrame id={periodId} label={t.plans.targets.period}>
            <Select
              id={periodId}
              value={year}
              onChange={(next: number) => setYear(next)}
              options={dataYears(plan.periodStart, plan.periodEnd, thisYear).map((y) => ({
                value: y,
                label: String(y),
              }))}
            />
          </FieldFrame>
        </div>
        {canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t.plans.targets.add}
          </Button>
        )}
      </Flex>
      {codes.length > 0 && (
        <Typography.Text type="secondary">
          {format(t.plans.targets.currentNote, { unit: plan.unit.fullName, year })}
        </Typography.Text>
      )}
      <ErrorAlert error={remove.error} />
      <DataTable<PlanTarget>
        label={t.plans.detail.tabs.targets}
        columns={columns}
        data={plan.targets}
        rowKey={(target) => target.id}
        loading={current.isFetching}
        emptyText={t.plans.targets.empty}
        size="small"
      />
      <SidePanel
        open={editing !== null}
        title={
          editing && editing !== 'new'
            ? format(t.plans.targets.editTitle, { code: editing.code })
            : t.plans.targets.addTitle
        }
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <TargetEditor
            plan={plan}
            target={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </SidePanel>
      <Dialog
        open={linking !== null}
        title={linking ? format(t.plans.targets.linkTitle, { code: linking.code }) : ''}
        onClose={() => setLinking(null)}
      >
        {linking && <LinkIndicator target={linking} onDone={() => setLinking(null)} />}
      </Dialog>
    </Flex>
  );
}
