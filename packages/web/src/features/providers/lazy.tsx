import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../../ui/index.ts';
import './providers.css';

/* The directory is opened now and then, not on every visit: its screens load when first opened. */
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

export const ProvidersPage = lazyNamed(() => import('./ProvidersPage.tsx').then((m) => m.ProvidersPage));
export const ProviderCoveragePage = lazyNamed(() => import('./CoveragePage.tsx').then((m) => m.CoveragePage));
