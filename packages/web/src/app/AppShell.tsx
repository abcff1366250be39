import { useEffect, useRef, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import type { Permission } from '@treem/shared';
import { wasSessionLost } from '../api/queryClient.ts';
import { useSession } from '../auth/SessionProvider.tsx';
import { ForcedPasswordChange } from '../features/account/ForcedPasswordChange.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, Result } from '../ui/index.ts';
import { AppLayout } from './AppLayout.tsx';
import { WorkingUnitProvider } from './WorkingUnit.tsx';

/**
 * Sends the user to sign in, once, remembering where they were. The target is captured on mount: while the
 * navigation runs this component may render again with the sign-in page's own location.
 */
function RedirectToLogin() {
  const navigate = useNavigate();
  const href = useLocation().href;
  const target = useRef({
    redirect: href === '/' ? undefined : href,
    expired: wasSessionLost() || undefined,
  });
  useEffect(() => {
    void navigate({ to: '/login', search: target.current, replace: true });
  }, [navigate]);
  return <Loading fullPage />;
}

/** The guard in front of every signed-in page. */
export function AppShell() {
  const session = useSession();
  if (session.status === 'loading') return <Loading fullPage />;
  if (session.status === 'error') {
    return (
      <div className="center-page">
        <ErrorAlert error={session.error} onRetry={() => void session.refresh()} />
      </div>
    );
  }
  if (!session.me) return <RedirectToLogin />;
  if (session.me.user.mustChangePassword) return <ForcedPasswordChange />;
  return (
    <WorkingUnitProvider>
      <AppLayout>
        <Outlet />
      </AppLayout>
    </WorkingUnitProvider>
  );
}

/** Pages a role may not open say so, instead of failing call by call. The server enforces it regardless. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  const t = useT();
  if (!can(permission)) return <Result status="403" title={t.errors.FORBIDDEN} />;
  return <>{children}</>;
}
