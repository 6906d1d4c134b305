// The dependency floor of `npm run bench -- bundle`: the least a hub-like web part ships with the same
// dependencies — React rendered by SPFx, a FluentProvider in the hub's Teams theme with one Button, and
// PnPjs reading one list's items. Built only in the benchmark's temporary copy of the project, never shipped.
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { Button, FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { spfi, SPFx } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';

export default class BenchFloorWebPart extends BaseClientSideWebPart<Record<string, never>> {
  private _count: number | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const sp = spfi(this.context.pageContext.web.absoluteUrl).using(SPFx(this.context));
    this._count = (await sp.web.lists.getByTitle('Procurements').items.top(25)()).length;
  }

  public render(): void {
    ReactDom.render(
      React.createElement(FluentProvider, { theme: teamsLightTheme }, React.createElement(Button, { appearance: 'primary' }, `Procurements: ${this._count}`)),
      this.domElement,
    );
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }
}
