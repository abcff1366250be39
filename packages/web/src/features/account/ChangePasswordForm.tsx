import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api, checkPasswordStrength, PasswordChange } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useMe, useSession } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { AppForm, ErrorAlert, FormActions, PasswordField, SubmitButton, useNotify } from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { PasswordStrength } from './PasswordStrength.tsx';

export function ChangePasswordForm() {
  const t = useT();
  const me = useMe();
  const session = useSession();
  const notify = useNotify();
  const username = me.user.username;

  const schema = useMemo(
    () =>
      PasswordChange.extend({ confirmPassword: z.string() }).superRefine((value, ctx) => {
        if (value.newPassword && checkPasswordStrength(value.newPassword, username).length > 0) {
          ctx.addIssue({ code: 'custom', path: ['newPassword'], message: t.password.weak });
        }
        if (value.confirmPassword !== value.newPassword) {
          ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: t.validation.passwordsDiffer });
        }
      }),
    [t, username],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });
  const applyErrors = useServerErrors(form.setError, ['currentPassword', 'newPassword'], {
    WRONG_CURRENT_PASSWORD: 'currentPassword',
    WEAK_PASSWORD: 'newPassword',
    PASSWORD_REUSED: 'newPassword',
  });
  const change = useMutation({
    mutationFn: (body: PasswordChange) => call(api.auth.changePassword, { body }),
    onSuccess: async () => {
      notify.success(t.password.changed);
      form.reset();
      // The server clears mustChangePassword (and may rotate the session): read it again.
      await session.refresh();
    },
    onError: (error) => applyErrors(error),
  });

  return (
    <AppForm
      label={t.password.changeTitle}
      onSubmit={form.handleSubmit(({ currentPassword, newPassword: next }) =>
        change.mutate({ currentPassword, newPassword: next }),
      )}
    >
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <PasswordField control={form.control} name="currentPassword" label={t.password.currentPassword} />
      <PasswordField
        control={form.control}
        name="newPassword"
        label={t.password.newPassword}
        autoComplete="new-password"
      />
      <PasswordStrength password={newPassword} username={username} />
      <PasswordField
        control={form.control}
        name="confirmPassword"
        label={t.password.confirmPassword}
        autoComplete="new-password"
      />
      <ErrorAlert error={change.error} />
      <FormActions>
        <SubmitButton loading={change.isPending}>{t.password.submit}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}
