// What the local page needs for the hub's opening, in a chunk of its own that the page fetches when it starts
// (main.tsx), as the web part fetches its 'hub-opening' chunk (src/webparts/sharePointOpening.ts): so the local
// page's $batch waits the same round trip as the web part's, and what the tab-open benchmark measures is the web
// part's path (issue 18). The rest of the data layer is ./hostData.ts, fetched as the web part fetches 'hub-data'.
export { createLocalSp } from '../../src/data/sharepoint/spfi';
export { readOpening } from '../../src/data/sharepoint/opening';
export { canManageWeb, readTenantProperty } from '../../src/data/sharepoint/tenantSettings';
export { openedHubData, openHubSite } from '../../src/app/opening';
export { resolveHubLinks, setHubLinks } from '../../src/app/hubLinks';
