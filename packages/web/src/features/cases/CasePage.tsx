import { getRouteApi, Link } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { api, type CaseDetail } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { Alert, Button, ErrorAlert, Loading, Page, useNotify } from '../../ui/index.ts';
import { CaseFormsMenu } from './CaseFormsMenu.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { CaseNextStep } from './CaseNextStep.tsx';
import { CaseReferralsSection } from './CaseReferralsSection.tsx';
import { IntakeSection } from './IntakeSection.tsx';
import { NotesSection } from './NotesSection.tsx';
import { PlanSection } from './PlanSection.tsx';
import { useCase, useCaseChanged } from './queries.ts';
import { SharesSection } from './SharesSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import { TransferRequestButton, TransferStatus } from './TransferSection.tsx';

const route = getRouteApi('/app/cases/$id');

/** A report no worker has taken yet, seen by a worker of its commune: "take it" and become its worker. */
function TakeCase({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const notify = useNotify();
  const changed = useCaseChanged();
  const take = useMutation({
    mutationFn: () => call(api.cases.take, { params: { id: detail.id } }),
    onSuccess: async () => {
      notify.success(format(t.cases.inbox.taken, { caseNumber: detail.caseNumber }));
      await changed(detail.id);
    },
  });
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={t.cases.detail.inboxHint}
        action={
          <Button type="primary" loading={take.isPending} onClick={() => take.mutate()}>
            {t.cases.inbox.take}
          </Button>
        }
      />
      <ErrorAlert error={take.error} />
    </>
  );
}

/**
 * One case: who it is about and where it stands, the form for the next step, the intake, the plan and its
 * progress, the referrals, notes, shares, the transfer, the printable forms, and everything that happened. What each reader sees and may do is the
 * server's answer (`relation`, `availableActions`, a reporter or note body left out).
 */
export function CasePage() {
  const { t } = useI18n();
  const { id } = route.useParams();
  const query = useCase(id);
  const changed = useCaseChanged();
  const breadcrumbs = [
    <Link key="cases" to="/cases">
      {t.cases.mine.title}
    </Link>,
  ];

  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <Page title={t.cases.mine.title} breadcrumbs={breadcrumbs}>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  const detail = query.data;
  const worker = detail.relation === 'worker';

  return (
    <Page
      title={format(t.cases.detail.title, { caseNumber: detail.caseNumber })}
      breadcrumbs={breadcrumbs}
      extra={
        <>
          <TransferRequestButton detail={detail} />
          <CaseFormsMenu detail={detail} />
        </>
      }
    >
      <CaseHeader detail={detail} />
      <TransferStatus detail={detail} />
      {detail.relation === 'inbox' && !detail.transfer && <TakeCase detail={detail} />}
      <CaseNextStep detail={detail} onConflict={() => void changed(detail.id)} />
      <IntakeSection detail={detail} />
      {detail.planActions.length > 0 && <PlanSection detail={detail} />}
      <CaseReferralsSection detail={detail} />
      <NotesSection detail={detail} />
      {worker && <SharesSection detail={detail} />}
      <TimelineSection detail={detail} />
    </Page>
  );
}
