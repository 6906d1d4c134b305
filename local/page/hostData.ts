// What the local page needs of the data layer and the opening's workflows, in a chunk of its own that the page
// fetches when it starts (main.tsx), as the web part fetches its 'hub-data' chunk (src/webparts/hostServices.ts):
// so the local page's opening waits the same round trip before its $batch as the web part's does, and what the
// tab-open benchmark measures is the web part's path (issue 18).
export { createLocalSp } from '../../src/data/sharepoint/spfi';
export { createSharePointData } from '../../src/data/sharepoint';
export { canManageWeb, readTenantProperty } from '../../src/data/sharepoint/tenantSettings';
export { openedHubData, openHubSite } from '../../src/app/opening';
export { resolveHubLinks, setHubLinks } from '../../src/app/hubLinks';
