import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { caseSteps, type CaseDetail, type CaseStep } from '@treem/shared';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate, formatInstant } from '../../i18n/format.ts';
import { Alert, Card, Descriptions, Flex, Steps, Tag, Typography } from '../../ui/index.ts';
import { closeReasonName, stepName } from './catalogue.ts';
import { ConcernTags, DueClock, RiskTag, StepTag } from './display.tsx';
import { dueStateAt } from './countdown.ts';
import { LinkChildButton } from './LinkChild.tsx';
import { useNow } from './useNow.ts';

/** The statutory steps the bar shows: the emergency step only for a case found urgent. */
export function statutorySteps(detail: Pick<CaseDetail, 'step' | 'urgent'>): CaseStep[] {
  const withEmergency = detail.urgent || detail.step === 'emergency';
  return caseSteps.filter((step) => step !== 'emergency' || withEmergency);
}

/** The 12-hour clocks of Decree 56: the initial assessment and the emergency intervention. */
const clockSteps: readonly CaseStep[] = ['received', 'emergency'];

function childBirth(child: CaseDetail['child']): string {
  if (child.birthDate) return formatDate(child.birthDate);
  return child.birthYear ? String(child.birthYear) : '';
}

/** Who the case is about, where it stands on the statutory path, its risk and its deadline. */
export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const now = useNow(15_000);
  const steps = statutorySteps(detail);
  const current = steps.indexOf(detail.step);
  const due = detail.due;
  const clock = due && clockSteps.includes(detail.step);
  const items: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'child',
      label: t.cases.detail.child,
      children:
        detail.child.personId && can('register.read') ? (
          <Link to="/register/persons/$id" params={{ id: detail.child.personId }}>
            {detail.child.name}
          </Link>
        ) : (
          <Flex vertical gap={2}>
            <span>{detail.child.name}</span>
            {!detail.child.personId && (
              <Typography.Text type="secondary">{t.cases.detail.notInRegister}</Typography.Text>
            )}
            <span>
              <LinkChildButton detail={detail} />
            </span>
          </Flex>
        ),
    },
    ...(detail.child.sex
      ? [{ key: 'sex', label: t.cases.detail.sex, children: t.sexes[detail.child.sex] }]
      : []),
    ...(childBirth(detail.child)
      ? [{ key: 'birth', label: t.cases.detail.birth, children: childBirth(detail.child) }]
      : []),
    ...(detail.child.address
      ? [{ key: 'address', label: t.cases.detail.address, children: detail.child.address }]
      : []),
    { key: 'commune', label: t.cases.detail.commune, children: detail.commune.name },
    { key: 'step', label: t.cases.detail.step, children: <StepTag step={detail.step} /> },
    {
      key: 'risk',
      label: t.cases.detail.risk,
      children: (
        <span className="tag-group">
          <RiskTag level={detail.riskLevel} />
          {detail.urgent && detail.step !== 'closed' && <Tag color="red">{t.cases.markers.urgent}</Tag>}
          {detail.extraConfidential && <Tag color="purple">{t.cases.markers.extraConfidential}</Tag>}
        </span>
      ),
    },
    {
      key: 'concerns',
      label: t.cases.detail.concerns,
      children: <ConcernTags codes={detail.concernTypes} />,
    },
    ...(due && !clock
      ? [
          {
            key: 'due',
            label: t.cases.columns.deadline,
            children: <DueClock dueAt={due.at} state={due.state} kind={due.kind} now={now} />,
          },
        ]
      : []),
    {
      key: 'workers',
      label: t.cases.detail.workers,
      children:
        detail.members.length > 0
          ? detail.members.map((member) => member.fullName).join(', ')
          : t.cases.detail.noWorker,
    },
    { key: 'relation', label: t.cases.detail.relation, children: t.cases.detail.relations[detail.relation] },
  ];

  return (
    <Card>
      <Flex vertical gap="middle">
        {clock && (
          <Alert
            type={dueStateAt(due.state, due.at, now) === 'overdue' ? 'error' : 'warning'}
            showIcon
            title={format(t.cases.due.clockTitle, { kind: t.cases.due.kinds[due.kind] })}
            description={<DueClock dueAt={due.at} state={due.state} kind={null} now={now} large />}
          />
        )}
        {detail.closedAt && (
          <Alert
            type="info"
            showIcon
            title={format(t.cases.detail.closed, {
              at: formatInstant(detail.closedAt),
              reason: detail.closeReason ? closeReasonName(detail.closeReason, language) : '',
            })}
          />
        )}
        <nav aria-label={t.cases.detail.steps} className="case-steps">
          <Steps
            size="small"
            titlePlacement="vertical"
            current={current}
            status={detail.step === 'closed' ? 'finish' : 'process'}
            items={steps.map((step) => ({ key: step, title: stepName(step, language) }))}
          />
        </nav>
        <Descriptions column={{ xs: 1, md: 2 }} items={items} />
      </Flex>
    </Card>
  );
}
