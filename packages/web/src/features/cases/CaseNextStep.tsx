import { useState } from 'react';
import type { CaseActionType, CaseDetail } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Alert, Card, Flex, Radio, Typography } from '../../ui/index.ts';
import { actionName, isCaseActionType } from './catalogue.ts';
import { CaseActionForm } from './CaseActionForms.tsx';

/**
 * The form for the next step, driven by what the server says the reader may do (`availableActions`). Where two
 * actions are open (approve or return a plan; close or keep open) the reader chooses one first.
 */
export function CaseNextStep({ detail, onConflict }: { detail: CaseDetail; onConflict: () => void }) {
  const { t, language } = useI18n();
  const [chosen, setChosen] = useState<CaseActionType | undefined>();
  const [conflict, setConflict] = useState(false);
  const actions = detail.availableActions.filter(isCaseActionType);
  const actor = detail.relation === 'worker' || detail.relation === 'approver';
  if (!actor) return null;
  const type = chosen && actions.includes(chosen) ? chosen : actions[0];
  return (
    <Card title={t.cases.next.title}>
      <Flex vertical gap="middle">
        {conflict && <Alert type="warning" showIcon title={t.cases.next.conflict} />}
        {!type && <Typography.Text type="secondary">{t.cases.next.none}</Typography.Text>}
        {actions.length > 1 && (
          <Radio.Group
            aria-label={t.cases.next.choose}
            optionType="button"
            buttonStyle="solid"
            className="choice-field"
            value={type}
            onChange={(event) => setChosen(event.target.value as CaseActionType)}
            options={actions.map((action) => ({ value: action, label: actionName(action, language) }))}
          />
        )}
        {type && (
          <>
            <Typography.Title level={3} className="subsection-title">
              {actionName(type, language)}
            </Typography.Title>
            {/* A new version of the case (after any change) starts the form afresh from it. */}
            <CaseActionForm
              key={`${type}:${detail.version}`}
              type={type}
              detail={detail}
              onConflict={() => {
                setConflict(true);
                onConflict();
              }}
              onDone={() => {
                setConflict(false);
                setChosen(undefined);
              }}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}
