import '@testing-library/jest-dom';

// jsdom has no layout engine: Fluent's MessageBar watches its size with ResizeObserver. Nothing resizes here.
class NoLayoutResizeObserver {
  public observe(): void {}
  public unobserve(): void {}
  public disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoLayoutResizeObserver;

// jsdom implements no scrolling (it logs "Not implemented"); the hub scrolls to the top on navigation.
window.scrollTo = (() => undefined) as typeof window.scrollTo;

// jsdom lacks the Encoding API that browsers (and docx, for the tender pack) have; Node's is the same standard.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder, TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder });

// jsdom has no canvas (it logs "Not implemented"); the dashboard's charts measure axis labels with one and,
// as in a browser without 2D canvas, fall back when getContext gives nothing.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

// react-dom's test utilities finish an async act() by flushing React's effects on one of Node's own
// setImmediate callbacks, which jsdom's teardown does not cancel. On a busy machine a test file could end
// with that callback still queued; it then ran after the document was gone and React threw ("The document
// global was defined when React was initialized…"), taking the whole jest worker down. Let every queued
// flush run while the document still exists.
// (jsdom's window has no setImmediate: take Node's, the one react-dom's test utilities use.)
import { setImmediate as nodeSetImmediate } from 'timers';
async function drainReactFlushes(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => nodeSetImmediate(resolve));
}
afterEach(drainReactFlushes);
afterAll(drainReactFlushes);

// A findBy/waitFor waits for what a person would wait for; its 1 s default is a wall-clock budget that a busy
// machine (CI beside the browser tests) overran while the behaviour was right. The test's own timeout still bounds it.
import { act, configure } from '@testing-library/react';
configure({ asyncUtilTimeout: 15_000 });

// user-event 14 dispatches through @testing-library/dom 10, while @testing-library/react 12 (the last for React 17)
// wraps events and async utilities in React's act() only on its own copy, dom 8. Unwrapped, each state update a
// click or keystroke caused warned "not wrapped in act(...)": over 300 warnings a run, burying real output. The
// same wrappers as @testing-library/react's, on dom 10.
import { configure as configureUserEventDom } from '@testing-library/dom';
configureUserEventDom({
  eventWrapper: (dispatch) => {
    let result: unknown;
    act(() => {
      result = dispatch();
    });
    return result;
  },
  asyncWrapper: async (run) => {
    let result: unknown;
    await act(async () => {
      result = await run();
    });
    return result as never;
  },
});
