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
