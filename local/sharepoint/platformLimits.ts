// SharePoint Online's own limits, as the emulator enforces them. Taken from Microsoft's documentation and public
// issue threads — never from the app (src/): the emulator judges the app, so the app's copies of these figures
// (src/data/schema/types.ts, page and batch sizes) are tested against these in tests/local/platformLimits.test.ts.
// Where no published figure was found, the limit is left out rather than guessed.

/**
 * The list view threshold: a query that must scan more than 5,000 items is refused.
 * Source: Microsoft Learn, "SharePoint limits" (SharePoint Online service description) and "Manage large lists
 * and libraries"; the error SharePoint answers is in /work/shared/reference/microsoft365.md.
 */
export const LIST_VIEW_THRESHOLD = 5000;

/** $top on list items above 5,000 is refused past the threshold (the same sources: a page is at most the threshold). */
export const MAX_ITEMS_PAGE = LIST_VIEW_THRESHOLD;

/** At most 20 indexed columns a list. Source: Microsoft Learn, "SharePoint limits" and "Add an index to a list or library column". */
export const MAX_INDEXED_COLUMNS = 20;

/** A query may join at most 12 lookup, person or workflow-status columns (the lookup column threshold). Source: "SharePoint limits" (above). */
export const LOOKUP_COLUMN_THRESHOLD = 12;

/** Single line of text holds at most 255 characters (MaxLength 1–255). Source: Microsoft Learn, "List and library column types and options"; SharePoint answers MaxLength > 255 with ArgumentOutOfRange. */
export const MAX_TEXT_LENGTH = 255;

/**
 * A list's title: PnPjs's own suite asserts that SharePoint Online refuses a 512-character title
 * (github.com/pnp/pnpjs test/sp/lists.ts ".ensure with too long title"). The 255 figure is SharePoint's limit for
 * the title as issue 13 states it; no Microsoft page stating it was found, so the emulator refuses > 255 and the
 * report says so.
 */
export const MAX_LIST_TITLE_LENGTH = 255;

/**
 * $batch: at most 100 requests a batch — "REST batching has a maximum of 100 requests" (github.com/pnp/pnpcore/issues/284,
 * by a Microsoft PnP maintainer) and "a known limitation that you should only have 100 items in a batched request"
 * (github.com/pnp/pnpjs/issues/3207, PnPjs maintainer).
 */
export const MAX_BATCH_REQUESTS = 100;

/**
 * $batch: the body is read up to 1,048,576 bytes — SharePoint Online answers "The maximum number of bytes allowed
 * to be read from the stream has been exceeded. After the last read operation, a total of N bytes has been read
 * from the stream; however a maximum of 1048576 bytes is allowed." (github.com/pnp/pnpjs/issues/1356,
 * github.com/pnp/pnpcore/issues/777, github.com/pnp/powershell/issues/3436).
 */
export const MAX_BATCH_BYTES = 1_048_576;

/**
 * A form digest is valid for FormDigestTimeoutSeconds (1,800 on SharePoint Online): writes with an older one fail
 * with "The security validation for this page is invalid…" (github.com/pnp/pnpjs/issues/2186: "The error starts 30
 * minutes after page load"; Microsoft Learn, "Working with the request digest" in SPFx docs).
 */
export const FORM_DIGEST_TIMEOUT_SECONDS = 1800;

/**
 * Search answers at most 500 rows a request, whatever RowLimit asks ("it returns only 500 rows at a time" —
 * c-sharpcorner.com, "Handling the SharePoint REST API search threshold limit in SPFx"; page on with StartRow).
 */
export const MAX_SEARCH_ROW_LIMIT = 500;

/**
 * A KQL query made in code is at most 4,096 characters by default — Microsoft Learn, "Keyword Query Language (KQL)
 * syntax reference" ("KQL queries you create programmatically ... have a default length limit of 4,096 characters").
 */
export const MAX_KQL_LENGTH = 4096;
