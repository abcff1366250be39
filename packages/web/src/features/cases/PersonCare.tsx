import { useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { PlusOutlined } from '@ant-design/icons';
import {
  carePlacementKindNames,
  carePlacementStatusNames,
  type CarePlacement,
  type PersonDetail,
} from '@treem/shared';
import { useMe, useSession } from '../../auth/SessionProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate, formatInstant } from '../../i18n/format.ts';
import {
  Button,
  Card,
  DataTable,
  Descriptions,
  Dialog,
  ErrorAlert,
  Flex,
  Loading,
  SidePanel,
  Tag,
  Typography,
  type DataColumns,
} from '../../ui/index.ts';
import { CareActionForm, ProposeCareForm } from './CareForms.tsx';
import {
  careActions,
  careActionText,
  careStatusColour,
  handoverDueState,
  mayProposeCare,
  readsPlacementsByRole,
  wellbeingColour,
  type CareAction,
  type CareActor,
} from './careRules.ts';
import { DueClock } from './display.tsx';
import { usePersonCare, usePersonCases } from './queries.ts';
import { useNow } from './useNow.ts';

type Visit = CarePlacement['visits'][number];

function Visits({ placement }: { placement: CarePlacement }) {
  const { t } = useI18n();
  const c = t.cases.care;
  const columns: DataColumns<Visit> = [
    { key: 'visitedOn', title: c.visitedOn, render: (_, v) => formatDate(v.visitedOn) },
    { key: 'visitedBy', title: c.visitedBy, responsive: ['md'], render: (_, v) => v.visitedByName },
    {
      key: 'wellbeing',
      title: c.wellbeing,
      render: (_, v) => <Tag color={wellbeingColour[v.wellbeing]}>{c.wellbeings[v.wellbeing]}</Tag>,
    },
    { key: 'findings', title: c.findings, render: (_, v) => <span className="case-text">{v.findings}</span> },
    { key: 'nextVisitOn', title: c.nextVisitOn, render: (_, v) => formatDate(v.nextVisitOn) },
  ];
  return (
    <DataTable<Visit>
      label={format(c.visitsOf, { carer: placement.carerName })}
      columns={columns}
      data={placement.visits}
      rowKey={(v) => v.id}
      emptyText={c.noVisits}
      size="small"
    />
  );
}

function Placement({
  placement,
  caseNumber,
  actor,
  now,
  onAction,
}: {
  placement: CarePlacement;
  /** The case the placement came from, when the reader may open it. */
  caseNumber: string | undefined;
  actor: CareActor;
  now: Date;
  onAction: (action: CareAction) => void;
}) {
  const { t, language } = useI18n();
  const c = t.cases.care;
  const due = handoverDueState(placement, now);
  const carer = [placement.carerName, placement.carerRelation].filter(Boolean).join(' · ');
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'carer', label: c.carerName, children: carer },
    ...(placement.provider
      ? [{ key: 'provider', label: c.institution, children: placement.provider.name }]
      : []),
    ...(placement.carerAddress
      ? [{ key: 'address', label: c.carerAddress, children: placement.carerAddress }]
      : []),
    ...(placement.carerPhone ? [{ key: 'phone', label: c.carerPhone, children: placement.carerPhone }] : []),
    { key: 'proposedAt', label: c.proposedAt, children: formatInstant(placement.proposedAt) },
    ...(placement.proposalNote
      ? [
          {
            key: 'note',
            label: c.note,
            children: <span className="case-text">{placement.proposalNote}</span>,
          },
        ]
      : []),
    ...(placement.decisionNumber && placement.decidedOn
      ? [
          {
            key: 'decision',
            label: c.decision,
            children: format(c.decisionText, {
              number: placement.decisionNumber,
              date: formatDate(placement.decidedOn),
            }),
          },
        ]
      : []),
    ...(due && placement.handoverDueAt
      ? [
          {
            key: 'handoverDue',
            label: c.handoverDue,
            children: <DueClock dueAt={placement.handoverDueAt} state={due} kind={null} now={now} />,
          },
        ]
      : []),
    ...(placement.handedOverOn
      ? [{ key: 'handedOverOn', label: c.handedOverOn, children: formatDate(placement.handedOverOn) }]
      : []),
    ...(placement.terminatedOn
      ? [{ key: 'terminatedOn', label: c.terminatedOn, children: formatDate(placement.terminatedOn) }]
      : []),
    ...(placement.terminationReason
      ? [
          {
            key: 'reason',
            label: placement.status === 'rejected' ? c.refusalReason : c.terminationReason,
            children: <span className="case-text">{placement.terminationReason}</span>,
          },
        ]
      : []),
    ...(placement.caseId && caseNumber
      ? [
          {
            key: 'case',
            label: c.case,
            children: (
              <Link to="/cases/$id" params={{ id: placement.caseId }}>
                {caseNumber}
              </Link>
            ),
          },
        ]
      : []),
  ];
  const actions = careActions(placement, actor);
  const shownVisits = placement.status === 'placed' || placement.visits.length > 0;
  return (
    <li className="referral-item" aria-label={carer}>
      <Flex vertical gap="small">
        <Flex justify="space-between" align="start" wrap gap="small">
          <Flex vertical gap={4}>
            <Typography.Text strong>{carePlacementKindNames[placement.kind][language]}</Typography.Text>
            <span className="tag-group">
              <Tag color={careStatusColour[placement.status]}>
                {carePlacementStatusNames[placement.status][language]}
              </Tag>
              {due === 'overdue' && <Tag color="red">{c.handoverOverdue}</Tag>}
            </span>
          </Flex>
          <Flex gap="small" wrap>
            {actions.map((action) => (
              <Button
                key={action}
                type={
                  action === 'approve' || action === 'handOver' || action === 'visit' ? 'primary' : 'default'
                }
                danger={action === 'refuse' || action === 'terminate'}
                onClick={() => onAction(action)}
              >
                {careActionText(action, t).button}
              </Button>
            ))}
          </Flex>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
        {shownVisits && (
          <>
            <Typography.Text strong>{c.visits}</Typography.Text>
            <Visits placement={placement} />
          </>
        )}
      </Flex>
    </li>
  );
}

