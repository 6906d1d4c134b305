// Views of a list: stored faithfully (ViewQuery, ViewFields, RowLimit, CustomFormatter…); item queries do not apply them.
import { randomUUID } from 'node:crypto';
import { Ctx, Json, SPResponse, jsonResponse, emptyResponse } from '../context';
import { ListRecord, ViewDef } from '../store';
import { SPError, CODES, fieldNotFound } from '../errors';
import { encodeXml } from '../schemaXml';
import { parseJsonBody } from './items';
import { queryObjects, project } from '../odata/objectQuery';
import { requireManageLists, requireRead } from '../permissions';

function viewUrlName(title: string): string {
  return title.replace(/[^A-Za-z0-9]/g, '') || 'View';
}

function viewFieldsXml(v: ViewDef): string {
  return v.viewFields.map((n) => `<FieldRef Name="${encodeXml(n)}" />`).join('');
}

function listViewXml(v: ViewDef): string {
  return `<View Name="{${v.id.toUpperCase()}}" ${v.defaultView ? 'DefaultView="TRUE" ' : ''}MobileView="TRUE" Type="${v.viewType}" `
    + `DisplayName="${encodeXml(v.title)}" Url="${encodeXml(viewServerRelativeUrl(v))}" Level="1" BaseViewID="1" ContentTypeID="0x" `
    + `ImageUrl="/_layouts/15/images/generic.png?rev=47"><Query>${v.viewQuery}</Query><ViewFields>${viewFieldsXml(v)}</ViewFields>`
    + `<RowLimit Paged="${v.paged ? 'TRUE' : 'FALSE'}">${v.rowLimit}</RowLimit>`
    + `${v.jsLink ? `<JSLink>${encodeXml(v.jsLink)}</JSLink>` : ''}${v.customFormatter ? `<CustomFormatter>${encodeXml(v.customFormatter)}</CustomFormatter>` : ''}</View>`;
}

let currentListUrl = '';
function viewServerRelativeUrl(v: ViewDef): string {
  return `${currentListUrl}/${v.defaultView && v.title === 'All Items' ? 'AllItems' : viewUrlName(v.title)}.aspx`;
}

export function viewJson(ctx: Ctx, list: ListRecord, v: ViewDef): Json {
  currentListUrl = `${ctx.sitePath}/Lists/${list.urlName}`;
  return {
    'odata.type': 'SP.View',
    'odata.id': `${ctx.siteUrl}/_api/Web/Lists(guid'${list.id}')/Views(guid'${v.id}')`,
    'odata.editLink': `Web/Lists(guid'${list.id}')/Views(guid'${v.id}')`,
    Aggregations: null,
    AggregationsStatus: null,
    AssociatedContentTypeId: null,
    BaseViewId: '1',
    CalendarViewStyles: null,
    ColumnWidth: null,
    ContentTypeId: { StringValue: '0x' },
    CustomFormatter: v.customFormatter,
    CustomOrder: null,
    DefaultView: v.defaultView,
    DefaultViewForContentType: false,
    EditorModified: false,
    Formats: null,
    GridLayout: null,
    Hidden: v.hidden,
    HtmlSchemaXml: listViewXml(v),
    Id: v.id,
    ImageUrl: '/_layouts/15/images/generic.png?rev=47',
    IncludeRootFolder: false,
    ViewJoins: null,
    JSLink: v.jsLink,
    ListViewXml: listViewXml(v),
    Method: null,
    MobileDefaultView: false,
    MobileView: true,
    ModerationType: null,
    NewDocumentTemplates: null,
    OrderedView: false,
    Paged: v.paged,
    PersonalView: v.personalView,
    ViewProjectedFields: null,
    ViewQuery: v.viewQuery,
    ReadOnlyView: false,
    RequiresClientIntegration: false,
    RowLimit: v.rowLimit,
    Scope: v.scope,
    ServerRelativePath: { DecodedUrl: viewServerRelativeUrl(v) },
    ServerRelativeUrl: viewServerRelativeUrl(v),
    StyleId: null,
    TabularView: true,
    Threaded: false,
    Title: v.title,
    Toolbar: '',
    ToolbarTemplateName: null,
    ViewType: v.viewType,
    ViewData: null,
    ViewType2: null,
    VisualizationInfo: null,
    ...v.extra,
  };
}

export function findView(list: ListRecord, how: 'title' | 'id', key: string): ViewDef {
  const l = key.toLowerCase().replace(/[{}]/g, '');
  const v = how === 'id' ? list.views.find((x) => x.id === l) : list.views.find((x) => x.title.toLowerCase() === l);
  if (!v) throw new SPError(404, CODES.argument, 'The specified view is invalid.');
  return v;
}

