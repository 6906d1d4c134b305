// The web (site), its context info, users and groups.
import { Ctx, Json, SPResponse, jsonResponse } from '../context';
import { GroupRecord, UserRecord } from '../store';
import { SPError, CODES } from '../errors';
import { DEMO_USERS, loginNameFor } from '../users';
import { issueDigest } from '../formDigest';
import { FORM_DIGEST_TIMEOUT_SECONDS } from '../platformLimits';

export const WEB_TITLE = 'Social Value Hub';

export function contextInfo(ctx: Ctx): SPResponse {
  const info: Json = {
    'odata.type': 'SP.ContextWebInformation',
    FormDigestTimeoutSeconds: FORM_DIGEST_TIMEOUT_SECONDS,
    FormDigestValue: issueDigest(ctx.store, ctx.siteUrl),
    LibraryVersion: '16.0.25919.12007',
    SiteFullUrl: ctx.siteUrl,
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: ctx.siteUrl,
  };
  if (ctx.verbose) return { status: 200, headers: { 'content-type': 'application/json;odata=verbose;charset=utf-8' }, body: JSON.stringify({ d: { GetContextWebInformation: { ...info, SupportedSchemaVersions: { results: info.SupportedSchemaVersions } } } }) };
  return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ContextWebInformation`, ...info });
}

export function webJson(ctx: Ctx): Json {
  return {
    'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Webs/@Element`,
    'odata.type': 'SP.Web',
    'odata.id': `${ctx.siteUrl}/_api/Web`,
    'odata.editLink': 'Web',
    AllowRssFeeds: true,
    AlternateCssUrl: '',
    AppInstanceId: '00000000-0000-0000-0000-000000000000',
    Configuration: 0,
    Created: ctx.store.getMeta('created'),
    CustomMasterUrl: `${ctx.sitePath}/_catalogs/masterpage/seattle.master`,
    Description: 'Social Value Hub (local)',
    EnableMinimalDownload: false,
    HasUniqueRoleAssignments: true,
    Id: ctx.store.getMeta('webId'),
    IsMultilingual: true,
    Language: 2057,
    LastItemModifiedDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    MasterUrl: `${ctx.sitePath}/_catalogs/masterpage/seattle.master`,
    NoCrawl: false,
    ServerRelativeUrl: ctx.sitePath,
    SiteLogoUrl: null,
    Title: WEB_TITLE,
    UIVersion: 15,
    Url: ctx.siteUrl,
    WebTemplate: 'GROUP',
  };
}

export function siteJson(ctx: Ctx): Json {
  return {
    'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Sites/@Element`,
    'odata.type': 'SP.Site',
    'odata.id': `${ctx.siteUrl}/_api/site`,
    'odata.editLink': 'site',
    Id: ctx.store.getMeta('siteId'),
    ServerRelativeUrl: ctx.sitePath,
    Url: ctx.siteUrl,
    ReadOnly: false,
  };
}

export function userJson(ctx: Ctx, u: UserRecord): Json {
  return {
    'odata.type': 'SP.User',
    'odata.id': `${ctx.siteUrl}/_api/Web/GetUserById(${u.id})`,
    'odata.editLink': `Web/GetUserById(${u.id})`,
    Id: u.id,
    IsHiddenInUI: false,
    LoginName: u.loginName,
    Title: u.title,
    PrincipalType: 1,
    Email: u.email,
    Expiration: '',
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    IsSiteAdmin: u.isSiteAdmin,
    UserId: u.email ? { NameId: `1003${String(u.id).padStart(12, '0')}`, NameIdIssuer: 'urn:federation:microsoftonline' } : null,
    UserPrincipalName: u.email || null,
  };
}

export function groupJson(ctx: Ctx, g: GroupRecord): Json {
  return {
    'odata.type': 'SP.Group',
    'odata.id': `${ctx.siteUrl}/_api/Web/SiteGroups/GetById(${g.id})`,
    'odata.editLink': `Web/SiteGroups/GetById(${g.id})`,
    Id: g.id,
    IsHiddenInUI: false,
    LoginName: g.title,
    Title: g.title,
    PrincipalType: 8,
    AllowMembersEditMembership: false,
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    Description: g.description,
    OnlyAllowMembersViewMembership: false,
    OwnerTitle: 'Social Value Owners',
    RequestToJoinLeaveEmailSetting: null,
  };
}

/** ensureuser: a user known to the (fictional) directory is added to the site's users if needed. */
export function ensureUser(ctx: Ctx, logonName: unknown): UserRecord {
  if (typeof logonName !== 'string' || logonName.trim() === '') {
    throw new SPError(400, CODES.argument, 'Value cannot be null.\r\nParameter name: logonName');
  }
  const existing = ctx.store.userByLogin(logonName);
  if (existing) return existing;
  const l = logonName.trim().toLowerCase();
  const email = l.includes('|') ? l.slice(l.lastIndexOf('|') + 1) : l;
  const demo = DEMO_USERS.find((u) => u.email === email || u.alias === email);
  if (demo) return ctx.store.addUser(loginNameFor(demo.email), demo.title, demo.email);
  if (/^[a-z0-9._%+-]+@svhub\.example$/.test(email)) {
    const title = email.split('@')[0].split('.').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(' ');
    return ctx.store.addUser(loginNameFor(email), title, email);
  }
  throw new SPError(500, CODES.userNotFound, `The specified user ${logonName} could not be found.`);
}
