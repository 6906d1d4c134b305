// The card's properties, state and view ids, shared by the extension and its views.
import type { VivaCard } from '../../app/vivaCard';
import type { HubLinkTarget } from '../../teams/deepLinks';
import type { VivaCardOptions } from '../../teams/cards/vivaCard';

export interface ISocialValueCardProperties {
  title: string;
  /** The hub's site; empty: the tenant-wide setting, else the dashboard's own site. */
  siteUrl?: string;
  showPeople?: boolean;
  showMoney?: boolean;
  showTodos?: boolean;
}

export interface ISocialValueCardState {
  /** Undefined until the first read lands. */
  content?: VivaCard;
  links: HubLinkTarget;
}

export const CARD_VIEW = 'SocialValue_CARD_VIEW';
export const QUICK_VIEW = 'SocialValue_QUICK_VIEW';

/** The property pane's choices; a property never set shows (the manifest's defaults are all true). */
export function optionsOf(p: ISocialValueCardProperties): VivaCardOptions {
  return { showPeople: p.showPeople !== false, showMoney: p.showMoney !== false, showTodos: p.showTodos !== false };
}