export function getViews(ctx: Ctx, list: ListRecord): SPResponse {
  requireRead(ctx.store, ctx.user, list);
  return jsonResponse(ctx, 200, {
    'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Views`,
    value: queryObjects(list.views.map((v) => viewJson(ctx, list, v)), ctx.req.url.searchParams, 'SP.View'),
  });
}

export function getView(ctx: Ctx, list: ListRecord, v: ViewDef, status = 200): SPResponse {
  requireRead(ctx.store, ctx.user, list);
  return jsonResponse(ctx, status, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.Views/@Element`,
    ...project(viewJson(ctx, list, v), ctx.req.url.searchParams.get('$select'), 'SP.View') });
}

type Apply = (v: ViewDef, val: unknown) => void;
const s = (val: unknown): string => {
  if (typeof val !== 'string') throw new SPError(400, CODES.invalidClientQuery, "Cannot convert a primitive value to the expected type 'Edm.String'. See the inner error for more details.");
  return val;
};
const b = (val: unknown): boolean => {
  if (typeof val !== 'boolean') throw new SPError(400, CODES.invalidClientQuery, "Cannot convert a primitive value to the expected type 'Edm.Boolean'. See the inner error for more details.");
  return val;
};
const n = (val: unknown): number => {
  if (typeof val !== 'number' || !Number.isInteger(val) || val < 0) throw new SPError(400, CODES.invalidClientQuery, "Cannot convert a primitive value to the expected type 'Edm.Int32'. See the inner error for more details.");
  return val;
};

const VIEW_PROPS: Record<string, Apply> = {
  Title: (v, x) => { v.title = s(x); },
  ViewQuery: (v, x) => { v.viewQuery = x === null ? '' : s(x); },
  RowLimit: (v, x) => { v.rowLimit = n(x); },
  Paged: (v, x) => { v.paged = b(x); },
  PersonalView: (v, x) => { v.personalView = b(x); },
  DefaultView: (v, x) => { v.defaultView = b(x); },
  Hidden: (v, x) => { v.hidden = b(x); },
  CustomFormatter: (v, x) => { v.customFormatter = x === null ? null : s(x); },
  JSLink: (v, x) => { v.jsLink = x === null ? '' : s(x); },
  Scope: (v, x) => { v.scope = n(x); },
  ViewTypeKind: (v, x) => { v.viewType = Number(x) === 524288 ? 'GRID' : 'HTML'; },
  ViewType2: (v, x) => { v.extra.ViewType2 = x; },
  TabularView: (v, x) => { v.extra.TabularView = b(x); },
  MobileView: (v, x) => { v.extra.MobileView = b(x); },
  MobileDefaultView: (v, x) => { v.extra.MobileDefaultView = b(x); },
  IncludeRootFolder: (v, x) => { v.extra.IncludeRootFolder = b(x); },
  ViewData: (v, x) => { v.extra.ViewData = x; },
  Aggregations: (v, x) => { v.extra.Aggregations = x; },
  AggregationsStatus: (v, x) => { v.extra.AggregationsStatus = x; },
  Toolbar: (v, x) => { v.extra.Toolbar = x; },
  ColumnWidth: (v, x) => { v.extra.ColumnWidth = x; },
  ViewFields: (v, x) => {
    const arr = Array.isArray(x) ? x : x && typeof x === 'object' && Array.isArray((x as Json).results) ? (x as Json).results as unknown[] : null;
    if (!arr) throw new SPError(400, CODES.invalidClientQuery, "Cannot convert a primitive value to the expected type 'Collection(Edm.String)'.");
    v.viewFields = arr.map(String);
  },
};

function applyProps(v: ViewDef, body: Json, typeName = 'SP.View'): void {
  for (const [k, val] of Object.entries(body)) {
    if (k === '__metadata' || k.startsWith('odata.') || k.includes('@odata.')) continue;
    const apply = VIEW_PROPS[k];
    if (!apply) {
      throw new SPError(400, CODES.invalidClientQuery,
        `The property '${k}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type.`);
    }
    apply(v, val);
  }
}

function objectBody(ctx: Ctx): Json {
  const body = parseJsonBody(ctx);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new SPError(400, CODES.invalidClientQuery, 'The request body must be a JSON object.');
  const p = (body as Json).parameters;
  return (p && typeof p === 'object' ? p : body) as Json;
}

export function addView(ctx: Ctx, list: ListRecord): SPResponse {
  requireManageLists(ctx.store, ctx.user, list);
  const body = objectBody(ctx);
  const v: ViewDef = {
    id: randomUUID(), title: '', viewQuery: '', rowLimit: 30, paged: true, personalView: false, defaultView: false, hidden: false,
    viewFields: ['LinkTitle'], customFormatter: null, jsLink: 'clienttemplates.js', viewType: 'HTML', scope: 0, extra: {},
  };
  applyProps(v, body, 'SP.ViewCreationInformation');
  if (v.title.trim() === '') throw new SPError(400, CODES.argument, 'Value cannot be null.\r\nParameter name: Title');
  if (list.views.some((x) => x.title.toLowerCase() === v.title.toLowerCase() && !x.personalView)) {
    throw new SPError(400, CODES.spException, `A view named "${v.title}" already exists in this list.`);
  }
  ctx.store.addView(list, v);
  return getView(ctx, list, v, 201);
}

