// SharePoint Online's error shapes: {"odata.error":{"code":"<number>, <exception type>","message":{"lang":"en-US","value":"…"}}}.
// The codes and messages below are the ones SharePoint Online answers (see shared/reference/microsoft365.md).

export class SPError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const CODES = {
  argument: '-1, System.ArgumentException',
  invalidClientQuery: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
  spException: '-1, Microsoft.SharePoint.SPException',
  clientService: '-1, Microsoft.SharePoint.Client.ClientServiceException',
  fieldValidation: '-2130575163, Microsoft.SharePoint.SPException',
  duplicateValues: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
  throttled: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
  accessDenied: '-2147024891, System.UnauthorizedAccessException',
  notFound: '-2147024809, System.ArgumentException',
  userNotFound: '-2146232832, Microsoft.SharePoint.SPException',
  indexLimit: '-2146232832, Microsoft.SharePoint.SPException',
  internal: '-1, System.InvalidOperationException',
  noHandler: '-1, Microsoft.SharePoint.Client.ResourceNotFoundException',
} as const;

export function listNotFound(title: string, webUrl: string): SPError {
  return new SPError(404, CODES.argument, `List '${title}' does not exist at site with URL '${webUrl}'.`);
}

export function listIdNotFound(): SPError {
  return new SPError(404, CODES.argument, 'List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.');
}

export function itemNotFound(): SPError {
  return new SPError(404, '-2130575338, Microsoft.SharePoint.SPException', 'Item does not exist. It may have been deleted by another user.');
}

export function unknownProperty(prop: string, typeName: string): SPError {
  return new SPError(400, CODES.invalidClientQuery,
    `The property '${prop}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type.`);
}

export function unknownField(name: string): SPError {
  return new SPError(400, CODES.spException, `The field or property '${name}' does not exist.`);
}

export function fieldNotFound(name: string): SPError {
  return new SPError(400, CODES.notFound,
    `Column '${name}' does not exist. It may have been deleted by another user.`);
}

export function cannotConvert(edmType: string): SPError {
  return new SPError(400, CODES.invalidClientQuery,
    `Cannot convert a primitive value to the expected type '${edmType}'. See the inner error for more details.`);
}

export function invalidQuery(message: string): SPError {
  return new SPError(400, CODES.invalidClientQuery, message);
}

export function badRequestBody(): SPError {
  return new SPError(400, CODES.invalidClientQuery, 'Invalid JSON. A token was not recognized in the JSON content.');
}

export function fieldValidation(message: string): SPError {
  return new SPError(400, CODES.fieldValidation, message);
}

export function etagMismatch(sent: string, actual: string): SPError {
  return new SPError(412, CODES.clientService,
    `The request ETag value '${sent}' does not match the object's ETag value '${actual}'.`);
}

export function throttled(): SPError {
  return new SPError(500, CODES.throttled,
    'The attempted operation is prohibited because it exceeds the list view threshold.');
}

export function accessDenied(): SPError {
  return new SPError(403, CODES.accessDenied, 'Access denied.');
}

export function noResource(path: string): SPError {
  return new SPError(404, CODES.noHandler, `Cannot find resource for the request ${path}.`);
}

export function errorBody(code: string, message: string): string {
  return JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: message } } });
}

/** 405: the resource exists but not for this HTTP method (SharePoint's ClientServiceException). */
export function wrongMethod(method: string, resource: string): SPError {
  return new SPError(405, CODES.clientService,
    `The HTTP method '${method}' cannot be used to access the resource '${resource}'. The operation type of the resource is specified as 'Default'. Please use correct HTTP method to invoke the resource.`);
}
