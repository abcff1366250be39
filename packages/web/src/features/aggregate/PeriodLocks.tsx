import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { api, periodLabel, type AggregateForm } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatInstant } from '../../i18n/format.ts';
import {
  Alert,
  Button,
  Dialog,
  ErrorAlert,
  FieldFrame,
  FormActions,
  Input,
  Typography,
  useNotify,
} from '../../ui/index.ts';
import { useRefreshForms } from './queries.ts';

/** The locks that hold for the form's unit and period, its own and those above it: the form is read-only. */
export function LockBanner({ form }: { form: AggregateForm }) {
  const { t, language } = useI18n();
  if (!form.locked) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<LockOutlined />}
      title={t.aggregate.locked.title}
      description={form.locks.map((lock) => (
        <Typography.Paragraph key={lock.id} className="lock-line">
          {format(t.aggregate.locked.body, {
            unit: lock.unit.fullName,
            period: periodLabel(lock.period, language),
            at: formatInstant(lock.lockedAt),
          })}
          {lock.lockedBy && <> {format(t.aggregate.locked.by, { name: lock.lockedBy.fullName })}</>}
          {lock.reason && <> {format(t.aggregate.locked.reason, { reason: lock.reason })}</>}
        </Typography.Paragraph>
      ))}
    />
  );
}

/**
 * Lock or unlock the form's unit for its period (for those with `aggregate.lock`). Only the unit's own lock is
 * lifted here; a lock of a unit above it is lifted at that unit.
 */
export function LockButtons({ form }: { form: AggregateForm }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState<'lock' | 'unlock' | null>(null);
  if (form.unit.level !== 'province' && form.unit.level !== 'commune') return null;
  const own = form.locks.find((lock) => lock.unit.id === form.unit.id);
  const names = { period: periodLabel(form.period, language), unit: form.unit.fullName };
  return (
    <>
      {own ? (
        <Button icon={<UnlockOutlined />} onClick={() => setOpen('unlock')}>
          {t.aggregate.unlock}
        </Button>
      ) : (
        <Button icon={<LockOutlined />} onClick={() => setOpen('lock')}>
          {t.aggregate.lock}
        </Button>
      )}
      <Dialog
        open={open !== null}
        title={format(open === 'unlock' ? t.aggregate.unlockTitle : t.aggregate.lockTitle, names)}
        onClose={() => setOpen(null)}
      >
        <LockForm form={form} action={open ?? 'lock'} onDone={() => setOpen(null)} />
      </Dialog>
    </>
  );
}

function LockForm({
  form,
  action,
  onDone,
}: {
  form: AggregateForm;
  action: 'lock' | 'unlock';
  onDone: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const notify = useNotify();
  const refresh = useRefreshForms();
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const params = { unitId: form.unit.id };
  const period = form.period;
  const run = useMutation({
    mutationFn: () =>
      action === 'lock'
        ? call(api.aggregate.lock, { params, body: { period, reason: reason.trim() || null } })
        : call(api.aggregate.unlock, { params, body: { period, reason: reason.trim() } }),
    onSuccess: async () => {
      notify.success(action === 'lock' ? t.aggregate.lockDone : t.aggregate.unlockDone);
      onDone();
      await refresh();
    },
  });
  const reasonMissing = action === 'unlock' && reason.trim().length < 3;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setAttempted(true);
        if (!reasonMissing) run.mutate();
      }}
    >
      {action === 'lock' && (
        <Typography.Paragraph type="secondary">{t.aggregate.lockHint}</Typography.Paragraph>
      )}
      <FieldFrame
        id={id}
        label={action === 'lock' ? t.aggregate.lockReason : t.aggregate.unlockReason}
        error={attempted && reasonMissing ? t.aggregate.unlockReasonRequired : undefined}
      >
        <Input.TextArea
          id={id}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </FieldFrame>
      <ErrorAlert error={run.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={run.isPending} danger={action === 'unlock'}>
          {action === 'lock' ? t.aggregate.lock : t.aggregate.unlock}
        </Button>
      </FormActions>
    </form>
  );
}