export function updateView(ctx: Ctx, list: ListRecord, v: ViewDef): SPResponse {
  requireManageLists(ctx.store, ctx.user, list);
  const next: ViewDef = JSON.parse(JSON.stringify(v)) as ViewDef;
  applyProps(next, objectBody(ctx));
  Object.assign(v, next);
  ctx.store.saveView(list, v);
  return emptyResponse(204);
}

export function deleteView(ctx: Ctx, list: ListRecord, v: ViewDef): SPResponse {
  requireManageLists(ctx.store, ctx.user, list);
  if (v.defaultView) throw new SPError(400, CODES.spException, 'You cannot delete the default view of a list.');
  ctx.store.deleteView(list, v);
  return emptyResponse(200);
}

export function getViewFields(ctx: Ctx, list: ListRecord, v: ViewDef): SPResponse {
  requireRead(ctx.store, ctx.user, list);
  return jsonResponse(ctx, 200, {
    'odata.metadata': `${ctx.siteUrl}/_api/$metadata#SP.ApiData.ViewFieldCollections/@Element`,
    'odata.type': 'SP.ViewFieldCollection',
    'odata.id': `${ctx.siteUrl}/_api/Web/Lists(guid'${list.id}')/Views(guid'${v.id}')/ViewFields`,
    'odata.editLink': `Web/Lists(guid'${list.id}')/Views(guid'${v.id}')/ViewFields`,
    SchemaXml: `<FieldRefs>${viewFieldsXml(v)}</FieldRefs>`,
    Items: v.viewFields,
  });
}

export function getViewFieldsSchemaXml(ctx: Ctx, v: ViewDef): SPResponse {
  requireRead(ctx.store, ctx.user);
  return jsonResponse(ctx, 200, { 'odata.metadata': `${ctx.siteUrl}/_api/$metadata#Edm.String`, 'odata.name': 'SchemaXml', value: `<FieldRefs>${viewFieldsXml(v)}</FieldRefs>` });
}

function resolveFieldName(ctx: Ctx, list: ListRecord, name: string): string {
  const f = ctx.store.fieldByName(list, name);
  if (!f) throw fieldNotFound(name);
  return f.internalName;
}

export function viewFieldsAction(ctx: Ctx, list: ListRecord, v: ViewDef, action: string, arg: string | undefined): SPResponse {
  requireManageLists(ctx.store, ctx.user, list);
  switch (action) {
    case 'addviewfield': {
      const name = resolveFieldName(ctx, list, arg ?? '');
      if (!v.viewFields.includes(name)) v.viewFields.push(name);
      break;
    }
    case 'removeviewfield': {
      const name = resolveFieldName(ctx, list, arg ?? '');
      v.viewFields = v.viewFields.filter((x) => x !== name);
      break;
    }
    case 'removeallviewfields':
      v.viewFields = [];
      break;
    case 'moveviewfieldto': {
      const body = parseJsonBody(ctx) as Json;
      const name = resolveFieldName(ctx, list, String(body.field ?? ''));
      const index = Number(body.index);
      if (!Number.isInteger(index) || index < 0) throw new SPError(400, CODES.argument, 'Specified argument was out of the range of valid values.');
      v.viewFields = v.viewFields.filter((x) => x !== name);
      v.viewFields.splice(Math.min(index, v.viewFields.length), 0, name);
      break;
    }
    default:
      throw new SPError(404, CODES.noHandler, `Cannot find resource for the request ${action}.`);
  }
  ctx.store.saveView(list, v);
  return emptyResponse(200);
}

export function setViewXml(ctx: Ctx, list: ListRecord, v: ViewDef): SPResponse {
  requireManageLists(ctx.store, ctx.user, list);
  const body = parseJsonBody(ctx) as Json;
  if (typeof body.viewXml !== 'string') throw new SPError(400, CODES.argument, 'Value cannot be null.\r\nParameter name: viewXml');
  const q = /<Query>([\s\S]*?)<\/Query>/.exec(body.viewXml);
  if (q) v.viewQuery = q[1];
  const vf = /<ViewFields>([\s\S]*?)<\/ViewFields>/.exec(body.viewXml);
  if (vf) v.viewFields = [...vf[1].matchAll(/<FieldRef\s+Name="([^"]+)"/g)].map((m) => m[1]);
  const rl = /<RowLimit[^>]*>(\d+)<\/RowLimit>/.exec(body.viewXml);
  if (rl) v.rowLimit = Number(rl[1]);
  ctx.store.saveView(list, v);
  return emptyResponse(200);
}
