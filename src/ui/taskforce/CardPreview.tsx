import * as React from 'react';
import type { AdaptiveCardJson } from '../../teams/cards';

const PREVIEW_STYLE: React.CSSProperties = { maxWidth: '100%', overflowX: 'auto' };

/** Renders a card with the official Adaptive Cards renderer (loaded on demand), as Teams will show it. */
export function CardPreview({ card, label }: { card: AdaptiveCardJson; label: string }): React.ReactElement {
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    let current = true;
    import(/* webpackChunkName: 'card-preview' */ 'adaptivecards')
      .then(({ AdaptiveCard }) => {
        if (!current || !host.current) return;
        const adaptive = new AdaptiveCard();
        adaptive.parse(card);
        const rendered = adaptive.render();
        host.current.replaceChildren(...(rendered ? [rendered] : []));
      })
      .catch(() => undefined); // the preview is a courtesy; posting does not depend on it
    return () => {
      current = false;
    };
  }, [card]);
  // A card is as wide as Teams makes it; in a narrower place it scrolls within itself, never the page.
  return <div ref={host} role="figure" aria-label={label} tabIndex={0} style={PREVIEW_STYLE} />;
}
