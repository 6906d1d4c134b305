import * as React from 'react';

/**
 * React.lazy that renders at once when its module has already arrived. A lazy component suspends on its first
 * render even then: the fallback is committed and the screen rendered again a turn later, a pass the first screen
 * pays at every opening with warm chunks. Each mount keeps the kind it started with (lazy, or the component
 * itself): a switch between the two would remount it and lose its state.
 */
export function preloaded<P extends object>(load: Promise<React.ComponentType<P>>): React.ComponentType<P> {
  let loaded: React.ComponentType<P> | undefined;
  load.then(
    (component) => {
      loaded = component;
    },
    () => undefined, // the lazy component surfaces the failure where it renders
  );
  const Lazy = React.lazy(() => load.then((component) => ({ default: component })));
  function Preloaded(props: P): React.ReactElement {
    const [Component] = React.useState<React.ComponentType<P>>(() => loaded ?? (Lazy as unknown as React.ComponentType<P>));
    return React.createElement(Component, props);
  }
  return Preloaded;
}
