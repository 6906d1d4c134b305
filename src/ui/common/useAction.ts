import * as React from 'react';

export interface ActionState {
  /** True while an action runs (disable its button, show its spinner). */
  busy: boolean;
  /** What the last action threw, to show (ErrorNotice); undefined once another starts. */
  error: unknown;
  /** Runs an action: busy while it runs, its error kept; resolves to its result, or undefined when it failed. */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

/** A button's action: the busy / error / finally that every screen's save, post and import shares. */
export function useAction(): ActionState {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  const run = React.useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
