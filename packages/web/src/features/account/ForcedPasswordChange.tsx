import { useSession } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Alert, Button } from '../../ui/index.ts';
import { AuthCard } from '../auth/AuthCard.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** Shown instead of the whole app while the password is a temporary one set by an administrator. */
export function ForcedPasswordChange() {
  const t = useT();
  const { signOut } = useSession();
  return (
    <AuthCard title={t.password.mustChangeTitle}>
      <Alert type="info" showIcon title={t.password.mustChangeHint} />
      <ChangePasswordForm />
      <Button type="link" onClick={() => void signOut()}>
        {t.header.logout}
      </Button>
    </AuthCard>
  );
}
