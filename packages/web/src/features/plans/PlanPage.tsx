import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { ApartmentOutlined, EditOutlined } from '@ant-design/icons';
import { api, Uuid, type PlanDetail, type PlanStatus } from '@treem/shared';
import { z } from 'zod';
import { call } from '../../api/client.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import {
  Alert,
  AppForm,
  Button,
  ConfirmButton,
  Descriptions,
  Dialog,
  ErrorAlert,
  FormActions,
  Loading,
  Page,
  SidePanel,
  SubmitButton,
  Tabs,
  TextField,
  Typography,
  useNotify,
} from '../../ui/index.ts';
import { OrgUnitPickerField } from '../orgUnits/OrgUnitPicker.tsx';
import { ActivitiesTab } from './ActivitiesTab.tsx';
import { BudgetTab } from './BudgetTab.tsx';
import { applyPlanErrors, periodText, planResolver, PlanStatusTag } from './display.tsx';
import { OrganisationTab } from './OrganisationTab.tsx';
import { PlanForm } from './PlanForm.tsx';
import { useInvalidatePlans, usePlan } from './queries.ts';
import { TargetsTab } from './TargetsTab.tsx';
import './plans.css';

const route = getRouteApi('/app/plans/$planId');

/** The moves a plan's status allows (the server's rule, plan.service.ts): what each button asks and sends. */
const moves: Record<
  PlanStatus,
  readonly { to: PlanStatus; label: 'in_force' | 'closed' | 'draft' | 'reopen' }[]
> = {
  draft: [{ to: 'in_force', label: 'in_force' }],
  in_force: [
    { to: 'closed', label: 'closed' },
    { to: 'draft', label: 'draft' },
  ],
  closed: [{ to: 'in_force', label: 'reopen' }],
};

