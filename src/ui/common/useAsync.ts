import * as React from 'react';

export interface AsyncState<T> {
  loading: boolean;
  value?: T;
  error?: unknown;
  reload: () => void;
}

/** Runs a load when its inputs change; ignores answers that arrive after the inputs moved on. */
export function useAsync<T>(load: () => Promise<T>, deps: React.DependencyList): AsyncState<T> {
  const [state, setState] = React.useState<{ loading: boolean; value?: T; error?: unknown }>({ loading: true });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let current = true;
    // Already loading (the first load): the same state, so React skips a render (in React 17 each setState out of
    // an event handler renders at once, and a first screen's every component would render twice before its data).
    setState((s) => (s.loading && s.error === undefined ? s : { ...s, loading: true, error: undefined }));
    load().then(
      (value) => current && setState({ loading: false, value }),
      (error: unknown) => current && setState({ loading: false, error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
