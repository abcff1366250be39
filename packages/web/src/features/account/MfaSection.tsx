import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api, MfaCode, type MfaEnrolment } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useMe, useSession } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import {
  AppForm,
  Button,
  ErrorAlert,
  Flex,
  FormActions,
  PasswordField,
  SubmitButton,
  Tag,
  TextField,
  Typography,
  useNotify,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

const MfaDisable = z.strictObject({ password: z.string().min(1).max(256) });
type MfaDisable = z.infer<typeof MfaDisable>;

function ConfirmEnrolment({
  enrolment,
  onConfirmed,
}: {
  enrolment: MfaEnrolment;
  onConfirmed: (codes: string[]) => void;
}) {
  const t = useT();
  const form = useForm({ resolver: zodResolver(MfaCode), defaultValues: { code: '' } });
  const applyErrors = useServerErrors(form.setError, ['code'], { INVALID_MFA_CODE: 'code' });
  const confirm = useMutation({
    mutationFn: (body: MfaCode) => call(api.auth.mfaConfirm, { body }),
    onSuccess: (result) => onConfirmed(result.recoveryCodes),
    onError: (error) => applyErrors(error),
  });
  return (
    <Flex vertical gap="small">
      <Typography.Paragraph>{t.account.mfaScan}</Typography.Paragraph>
      <img src={enrolment.qrDataUrl} alt={t.account.mfaQrAlt} width={200} height={200} className="mfa-qr" />
      <div>
        <Typography.Text strong>{t.account.mfaSecret}: </Typography.Text>
        <Typography.Text code copyable className="mfa-secret">
          {enrolment.secret}
        </Typography.Text>
      </div>
      <AppForm label={t.account.mfaTitle} onSubmit={form.handleSubmit((body) => confirm.mutate(body))}>
        <TextField
          control={form.control}
          name="code"
          label={t.account.mfaCode}
          autoComplete="one-time-code"
          inputMode="numeric"
          formatMessage={t.validation.invalidMfaCode}
        />
        <ErrorAlert error={confirm.error} />
        <FormActions>
          <SubmitButton loading={confirm.isPending}>{t.account.mfaConfirm}</SubmitButton>
        </FormActions>
      </AppForm>
    </Flex>
  );
}

function DisableMfa() {
  const t = useT();
  const session = useSession();
  const notify = useNotify();
  const form = useForm({ resolver: zodResolver(MfaDisable), defaultValues: { password: '' } });
  const applyErrors = useServerErrors(form.setError, ['password'], {
    WRONG_CURRENT_PASSWORD: 'password',
    INVALID_CREDENTIALS: 'password',
  });
  const disable = useMutation({
    mutationFn: (body: MfaDisable) => call(api.auth.mfaDisable, { body }),
    onSuccess: async () => {
      notify.success(t.account.mfaDisabled);
      await session.refresh();
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.account.mfaDisableTitle} onSubmit={form.handleSubmit((body) => disable.mutate(body))}>
      <PasswordField control={form.control} name="password" label={t.account.mfaDisablePassword} />
      <ErrorAlert error={disable.error} />
      <FormActions>
        <SubmitButton danger loading={disable.isPending}>
          {t.account.mfaDisable}
        </SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/** Two-step sign-in: enrol (QR + secret), confirm with a code, keep the recovery codes; or turn it off. */
export function MfaSection() {
  const t = useT();
  const me = useMe();
  const session = useSession();
  const notify = useNotify();
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const enrol = useMutation({
    mutationFn: () => call(api.auth.mfaEnrol, {}),
    onSuccess: setEnrolment,
  });

  const status = (
    <Tag color={me.user.mfaEnabled ? 'green' : 'default'}>
      {me.user.mfaEnabled ? t.account.mfaOn : t.account.mfaOff}
    </Tag>
  );

  if (recoveryCodes) {
    return (
      <RecoveryCodes
        codes={recoveryCodes}
        onDone={() => {
          setRecoveryCodes(null);
          setEnrolment(null);
        }}
      />
    );
  }
  if (me.user.mfaEnabled) {
    return (
      <Flex vertical gap="small">
        <div>{status}</div>
        <Typography.Title level={3}>{t.account.mfaDisableTitle}</Typography.Title>
        <DisableMfa />
      </Flex>
    );
  }
  return (
    <Flex vertical gap="small">
      <div>{status}</div>
      <Typography.Paragraph>{t.account.mfaIntro}</Typography.Paragraph>
      {enrolment ? (
        <ConfirmEnrolment
          enrolment={enrolment}
          onConfirmed={(codes) => {
            notify.success(t.account.mfaEnabled);
            setRecoveryCodes(codes);
            void session.refresh();
          }}
        />
      ) : (
        <div>
          <Button type="primary" loading={enrol.isPending} onClick={() => enrol.mutate()}>
            {t.account.mfaStart}
          </Button>
        </div>
      )}
      <ErrorAlert error={enrol.error} />
    </Flex>
  );
}
