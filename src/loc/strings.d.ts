declare interface ISocialValueHubStrings {
  AppTitle: string;
  AppSubtitle: string;
  NoDataServiceTitle: string;
  NoDataServiceBody: string;
  LoadingLabel: string;
  SignedInAs: string;
  HostSharePoint: string;
  HostTeams: string;
  HostLocal: string;
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  SiteUrlFieldLabel: string;
}

declare module 'SocialValueHubStrings' {
  const strings: ISocialValueHubStrings;
  export = strings;
}
