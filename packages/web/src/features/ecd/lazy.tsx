import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../../ui/index.ts';
import './ecd.css';

/*
 * The early-childhood screens are loaded when first opened: most sessions (the register, administration) never
 * need them, and the first page a collaborator opens on a phone stays small.
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

export const GrowthTab = lazyNamed(() => import('./GrowthTab.tsx').then((m) => m.GrowthTab));
export const ImmunizationTab = lazyNamed(() =>
  import('./ImmunizationTab.tsx').then((m) => m.ImmunizationTab),
);
export const DevelopmentTab = lazyNamed(() => import('./DevelopmentTab.tsx').then((m) => m.DevelopmentTab));
export const ServicesTab = lazyNamed(() => import('./ServicesTab.tsx').then((m) => m.ServicesTab));
export const EnrolmentTab = lazyNamed(() => import('./EnrolmentTab.tsx').then((m) => m.EnrolmentTab));
export const ActionListsPage = lazyNamed(() =>
  import('./ActionListsPage.tsx').then((m) => m.ActionListsPage),
);
export const WeighingDayPage = lazyNamed(() =>
  import('./WeighingDayPage.tsx').then((m) => m.WeighingDayPage),
);
