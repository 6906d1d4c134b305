import { BaseComponentsCardView, PrimaryTextCardView } from '@microsoft/sp-adaptive-card-extension-base';
import type { ComponentsCardViewParameters, ICardButtonConfiguration, IExternalLinkCardAction, IQuickViewCardAction } from '@microsoft/sp-adaptive-card-extension-base';
import * as strings from 'SocialValueHubStrings';
import { vivaCardViewWords } from '../../../teams/cards/vivaCard';
import type { VivaCardViewWords } from '../../../teams/cards/vivaCard';
import { hubLink } from '../../../teams/deepLinks';
import { QUICK_VIEW, optionsOf } from '../views';
import type { ISocialValueCardProperties, ISocialValueCardState } from '../views';

/** The card on the dashboard: the quarter, its figures (people first), and the person's to-dos as buttons. */
export class CardView extends BaseComponentsCardView<ISocialValueCardProperties, ISocialValueCardState, ComponentsCardViewParameters> {
  private get words(): VivaCardViewWords {
    const content = this.state.content;
    return content ? vivaCardViewWords(content, optionsOf(this.properties), this.cardSize) : { heading: strings.Viva.Title, body: strings.Viva.Loading, buttons: [], hasQuickView: false };
  }

  public get cardViewParameters(): ComponentsCardViewParameters {
    const words = this.words;
    const buttons = words.buttons.map(
      (b): ICardButtonConfiguration => ({ componentName: 'cardButton', title: b.title, action: this.linkTo(b.subEntityId) }),
    );
    return PrimaryTextCardView({
      cardBar: { componentName: 'cardBar', title: this.properties.title || strings.Viva.Title },
      header: { componentName: 'text', text: words.heading },
      body: { componentName: 'text', text: words.body },
      footer: buttons.length === 0 ? undefined : buttons.length === 1 ? buttons[0] : [buttons[0], buttons[1]],
    });
  }

  public get onCardSelection(): IQuickViewCardAction | IExternalLinkCardAction | undefined {
    return this.words.hasQuickView ? { type: 'QuickView', parameters: { view: QUICK_VIEW } } : undefined;
  }

  private linkTo(subEntityId: string): IExternalLinkCardAction {
    const target = hubLink(this.state.links, subEntityId || undefined);
    return { type: 'ExternalLink', parameters: { target, isTeamsDeepLink: target.startsWith('https://teams.microsoft.com/') } };
  }
}
