import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../../ui/index.ts';

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

export const PlansPage = lazyNamed(() => import('./PlansPage.tsx').then((m) => m.PlansPage));
export const PlanPage = lazyNamed(() => import('./PlanPage.tsx').then((m) => m.PlanPage));
