// Every HTTP request the client sends while a piece of work runs (global fetch, which PnPjs and the Graph client use
// here), each still sent: the tests that count or read what SharePoint was asked.

export interface SentRequest {
  method: string;
  url: URL;
  /** The body when it is text (a $batch's parts). */
  body?: string;
}

export async function sentWhile<T>(run: () => Promise<T>): Promise<{ value: T; sent: SentRequest[] }> {
  const realFetch = globalThis.fetch;
  const sent: SentRequest[] = [];
  const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    sent.push({ method: (init?.method ?? 'GET').toUpperCase(), url: new URL(url), body: typeof init?.body === 'string' ? init.body : undefined });
    return realFetch(input, init);
  });
  try {
    return { value: await run(), sent };
  } finally {
    spy.mockRestore();
  }
}
