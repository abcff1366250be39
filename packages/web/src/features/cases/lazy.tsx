import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../../ui/index.ts';

/*
 * The protection-case screens are loaded when first opened: most sessions never need them, and the report form a
 * collaborator opens on a phone stays a small download of its own.
 */
function lazyNamed<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Component = lazy(async () => ({ default: await load() }));
  return function LazyScreen(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Component {...props} />
      </Suspense>
    );
  };
}

export const ReportConcernPage = lazyNamed(() =>
  import('./ReportConcernPage.tsx').then((m) => m.ReportConcernPage),
);
export const CaseInboxPage = lazyNamed(() => import('./CaseInboxPage.tsx').then((m) => m.CaseInboxPage));
export const MyCasesPage = lazyNamed(() => import('./MyCasesPage.tsx').then((m) => m.MyCasesPage));
export const CaseApprovalsPage = lazyNamed(() =>
  import('./CaseApprovalsPage.tsx').then((m) => m.CaseApprovalsPage),
);
export const CaseTransfersInPage = lazyNamed(() =>
  import('./CaseTransfersInPage.tsx').then((m) => m.CaseTransfersInPage),
);
export const CasePage = lazyNamed(() => import('./CasePage.tsx').then((m) => m.CasePage));
export const ReferralsOutgoingPage = lazyNamed(() =>
  import('./ReferralsOutgoingPage.tsx').then((m) => m.ReferralsOutgoingPage),
);
export const ReferralsIncomingPage = lazyNamed(() =>
  import('./ReferralsIncomingPage.tsx').then((m) => m.ReferralsIncomingPage),
);
export const CaseSettingsPage = lazyNamed(() =>
  import('./CaseSettingsPage.tsx').then((m) => m.CaseSettingsPage),
);
/** The child's alternative care, on the profile's protection tab: its forms load with it. */
export const PersonCarePanel = lazyNamed(() => import('./PersonCare.tsx').then((m) => m.PersonCarePanel));
