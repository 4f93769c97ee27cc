/** Components whose code is a chunk of its own, fetched the first time one is drawn. */
import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A component drawn by the one `load` resolves to, whose module is fetched when it is first
 * drawn: a capability's dialog stays out of the first screen's JavaScript. Until the module has
 * arrived nothing is drawn in its place (a dialog appears a moment later), and no caller needs a
 * Suspense boundary of its own.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }));
  return function LazyComponent(props: P) {
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