function StatusActions({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const change = useMutation({
    mutationFn: (status: PlanStatus) =>
      call(api.plans.setStatus, { params: { id: plan.id }, body: { status, version: plan.version } }),
    onSuccess: async () => {
      notify.success(t.plans.status.changed);
      await invalidate();
    },
  });
  return (
    <>
      {moves[plan.status].map((move) => (
        <ConfirmButton
          key={move.label}
          type={move.label === 'in_force' ? 'primary' : 'default'}
          question={t.plans.status.confirm[move.label]}
          loading={change.isPending}
          onConfirm={() => change.mutateAsync(move.to)}
        >
          {t.plans.status[move.label]}
        </ConfirmButton>
      ))}
      {change.error ? <ErrorAlert error={change.error} /> : null}
    </>
  );
}

const DeriveForm = z.object({ unitId: Uuid, title: z.string().trim().max(1000).nullish() });

/** A commune's plan made from this province plan: its unit (a commune in the caller's scope) and its title. */
function DeriveDialog({ plan, onDone }: { plan: PlanDetail; onDone: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidatePlans();
  const navigate = useNavigate();
  const form = useForm<z.input<typeof DeriveForm>, unknown, z.output<typeof DeriveForm>>({
    resolver: planResolver(DeriveForm, t),
    defaultValues: { unitId: '', title: null },
  });
  const derive = useMutation({
    mutationFn: (values: z.output<typeof DeriveForm>) =>
      call(api.plans.derive, {
        params: { id: plan.id },
        body: { unitId: values.unitId, ...(values.title ? { title: values.title } : {}) },
      }),
    onSuccess: async (derived) => {
      notify.success(t.plans.derive.done);
      await invalidate();
      onDone();
      void navigate({ to: '/plans/$planId', params: { planId: derived.id } });
    },
    onError: (error) => applyPlanErrors(error, form.setError, t),
  });
  const d = t.plans.derive;
  return (
    <AppForm label={d.title} onSubmit={form.handleSubmit((values) => derive.mutate(values))}>
      <Typography.Paragraph type="secondary">{d.intro}</Typography.Paragraph>
      <OrgUnitPickerField control={form.control} name="unitId" label={d.unit} allowedLevels={['commune']} />
      <TextField control={form.control} name="title" label={d.planTitle} hint={d.titleHint} emptyAs="null" />
      <ErrorAlert error={derive.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={derive.isPending}>{d.submit}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function PlanHeader({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const f = t.plans.fields;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label={f.unit}>{plan.unit.fullName}</Descriptions.Item>
      <Descriptions.Item label={t.plans.list.columns.status}>
        <PlanStatusTag status={plan.status} />
      </Descriptions.Item>
      <Descriptions.Item label={f.documentNumber}>
        {plan.documentNumber ?? t.plans.detail.none}
      </Descriptions.Item>
      <Descriptions.Item label={f.issuedDate}>{formatDate(plan.issuedDate)}</Descriptions.Item>
      <Descriptions.Item label={f.issuedBy}>{plan.issuedBy ?? ''}</Descriptions.Item>
      <Descriptions.Item label={t.plans.list.columns.period}>
        {periodText(plan.periodStart, plan.periodEnd, t)}
      </Descriptions.Item>
      {plan.derivedFrom && (
        <Descriptions.Item label={t.plans.detail.derivedFrom} span={2}>
          <Link to="/plans/$planId" params={{ planId: plan.derivedFrom.id }}>
            {plan.derivedFrom.title}
          </Link>{' '}
          ({plan.derivedFrom.unitName})
        </Descriptions.Item>
      )}
      <Descriptions.Item label={f.legalBasis} span={2}>
        {plan.legalBasis.length === 0 ? (
          t.plans.detail.none
        ) : (
          <ul className="plan-duties">
            {plan.legalBasis.map((basis, index) => (
              <li key={index}>{basis}</li>
            ))}
          </ul>
        )}
      </Descriptions.Item>
      {plan.generalGoal && (
        <Descriptions.Item label={f.generalGoal} span={2}>
          <Typography.Paragraph className="pre-line" ellipsis={{ rows: 3, expandable: true, symbol: '…' }}>
            {plan.generalGoal}
          </Typography.Paragraph>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/**
 * One plan: its header, the targets with their current values and status, the activities (list or kanban, each
 * with its notes, documents, events, courses and budget), the budget by source, and who carries it out.
 */
export function PlanPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { planId } = route.useParams();
  const query = usePlan(planId);
  const [editing, setEditing] = useState(false);
  const [deriving, setDeriving] = useState(false);
  const breadcrumbs = [
    <Link key="plans" to="/plans">
      {t.plans.detail.back}
    </Link>,
  ];
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <Page title={t.plans.list.title} breadcrumbs={breadcrumbs}>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  const plan = query.data;
  const manage = plan.editable && can('plan.manage');
  const canEdit = manage && plan.status !== 'closed';

  return (
    <Page
      title={plan.title}
      breadcrumbs={breadcrumbs}
      extra={
        <>
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t.plans.detail.edit}
            </Button>
          )}
          {manage && <StatusActions plan={plan} />}
          {can('plan.manage') && plan.unit.level === 'province' && (
            <Button icon={<ApartmentOutlined />} onClick={() => setDeriving(true)}>
              {t.plans.derive.button}
            </Button>
          )}
        </>
      }
    >
      {!plan.editable && <Alert type="info" showIcon title={t.plans.detail.readOnly} />}
      {plan.editable && plan.status === 'closed' && (
        <Alert type="warning" showIcon title={t.plans.detail.closedNote} />
      )}
      <PlanHeader plan={plan} />
      <Tabs
        items={[
          {
            key: 'targets',
            label: `${t.plans.detail.tabs.targets} (${plan.targets.length})`,
            children: <TargetsTab plan={plan} canEdit={canEdit} />,
          },
          {
            key: 'activities',
            label: `${t.plans.detail.tabs.activities} (${plan.activities.length})`,
            children: <ActivitiesTab plan={plan} canEdit={canEdit} />,
          },
          { key: 'budget', label: t.plans.detail.tabs.budget, children: <BudgetTab plan={plan} /> },
          {
            key: 'organisation',
            label: t.plans.detail.tabs.organisation,
            children: <OrganisationTab plan={plan} />,
          },
        ]}
      />
      <SidePanel open={editing} title={t.plans.detail.editTitle} onClose={() => setEditing(false)}>
        {editing && <PlanForm plan={plan} onDone={() => setEditing(false)} />}
      </SidePanel>
      <Dialog open={deriving} title={t.plans.derive.title} onClose={() => setDeriving(false)}>
        {deriving && <DeriveDialog plan={plan} onDone={() => setDeriving(false)} />}
      </Dialog>
    </Page>
  );
}
