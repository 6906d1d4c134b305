// The hub's strings, in British English. SPFx loads this AMD module as 'SocialValueHubStrings';
// the local page and tests load the same file, so every host shows the same words.
define([], function () {
  return {
    AppTitle: 'Social Value Hub',
    AppSubtitle: 'Social value in every procurement, in proportion to its value',
    NoDataServiceTitle: 'No data service yet',
    NoDataServiceBody: 'The hub could not reach its SharePoint lists. A site owner can provision them from here once the data service is available.',
    LoadingLabel: 'Loading the hub…',
    SignedInAs: 'Signed in as {0}',
    HostSharePoint: 'SharePoint',
    HostTeams: 'Microsoft Teams',
    HostLocal: 'Local runtime',
    PropertyPaneDescription: 'Social Value Hub settings',
    SettingsGroupName: 'Site',
    SiteUrlFieldLabel: 'Site holding the Social Value Hub lists (leave empty for this site)'
  };
});
