import { BaseAdaptiveCardQuickView } from '@microsoft/sp-adaptive-card-extension-base';
import type { ISPFxAdaptiveCard } from '@microsoft/sp-adaptive-card-extension-base';
import * as strings from 'SocialValueHubStrings';
import { vivaQuickView } from '../../../teams/cards/vivaCard';
import { optionsOf } from '../views';
import type { ISocialValueCardProperties, ISocialValueCardState } from '../views';

/**
 * The six themes with this quarter's figures and the person's to-dos, each linking to its procurement. The card is
 * built whole (no template binding): the same JSON the local page renders with the official renderer.
 */
export class QuickView extends BaseAdaptiveCardQuickView<ISocialValueCardProperties, ISocialValueCardState> {
  public get title(): string {
    return this.properties.title || strings.Viva.Title;
  }

  public get data(): object {
    return {};
  }

  public get template(): ISPFxAdaptiveCard {
    const content = this.state.content;
    if (!content) return { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: strings.Viva.Loading, wrap: true }] } as ISPFxAdaptiveCard;
    return vivaQuickView(content, this.state.links, optionsOf(this.properties)) as unknown as ISPFxAdaptiveCard;
  }
}
