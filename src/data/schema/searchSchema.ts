// What the register asks of the site's search schema. The hub's columns are list columns, and SharePoint makes
// managed properties by itself only for SITE columns ("only site columns that contain values will automatically
// become managed properties when they're crawled. Regular columns won't" — Microsoft Learn, "Automatically created
// managed properties in SharePoint"). A list column still gets its crawled property, `ows_<InternalName>`, which a
// site collection admin maps to the reusable Refinable properties (queryable, retrievable, refinable, sortable,
// multi-valued for RefinableString) — the usual route (techmikael.com, "Clarification on automatic managed
// properties in SharePoint Online": "Map crawled properties (the plain ows_columnname ones) to the RefinableXXYY
// re-usable properties"). Sorting needs them too: the built-in Title is not sortable in SharePoint Online
// (github.com/pnp/pnpjs/issues/307). Created, LastModifiedTime, ListItemID, ListId and Title are built in.
// The mapping is made once per site collection (Site settings > Search schema, or an imported search configuration);
// the numbers are high to stay clear of the low Refinable properties tenants usually take first — a tenant that
// already uses one changes it here.

/** The Refinable managed property the register reads each Procurements column through. */
export const REGISTER_SEARCH_PROPERTIES = {
  reference: 'RefinableString120',
  title: 'RefinableString121',
  status: 'RefinableString122',
  authority: 'RefinableString123',
  tier: 'RefinableString124',
  themes: 'RefinableString125',
  weightingMethod: 'RefinableString126',
  weightingPercent: 'RefinableString127',
  leadOfficer: 'RefinableString128',
  estimatedValue: 'RefinableInt20',
  decisionDate: 'RefinableDate10',
} as const;

const COLUMNS: Record<keyof typeof REGISTER_SEARCH_PROPERTIES, string> = {
  reference: 'Reference',
  title: 'Title',
  status: 'Status',
  authority: 'Authority',
  tier: 'Tier',
  themes: 'Themes',
  weightingMethod: 'WeightingMethod',
  weightingPercent: 'WeightingPercent',
  leadOfficer: 'LeadOfficer',
  estimatedValue: 'EstimatedValuePence',
  decisionDate: 'DecisionDate',
};

/** Managed property → the crawled property it must hold: the admin's one-off mapping. */
export const REGISTER_SEARCH_SCHEMA: Readonly<Record<string, string>> = Object.fromEntries(
  (Object.keys(REGISTER_SEARCH_PROPERTIES) as (keyof typeof REGISTER_SEARCH_PROPERTIES)[]).map((k) => [REGISTER_SEARCH_PROPERTIES[k], `ows_${COLUMNS[k]}`]),
);
