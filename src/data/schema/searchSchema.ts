// What the register asks of the site's search schema. SharePoint Online creates a queryable, retrievable managed
// property for every site column by itself (`<InternalName>OWSTEXT` for text, OWSCHCS choice, OWSCHCM multiple
// choice, OWSNMBR number, OWSDATE date, OWSUSER person), but none of them is sortable, and neither is the built-in
// Title (github.com/pnp/pnpjs/issues/307: "OOTB Title managed property ... is set to unsortable and cant be changed
// in SPO. ... map the crawled properties to a RefinableStringXX"). Sorting search results by reference, title,
// value or decision date therefore needs these mappings, made once per site collection by its admin (Site settings
// > Search schema, or an imported search configuration). Created and LastModifiedTime are sortable as they come.
// The numbers are high to stay clear of the low Refinable properties tenants usually take first; a tenant that
// already uses one changes it here.

/** Sortable managed property → the crawled property of the Procurements column it must hold. */
export const REGISTER_SEARCH_SCHEMA = {
  RefinableString120: 'ows_Reference',
  RefinableString121: 'ows_Title',
  RefinableInt20: 'ows_EstimatedValuePence',
  RefinableDate10: 'ows_DecisionDate',
} as const;
