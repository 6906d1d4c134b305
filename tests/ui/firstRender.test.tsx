// The first screen's renders: a screen whose code has arrived renders at once (no fallback and second pass), and a
// load's first state is its loading state (no second render to say so again). In React 17 each setState outside
// an event handler renders at once, so every avoided pass is one the tab does not wait for at opening.
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { preloaded } from '../../src/ui/common/preloaded';
import { useAsync } from '../../src/ui/common/useAsync';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function Counter({ label }: { label: string }): React.ReactElement {
  const [n, setN] = React.useState(0);
  return <button onClick={() => setN(n + 1)}>{`${label} ${n}`}</button>;
}

describe('preloaded screens', () => {
  it('renders a screen whose module has arrived in the same pass, without its fallback', async () => {
    const load = Promise.resolve(Counter);
    const Screen = preloaded(load);
    await load;
    let fallbacks = 0;
    function Fallback(): React.ReactElement {
      fallbacks++;
      return <p>Loading</p>;
    }
    render(
      <React.Suspense fallback={<Fallback />}>
        <Screen label="Clicked" />
      </React.Suspense>,
    );
    // Synchronously there: no suspense, no second pass.
    expect(screen.getByRole('button', { name: 'Clicked 0' })).toBeTruthy();
    expect(fallbacks).toBe(0);
  });

  it('shows the fallback while the module is on its way, then the screen, which keeps its state once the module is in', async () => {
    const load = deferred<typeof Counter>();
    const Screen = preloaded(load.promise);
    const { rerender } = render(
      <React.Suspense fallback={<p>Loading</p>}>
        <Screen label="Clicked" />
      </React.Suspense>,
    );
    expect(screen.getByText('Loading')).toBeTruthy();
    await act(async () => load.resolve(Counter));
    fireEvent.click(await screen.findByRole('button', { name: 'Clicked 0' }));
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeTruthy();
    // The module is loaded now: the mounted screen stays the lazy one (a switch would remount it and lose the count).
    rerender(
      <React.Suspense fallback={<p>Loading</p>}>
        <Screen label="Clicked" />
      </React.Suspense>,
    );
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeTruthy();
  });

  it('surfaces a module that failed to load where the screen renders', async () => {
    const failed = Promise.reject(new Error('chunk failed'));
    const Screen = preloaded<{ label: string }>(failed);
    class Boundary extends React.Component<{ children: React.ReactNode }, { error?: Error }> {
      public state: { error?: Error } = {};
      public static getDerivedStateFromError(error: Error): { error: Error } {
        return { error };
      }
      public render(): React.ReactNode {
        return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children;
      }
    }
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      render(
        <Boundary>
          <React.Suspense fallback={<p>Loading</p>}>
            <Screen label="Clicked" />
          </React.Suspense>
        </Boundary>,
      );
      expect((await screen.findByRole('alert')).textContent).toBe('chunk failed');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('useAsync', () => {
  it('renders a load twice: loading, then its value (not a second "loading" first)', async () => {
    const load = deferred<string>();
    const seen: string[] = [];
    function Loader(): React.ReactElement {
      const state = useAsync(() => load.promise, []);
      seen.push(state.loading ? 'loading' : state.value ?? '');
      return <p>{state.loading ? 'Loading' : state.value}</p>;
    }
    render(<Loader />);
    await act(async () => load.resolve('Ready'));
    expect(screen.getByText('Ready')).toBeTruthy();
    expect(seen).toEqual(['loading', 'Ready']);
  });

  it('still says it is loading again when its inputs change, and shows the new value', async () => {
    const loads = [deferred<string>(), deferred<string>()];
    function Loader({ n }: { n: number }): React.ReactElement {
      const state = useAsync(() => loads[n].promise, [n]);
      return <p>{state.loading ? `Loading ${n}` : state.value}</p>;
    }
    const { rerender } = render(<Loader n={0} />);
    await act(async () => loads[0].resolve('First'));
    expect(screen.getByText('First')).toBeTruthy();
    rerender(<Loader n={1} />);
    expect(screen.getByText('Loading 1')).toBeTruthy();
    await act(async () => loads[1].resolve('Second'));
    expect(screen.getByText('Second')).toBeTruthy();
  });
});
