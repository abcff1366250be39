import { Link } from '@tanstack/react-router';
import type { DuplicateCandidate } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { Alert, Button, Card, ErrorAlert, Flex, FormActions, Tag, Typography } from '../../ui/index.ts';
import { ethnicityName } from './display.tsx';
import { formatBirthDate } from './personForm.ts';

/**
 * The records the server thinks may be the child being registered. Each opens in a new tab so the form keeps what
 * was typed; creating anyway is an explicit, separate decision.
 */
export function DuplicateWarning({
  candidates,
  loading,
  error,
  onConfirm,
  onBack,
}: {
  candidates: readonly DuplicateCandidate[];
  loading: boolean;
  error: unknown;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <Flex vertical gap="middle" role="alert" aria-label={t.register.duplicateWarning.title}>
      <Alert
        type="warning"
        showIcon
        title={t.register.duplicateWarning.title}
        description={t.register.duplicateWarning.intro}
      />
      {candidates.map(({ person, reasons, similarity }) => (
        <Card key={person.id} size="small">
          <Flex vertical gap={4}>
            <Link to="/register/persons/$id" params={{ id: person.id }} target="_blank">
              <Typography.Text strong>{person.fullName}</Typography.Text> · {t.register.duplicateWarning.open}
            </Link>
            <Typography.Text>
              {t.sexes[person.sex]} · {formatBirthDate(person.birthDate, person.birthDatePrecision)} ·{' '}
              {ethnicityName(person.ethnicityCode)}
            </Typography.Text>
            <Typography.Text type="secondary">
              {[
                person.personalId,
                person.householdHeadName && `${t.register.household.head}: ${person.householdHeadName}`,
                person.villageName,
                person.communeName,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
            <span className="tag-group">
              {reasons.map((reason) => (
                <Tag key={reason} color="orange">
                  {t.duplicateReasons[reason]}
                </Tag>
              ))}
              <Tag>
                {format(t.register.duplicateWarning.similarity, {
                  percent: formatNumber(Math.round(similarity * 100)),
                })}
              </Tag>
            </span>
          </Flex>
        </Card>
      ))}
      <ErrorAlert error={error} />
      <FormActions>
        <Button onClick={onBack}>{t.register.duplicateWarning.back}</Button>
        <Button type="primary" danger loading={loading} onClick={onConfirm}>
          {t.register.duplicateWarning.confirm}
        </Button>
      </FormActions>
    </Flex>
  );
}
