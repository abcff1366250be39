import type { PlanDetail } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { Card, Flex, List, Tag, Typography } from '../../ui/index.ts';

/** "--06-15" → "15/6": a yearly deadline as the plans write it. */
function dayMonth(due: string): string {
  const match = /^--(\d{2})-(\d{2})$/.exec(due);
  return match ? `${Number(match[2])}/${Number(match[1])}` : due;
}

/** Who carries out the plan and how it reports: the agencies and their duties, the funding, the deadlines. */
export function OrganisationTab({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const o = t.plans.organisation;
  const reportName = (report: string) =>
    report in o.reportKinds ? o.reportKinds[report as keyof typeof o.reportKinds] : report;
  return (
    <Flex vertical gap="middle">
      <Card title={o.agencies} size="small">
        {plan.agencies.length === 0 ? (
          <Typography.Text type="secondary">{o.none}</Typography.Text>
        ) : (
          <List
            dataSource={plan.agencies}
            renderItem={(agency) => (
              <List.Item>
                <Flex vertical gap={4}>
                  <Flex gap="small" wrap align="center">
                    <Typography.Text strong>{agency.name}</Typography.Text>
                    {agency.standingAgency && <Tag color="blue">{o.standing}</Tag>}
                    {agency.requested && <Tag>{o.requested}</Tag>}
                  </Flex>
                  <ul className="plan-duties">
                    {agency.duties.map((duty, index) => (
                      <li key={index}>{duty}</li>
                    ))}
                  </ul>
                  {agency.targets.length > 0 && (
                    <Typography.Text type="secondary">
                      {format(o.targets, { codes: agency.targets.join(', ') })}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={o.funding} size="small">
        {plan.fundingSources.length === 0 ? (
          <Typography.Text type="secondary">{o.none}</Typography.Text>
        ) : (
          <ul className="plan-duties">
            {plan.fundingSources.map((source, index) => (
              <li key={index}>{source}</li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={o.reporting} size="small">
        {plan.reporting.deadlines.length === 0 && plan.reporting.milestones.length === 0 ? (
          <Typography.Text type="secondary">{o.none}</Typography.Text>
        ) : (
          <Flex vertical gap="small">
            {plan.reporting.deadlines.length > 0 && (
              <>
                <Typography.Text strong>{o.deadlines}</Typography.Text>
                <ul className="plan-duties">
                  {plan.reporting.deadlines.map((deadline, index) => (
                    <li key={index}>
                      {deadline.due
                        ? format(o.deadline, {
                            report: reportName(deadline.report),
                            due: dayMonth(deadline.due),
                            to: deadline.to ?? '',
                          })
                        : format(o.deadlineNoDate, {
                            report: reportName(deadline.report),
                            to: deadline.to ?? '',
                          })}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {plan.reporting.milestones.length > 0 && (
              <>
                <Typography.Text strong>{o.milestones}</Typography.Text>
                <ul className="plan-duties">
                  {plan.reporting.milestones.map((milestone, index) => (
                    <li key={index}>{milestone.text}</li>
                  ))}
                </ul>
              </>
            )}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
