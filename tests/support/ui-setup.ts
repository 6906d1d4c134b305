import '@testing-library/jest-dom';

// jsdom has no layout engine: Fluent's MessageBar watches its size with ResizeObserver. Nothing resizes here.
class NoLayoutResizeObserver {
  public observe(): void {}
  public unobserve(): void {}
  public disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoLayoutResizeObserver;
