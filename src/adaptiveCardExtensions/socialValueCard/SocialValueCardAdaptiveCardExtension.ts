// The Viva Connections card (an Adaptive Card Extension): this quarter's verified social value for the region
// and what waits for the person, from the hub's lists. Thin, as the web parts are: the content is
// src/app/vivaCard.ts, its words src/teams/cards/vivaCard.ts, its read src/data/sharepoint/vivaCard.ts.
import { BaseAdaptiveCardExtension } from '@microsoft/sp-adaptive-card-extension-base';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { PropertyPaneTextField, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import * as strings from 'SocialValueHubStrings';
import type { VivaCard } from '../../app/vivaCard';
import type { HubLinkTarget } from '../../teams/deepLinks';
import { HUB_TAB } from '../../teams/hubTab';
import { CardView } from './cardView/CardView';
import { QuickView } from './quickView/QuickView';
import { CARD_VIEW, QUICK_VIEW } from './views';
import type { ISocialValueCardProperties, ISocialValueCardState } from './views';

export type { ISocialValueCardProperties, ISocialValueCardState };

export default class SocialValueCardAdaptiveCardExtension extends BaseAdaptiveCardExtension<ISocialValueCardProperties, ISocialValueCardState> {
  /** Where the lists are and where buttons lead: read once (tenant properties), kept across refreshes. */
  private place: Promise<{ siteUrl: string; links: HubLinkTarget }> | undefined;

  public onInit(): Promise<void> {
    this.state = { links: { tab: HUB_TAB } };
    this.cardNavigator.register(CARD_VIEW, () => new CardView());
    this.quickViewNavigator.register(QUICK_VIEW, () => new QuickView());
    // The card renders at once ("Loading…", or what the last refresh found); the figures follow.
    this.refresh().catch(() => undefined);
    return Promise.resolve();
  }

  protected onPropertyPaneFieldChanged(propertyPath: string, oldValue: unknown, newValue: unknown): void {
    if (propertyPath === 'siteUrl' && oldValue !== newValue) {
      this.place = undefined;
      this.refresh().catch(() => undefined);
    }
  }

  /** Reads the card's content (at most three requests) and keeps it in the state; a failed refresh keeps the last figures. */
  private async refresh(): Promise<void> {
    const { placeOf, readCard } = await import(/* webpackChunkName: 'viva-card-data' */ './vivaCardData');
    this.place ??= placeOf(this.context, this.properties.siteUrl);
    const place = await this.place;
    const content: VivaCard = await readCard(this.context, place.siteUrl);
    const keepLast = content.state === 'failed' && this.state.content?.state === 'ready';
    this.setState({ links: place.links, content: keepLast ? this.state.content : content });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const S = strings.Viva;
    return {
      pages: [
        {
          header: { description: S.Description },
          groups: [
            {
              groupName: S.PropertyGroup,
              groupFields: [
                PropertyPaneTextField('siteUrl', { label: S.PropertySiteUrl, description: S.PropertySiteUrlHint }),
              ],
            },
            {
              groupName: S.PropertyFigures,
              groupFields: [
                PropertyPaneToggle('showPeople', { label: S.PropertyShowPeople }),
                PropertyPaneToggle('showMoney', { label: S.PropertyShowMoney }),
                PropertyPaneToggle('showTodos', { label: S.PropertyShowTodos }),
              ],
            },
          ],
        },
      ],
    };
  }
}
