// Every card fits Teams' message limit: a builder renders with generous limits first and, while the
// message would be too large, again with shorter texts and shorter lists ("and N more").
import { AdaptiveCardJson, CardElement, note } from './elements';
import { CARD_MESSAGE_BUDGET_BYTES, estimateMessageBytes } from './limits';

export interface CardLimits {
  /** Items shown per list before "and N more". */
  listMax: number;
  /** Longest user text per field, in characters. */
  textMax: number;
}

const STEPS: readonly CardLimits[] = [
  { listMax: 5, textMax: 300 },
  { listMax: 5, textMax: 150 },
  { listMax: 3, textMax: 100 },
  { listMax: 2, textMax: 60 },
  { listMax: 1, textMax: 40 },
  { listMax: 0, textMax: 30 },
];

export function fitCard(build: (limits: CardLimits) => AdaptiveCardJson): AdaptiveCardJson {
  let last: AdaptiveCardJson | undefined;
  for (const limits of STEPS) {
    last = build(limits);
    if (estimateMessageBytes(last) <= CARD_MESSAGE_BUDGET_BYTES) return last;
  }
  // The last step bounds every text and list, so this means a builder grew something unbounded.
  throw new Error(`The card is still ${estimateMessageBytes(last)} bytes with the shortest texts and lists.`);
}

/** The first `max` items rendered, then "and N more" when some were left out. */
export function listWithMore<T>(items: readonly T[], max: number, render: (item: T) => CardElement, noun: string): CardElement[] {
  const shown = items.slice(0, Math.max(0, max)).map(render);
  const hidden = items.length - shown.length;
  if (hidden > 0) shown.push(note(`and ${hidden} more ${noun}${hidden === 1 ? '' : 's'} in the hub`, { subtle: true }));
  return shown;
}
