// The rest of the data layer for the local page (every repository, provisioning), in a chunk of its own: fetched
// when a screen first asks for more than the opening answered, or once the register's first page is drawn, as the
// web part fetches its 'hub-data' chunk (src/webparts/sharePointData.ts). The opening is ./hostOpening.ts.
export { createSharePointData } from '../../src/data/sharepoint';