/**
 * "Chăm sóc thay thế" on the child's profile: the child's placements with relatives, another family or an
 * institution, their decision, hand-over clock and visits. The commune's worker proposes and follows a placement
 * up; its leader decides. Others who may see the placements (supervising officers, readers of the case a
 * placement came from) only read them; for everyone else the server sends none and the section stays hidden.
 */
export function PersonCarePanel({ person }: { person: PersonDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const me = useMe();
  const now = useNow();
  const [proposing, setProposing] = useState(false);
  const [open, setOpen] = useState<{ action: CareAction; placement: CarePlacement } | null>(null);
  const readable = person.isChild && can('case.read');
  const care = usePersonCare(person.id, readable);
  const cases = usePersonCases(person.id, readable && can('case.knowOpen'));
  const caseNumbers = new Map((cases.data?.cases ?? []).map((item) => [item.id, item.caseNumber]));
  if (!readable) return null;
  const actor: CareActor = {
    canManage: can('case.manage'),
    canApprove: can('case.approve'),
    scope: me.user.scope,
  };
  const c = t.cases.care;
  if (care.isPending) return <Loading />;
  if (care.isError) return <ErrorAlert error={care.error} onRetry={() => void care.refetch()} />;
  const placements = care.data.items;
  const mayPropose = mayProposeCare(placements, person, actor.canManage);
  // For a reader who sees placements only through a case, an empty section would wrongly say there are none.
  if (placements.length === 0 && !readsPlacementsByRole(me.user)) return null;
  return (
    <Card
      title={c.title}
      extra={
        mayPropose ? (
          <Button icon={<PlusOutlined />} onClick={() => setProposing(true)}>
            {c.propose}
          </Button>
        ) : undefined
      }
    >
      {placements.length === 0 ? (
        <Typography.Text type="secondary">{c.empty}</Typography.Text>
      ) : (
        <ul className="item-list" aria-label={c.list}>
          {placements.map((placement) => (
            <Placement
              key={placement.id}
              placement={placement}
              caseNumber={placement.caseId ? caseNumbers.get(placement.caseId) : undefined}
              actor={actor}
              now={now}
              onAction={(action) => setOpen({ action, placement })}
            />
          ))}
        </ul>
      )}
      <SidePanel open={proposing} title={c.propose} onClose={() => setProposing(false)}>
        {proposing && <ProposeCareForm person={person} onDone={() => setProposing(false)} />}
      </SidePanel>
      <Dialog
        open={open !== null}
        title={open ? careActionText(open.action, t).title : ''}
        onClose={() => setOpen(null)}
      >
        {open && (
          <CareActionForm action={open.action} placement={open.placement} onDone={() => setOpen(null)} />
        )}
      </Dialog>
    </Card>
  );
}
