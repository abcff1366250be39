import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, checkPasswordStrength, type User } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  ConfirmButton,
  Dialog,
  ErrorAlert,
  Flex,
  FormActions,
  PasswordField,
  SubmitButton,
  TextAreaField,
  useNotify,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { PasswordStrength } from '../account/PasswordStrength.tsx';
import { generatePassword } from '../account/passwordGenerator.ts';
import { useInvalidateUsers } from './queries.ts';

const DisableBody = api.users.disable.body;
type DisableBody = z.infer<typeof DisableBody>;
const ResetPasswordBody = api.users.resetPassword.body;
type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

function DisableForm({ user, onDone }: { user: User; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateUsers();
  const form = useForm({ resolver: zodResolver(DisableBody), defaultValues: { reason: '' } });
  const applyErrors = useServerErrors(form.setError, ['reason']);
  const disable = useMutation({
    mutationFn: (body: DisableBody) => call(api.users.disable, { params: { id: user.id }, body }),
    onSuccess: async () => {
      notify.success(format(t.users.disabled, { name: user.fullName }));
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.users.disable} onSubmit={form.handleSubmit((body) => disable.mutate(body))}>
      <TextAreaField control={form.control} name="reason" label={t.users.disableReason} />
      <ErrorAlert error={disable.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton danger loading={disable.isPending}>
          {t.users.disable}
        </SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateUsers();
  const schema = ResetPasswordBody.superRefine((value, ctx) => {
    if (value.newPassword && checkPasswordStrength(value.newPassword, user.username).length > 0) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: t.password.weak });
    }
  });
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { newPassword: '' } });
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });
  const applyErrors = useServerErrors(form.setError, ['newPassword'], {
    WEAK_PASSWORD: 'newPassword',
    PASSWORD_REUSED: 'newPassword',
  });
  const reset = useMutation({
    mutationFn: (body: ResetPasswordBody) => call(api.users.resetPassword, { params: { id: user.id }, body }),
    onSuccess: async () => {
      notify.success(format(t.users.passwordReset, { name: user.fullName }));
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.users.resetPassword} onSubmit={form.handleSubmit((body) => reset.mutate(body))}>
      <PasswordField
        control={form.control}
        name="newPassword"
        label={t.users.newPassword}
        hint={t.users.passwordHint}
        autoComplete="new-password"
      />
      <Button
        size="small"
        onClick={() => form.setValue('newPassword', generatePassword(), { shouldValidate: true })}
      >
        {t.password.generate}
      </Button>
      <PasswordStrength password={newPassword} username={user.username} />
      <ErrorAlert error={reset.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={reset.isPending}>{t.users.resetPassword}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

type Action = 'disable' | 'resetPassword';

/** Row actions for one user. Not offered on one's own row: the server refuses them (CANNOT_CHANGE_SELF). */
export function UserActions({ user, onEdit }: { user: User; onEdit: () => void }) {
  const t = useT();
  const notify = useNotify();
  const invalidate = useInvalidateUsers();
  const [action, setAction] = useState<Action | null>(null);
  const done = () => setAction(null);
  const enable = useMutation({
    mutationFn: () => call(api.users.enable, { params: { id: user.id } }),
    onSuccess: async () => {
      notify.success(format(t.users.enabled, { name: user.fullName }));
      await invalidate();
    },
  });
  const resetMfa = useMutation({
    mutationFn: () => call(api.users.resetMfa, { params: { id: user.id } }),
    onSuccess: async () => {
      notify.success(format(t.users.mfaReset, { name: user.fullName }));
      await invalidate();
    },
  });
  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap>
        <Button size="small" onClick={onEdit}>
          {t.common.edit}
        </Button>
        <Button size="small" onClick={() => setAction('resetPassword')}>
          {t.users.resetPassword}
        </Button>
        {user.mfaEnabled && (
          <ConfirmButton
            size="small"
            question={format(t.users.resetMfaConfirm, { name: user.fullName })}
            onConfirm={() => resetMfa.mutateAsync()}
            loading={resetMfa.isPending}
          >
            {t.users.resetMfa}
          </ConfirmButton>
        )}
        {user.status === 'active' ? (
          <Button size="small" danger onClick={() => setAction('disable')}>
            {t.users.disable}
          </Button>
        ) : (
          <ConfirmButton
            size="small"
            question={format(t.users.enableConfirm, { name: user.fullName })}
            onConfirm={() => enable.mutateAsync()}
            loading={enable.isPending}
          >
            {t.users.enable}
          </ConfirmButton>
        )}
      </Flex>
      <ErrorAlert error={enable.error ?? resetMfa.error} />
      <Dialog
        open={action !== null}
        title={format(action === 'disable' ? t.users.disableTitle : t.users.resetPasswordTitle, {
          name: user.fullName,
        })}
        onClose={done}
      >
        {action === 'disable' && <DisableForm user={user} onDone={done} />}
        {action === 'resetPassword' && <ResetPasswordForm user={user} onDone={done} />}
      </Dialog>
    </Flex>
  );
}
