import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../../ui/index.ts';
import './indicators.css';

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

export const IndicatorsPage = lazyNamed(() => import('./IndicatorsPage.tsx').then((m) => m.IndicatorsPage));
export const IndicatorPage = lazyNamed(() => import('./IndicatorPage.tsx').then((m) => m.IndicatorPage));
