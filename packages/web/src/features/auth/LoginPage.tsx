import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { api, LoginRequest, MfaCode, type Me } from '@treem/shared';
import { call } from '../../api/client.ts';
import { LanguageSwitch } from '../../app/HeaderControls.tsx';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import {
  Alert,
  AppForm,
  Button,
  ErrorAlert,
  FormActions,
  PasswordField,
  SubmitButton,
  TextField,
  Typography,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { AuthCard } from './AuthCard.tsx';

const loginRoute = getRouteApi('/login');

function PasswordStep({ onMfa, onSignedIn }: { onMfa: () => void; onSignedIn: (me: Me) => void }) {
  const t = useT();
  const form = useForm({
    resolver: zodResolver(LoginRequest),
    defaultValues: { username: '', password: '' },
  });
  const applyErrors = useServerErrors(form.setError, ['username', 'password']);
  const login = useMutation({
    mutationFn: (body: LoginRequest) => call(api.auth.login, { body }),
    onSuccess: (result) => {
      if (result.status === 'ok') onSignedIn(result.me);
      else onMfa();
    },
    onError: (error) => {
      applyErrors(error);
      form.setValue('password', '');
    },
  });
  return (
    <AppForm label={t.auth.title} onSubmit={form.handleSubmit((body) => login.mutate(body))}>
      <TextField
        control={form.control}
        name="username"
        label={t.auth.username}
        autoComplete="username"
        autoFocus
      />
      <PasswordField control={form.control} name="password" label={t.auth.password} />
      <ErrorAlert error={login.error} />
      <FormActions>
        <SubmitButton loading={login.isPending}>{t.auth.signIn}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

function MfaStep({ onBack, onSignedIn }: { onBack: () => void; onSignedIn: (me: Me) => void }) {
  const t = useT();
  const form = useForm({ resolver: zodResolver(MfaCode), defaultValues: { code: '' } });
  const applyErrors = useServerErrors(form.setError, ['code'], { INVALID_MFA_CODE: 'code' });
  const verify = useMutation({
    // Recovery codes are issued in lower case; people copy them in capitals from paper.
    mutationFn: (body: MfaCode) => call(api.auth.loginMfa, { body: { code: body.code.toLowerCase() } }),
    onSuccess: onSignedIn,
    onError: applyErrors,
  });
  return (
    <AppForm label={t.auth.mfaTitle} onSubmit={form.handleSubmit((body) => verify.mutate(body))}>
      <Typography.Title level={2} className="section-title">
        {t.auth.mfaTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.auth.mfaHint}</Typography.Paragraph>
      <TextField
        control={form.control}
        name="code"
        label={t.auth.mfaCode}
        autoComplete="one-time-code"
        formatMessage={t.validation.invalidMfaCode}
        autoFocus
      />
      <ErrorAlert error={verify.error} />
      <FormActions>
        <Button onClick={onBack}>{t.auth.backToLogin}</Button>
        <SubmitButton loading={verify.isPending}>{t.auth.verify}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

export function LoginPage() {
  const t = useT();
  const search = loginRoute.useSearch();
  const router = useRouter();
  const session = useSession();
  const [step, setStep] = useState<'password' | 'mfa'>('password');

  useEffect(() => {
    if (session.me) router.history.replace(search.redirect ?? '/');
  }, [session.me, router, search.redirect]);

  return (
    <AuthCard title={t.auth.title}>
      {search.expired && step === 'password' && (
        <Alert type="warning" showIcon title={t.errors.SESSION_EXPIRED} />
      )}
      {step === 'password' ? (
        <PasswordStep onMfa={() => setStep('mfa')} onSignedIn={session.signedIn} />
      ) : (
        <MfaStep onBack={() => setStep('password')} onSignedIn={session.signedIn} />
      )}
      <LanguageSwitch />
    </AuthCard>
  );
}
