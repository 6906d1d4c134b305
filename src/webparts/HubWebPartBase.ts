import type * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import * as strings from 'SocialValueHubStrings';
import type { HostTheme } from '../teams/hostTheme';
import type { HubServices } from '../ui/services';
import { connectHost, pageTheme } from './hostServices';
import { asSiteUrl } from '../app/hubSite';

export interface IHubWebPartProps {
  /** Optional: the site that holds the hub's lists, when the page lives elsewhere (e.g. a regional portal). */
  siteUrl?: string;
}

/**
 * What both web parts share: build the services from this.context, follow the theme (Teams' in Teams, the
 * page's on SharePoint), one property (the lists' site), unmount on dispose. A subclass only mounts its UI.
 */
export abstract class HubWebPartBase extends BaseClientSideWebPart<IHubWebPartProps> {
  private _services: HubServices | undefined;
  private _theme: HostTheme = 'light';

  /** Whether the UI posts to Teams (asks SPFx for the Graph client). */
  protected abstract readonly usesGraph: boolean;

  /** What the UI shows: the hub (opening on the register, whose first page comes with the opening's batch) or the dashboard (see connectHost). */
  protected abstract readonly shows: 'hub' | 'dashboard';

  /** The UI to mount (a promise when its code loads on demand). */
  protected abstract element(services: HubServices, theme: HostTheme): React.ReactElement | Promise<React.ReactElement>;

  /** What shows while the hub opens, before its services are built (the hub's header and a spinner), if anything. */
  protected shell?(theme: HostTheme): React.ReactElement;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const session = await connectHost(this.context, {
      siteUrl: this.properties.siteUrl,
      graph: this.usesGraph,
      shows: this.shows,
      onShell: (theme) => {
        const shell = this.shell?.(theme);
        if (shell && !this._services) this.mount(shell);
      },
      // The UI with what the page knows, while the opening's batch is on its way; its data answers when it lands.
      onOpening: (session) => {
        this._services = session.services;
        this._theme = session.theme;
        this.render();
      },
      onThemeChange: (theme) => {
        this._theme = theme;
        this.render();
      },
    });
    this._services = session.services;
    this._theme = session.theme;
  }

  public render(): void {
    if (!this._services) return;
    Promise.resolve(this.element(this._services, this._theme)).then(
      (element) => this.mount(element),
      (e: unknown) => {
        this.domElement.textContent = `${strings.AppTitle} could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
      },
    );
  }

  /** The one place the UI is rendered into the web part (the shell, then the hub): onDispose unmounts it. */
  private mount(element: React.ReactElement): void {
    ReactDom.render(element, this.domElement);
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    // In Teams the Teams theme rules; on a SharePoint page follow the page's light/dark variant.
    if (this._services?.teams) return;
    this._theme = pageTheme(theme?.isInverted);
    this.render();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.SettingsGroupName,
              groupFields: [
                PropertyPaneTextField('siteUrl', {
                  label: strings.SiteUrlFieldLabel,
                  // The same test the hub applies when it starts (src/app/hubSite.ts): a value it would ignore is flagged here.
                  onGetErrorMessage: (value: string) => (value.trim() && !asSiteUrl(value, this.context.pageContext.web.absoluteUrl) ? strings.SiteUrlFieldInvalid : ''),
                }),
              ],
            },
          ],
        },
      ],
    };
  }
}
