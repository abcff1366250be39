import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { OrgUnitDetailPage } from '../features/orgUnits/OrgUnitDetailPage.tsx';
import { OrgUnitsPage } from '../features/orgUnits/OrgUnitsPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { AppShell, RequirePermission } from './AppShell.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { parseLoginSearch, parseOrgUnitsSearch, parseUsersSearch } from './search.ts';

const rootRoute = createRootRoute({ component: Outlet });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: parseLoginSearch,
  component: LoginPage,
});

/** Everything behind sign-in: the guard, the forced password change and the layout. */
const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: AppShell });

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });

const orgUnitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/org-units',
  validateSearch: parseOrgUnitsSearch,
  component: () => (
    <RequirePermission permission="orgUnit.read">
      <OrgUnitsPage />
    </RequirePermission>
  ),
});

const orgUnitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/org-units/$id',
  component: () => (
    <RequirePermission permission="orgUnit.read">
      <OrgUnitDetailPage />
    </RequirePermission>
  ),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  validateSearch: parseUsersSearch,
  component: () => (
    <RequirePermission permission="user.read">
      <UsersPage />
    </RequirePermission>
  ),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: AccountPage,
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: () => (
    <RequirePermission permission="audit.read">
      <AuditPage />
    </RequirePermission>
  ),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([homeRoute, orgUnitsRoute, orgUnitRoute, usersRoute, accountRoute, auditRoute]),
]);

export const router = createRouter({
  routeTree,
  defaultNotFoundComponent: NotFoundPage,
  defaultPreload: false,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
