import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { parseCasesSearch, parsePagingSearch, parseReportSearch } from '../features/cases/caseSearch.ts';
import {
  CaseApprovalsPage,
  CaseInboxPage,
  CasePage,
  CaseSettingsPage,
  CaseTransfersInPage,
  MyCasesPage,
  ReferralsIncomingPage,
  ReferralsOutgoingPage,
  ReportConcernPage,
} from '../features/cases/lazy.tsx';
import { parseReferralsSearch } from '../features/cases/referralRules.ts';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { parseActionListsSearch, parseWeighingDaySearch } from '../features/ecd/ecdSearch.ts';
import { ActionListsPage, WeighingDayPage } from '../features/ecd/lazy.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { ProviderCoveragePage, ProvidersPage } from '../features/providers/lazy.tsx';
import { parseProviderCoverageSearch, parseProvidersSearch } from '../features/providers/providersSearch.ts';
import { OrgUnitDetailPage } from '../features/orgUnits/OrgUnitDetailPage.tsx';
import { OrgUnitsPage } from '../features/orgUnits/OrgUnitsPage.tsx';
import { DuplicatesPage } from '../features/register/DuplicatesPage.tsx';
import { FlagTypesPage } from '../features/register/FlagTypesPage.tsx';
import { HouseholdPage } from '../features/register/HouseholdPage.tsx';
import { HouseholdsPage } from '../features/register/HouseholdsPage.tsx';
import { ImportPage } from '../features/register/ImportPage.tsx';
import { NewHouseholdPage } from '../features/register/NewHouseholdPage.tsx';
import { PersonPage } from '../features/register/PersonPage.tsx';
import { PersonsPage } from '../features/register/PersonsPage.tsx';
import {
  parseDuplicatesSearch,
  parseHouseholdsSearch,
  parseImportSearch,
  parseNewHouseholdSearch,
  parsePersonProfileSearch,
  parsePersonsSearch,
} from '../features/register/registerSearch.ts';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { DataEntryPage } from '../features/aggregate/lazy.tsx';
import { parseDataEntrySearch } from '../features/aggregate/dataEntrySearch.ts';
import { IndicatorPage, IndicatorsPage } from '../features/indicators/lazy.tsx';
import { parseIndicatorsSearch } from '../features/indicators/indicatorsSearch.ts';
import { PlanPage, PlansPage } from '../features/plans/lazy.tsx';
import { parsePlansSearch } from '../features/plans/plansSearch.ts';
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

const registerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/register',
  validateSearch: parsePersonsSearch,
  component: () => (
    <RequirePermission permission="register.read">
      <PersonsPage />
    </RequirePermission>
  ),
});

const registerPersonRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/register/persons/$id',
  validateSearch: parsePersonProfileSearch,
  component: () => (
    <RequirePermission permission="register.read">
      <PersonPage />
    </RequirePermission>
  ),
});

const registerHouseholdsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/register/households',
  validateSearch: parseHouseholdsSearch,
  component: () => (
    <RequirePermission permission="register.read">
      <HouseholdsPage />
    </RequirePermission>
  ),
});

const registerHouseholdRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/register/households/$id',
  component: () => (
    <RequirePermission permission="register.read">
      <HouseholdPage />
    </RequirePermission>
  ),
});

const registerNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/register/new',
  validateSearch: parseNewHouseholdSearch,
  component: () => (
    <RequirePermission permission="register.write">
      <NewHouseholdPage />
    </RequirePermission>
  ),
});

const registerDuplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/register/duplicates',
  validateSearch: parseDuplicatesSearch,
  component: () => (
    <RequirePermission permission="register.merge">
      <DuplicatesPage />
    </RequirePermission>
  ),
});

const registerImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/register/import',
  validateSearch: parseImportSearch,
  component: () => (
    <RequirePermission permission="register.import">
      <ImportPage />
    </RequirePermission>
  ),
});

const registerFlagTypesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/register/flag-types',
  component: () => (
    <RequirePermission permission="register.manageCatalogue">
      <FlagTypesPage />
    </RequirePermission>
  ),
});

const ecdActionListsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ecd/action-lists',
  validateSearch: parseActionListsSearch,
  component: () => (
    <RequirePermission permission="ecd.read">
      <ActionListsPage />
    </RequirePermission>
  ),
});

const ecdWeighingDayRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ecd/weighing-day',
  validateSearch: parseWeighingDaySearch,
  component: () => (
    <RequirePermission permission="ecd.write">
      <WeighingDayPage />
    </RequirePermission>
  ),
});

const providersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/providers',
  validateSearch: parseProvidersSearch,
  component: () => (
    <RequirePermission permission="provider.read">
      <ProvidersPage />
    </RequirePermission>
  ),
});

const providerCoverageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/providers/coverage',
  validateSearch: parseProviderCoverageSearch,
  component: () => (
    <RequirePermission permission="provider.read">
      <ProviderCoveragePage />
    </RequirePermission>
  ),
});

const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases',
  validateSearch: parseCasesSearch,
  component: () => (
    <RequirePermission permission="case.read">
      <MyCasesPage />
    </RequirePermission>
  ),
});

const caseReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/report',
  validateSearch: parseReportSearch,
  component: () => (
    <RequirePermission permission="case.intake">
      <ReportConcernPage />
    </RequirePermission>
  ),
});

const caseInboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/inbox',
  validateSearch: parsePagingSearch,
  component: () => (
    <RequirePermission permission="case.manage">
      <CaseInboxPage />
    </RequirePermission>
  ),
});

const caseApprovalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/approvals',
  validateSearch: parsePagingSearch,
  component: () => (
    <RequirePermission permission="case.approve">
      <CaseApprovalsPage />
    </RequirePermission>
  ),
});

const caseTransfersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/transfers',
  validateSearch: parsePagingSearch,
  component: () => (
    <RequirePermission permission="case.manage">
      <CaseTransfersInPage />
    </RequirePermission>
  ),
});

const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$id',
  component: () => (
    <RequirePermission permission="case.read">
      <CasePage />
    </RequirePermission>
  ),
});

const referralsOutgoingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals/outgoing',
  validateSearch: parseReferralsSearch,
  component: () => (
    <RequirePermission permission="referral.send">
      <ReferralsOutgoingPage />
    </RequirePermission>
  ),
});

const referralsIncomingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals/incoming',
  validateSearch: parseReferralsSearch,
  component: () => (
    <RequirePermission permission="referral.respond">
      <ReferralsIncomingPage />
    </RequirePermission>
  ),
});

const caseSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/case-settings',
  component: () => (
    <RequirePermission permission="caseSettings.manage">
      <CaseSettingsPage />
    </RequirePermission>
  ),
});

const indicatorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/indicators',
  validateSearch: parseIndicatorsSearch,
  component: () => (
    <RequirePermission permission="indicator.read">
      <IndicatorsPage />
    </RequirePermission>
  ),
});

const indicatorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/indicators/$code',
  validateSearch: parseIndicatorsSearch,
  component: () => (
    <RequirePermission permission="indicator.read">
      <IndicatorPage />
    </RequirePermission>
  ),
});

const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  validateSearch: parsePlansSearch,
  component: () => (
    <RequirePermission permission="plan.read">
      <PlansPage />
    </RequirePermission>
  ),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$planId',
  component: () => (
    <RequirePermission permission="plan.read">
      <PlanPage />
    </RequirePermission>
  ),
});

const dataEntryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/data-entry',
  validateSearch: parseDataEntrySearch,
  component: () => (
    <RequirePermission permission="indicator.read">
      <DataEntryPage />
    </RequirePermission>
  ),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    orgUnitsRoute,
    orgUnitRoute,
    usersRoute,
    accountRoute,
    auditRoute,
    registerRoute,
    registerPersonRoute,
    registerHouseholdsRoute,
    registerHouseholdRoute,
    registerNewRoute,
    registerDuplicatesRoute,
    registerImportRoute,
    registerFlagTypesRoute,
    ecdActionListsRoute,
    ecdWeighingDayRoute,
    casesRoute,
    caseReportRoute,
    caseInboxRoute,
    caseApprovalsRoute,
    caseTransfersRoute,
    caseRoute,
    referralsOutgoingRoute,
    referralsIncomingRoute,
    caseSettingsRoute,
    providersRoute,
    providerCoverageRoute,
    indicatorsRoute,
    indicatorRoute,
    plansRoute,
    planRoute,
    dataEntryRoute,
  ]),
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
