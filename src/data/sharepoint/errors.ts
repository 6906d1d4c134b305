// SharePoint's answers (HTTP status + odata.error) turned into DataErrors the UI can act on.
import { ConflictError, DataError } from '../errors';

interface HttpLikeError {
  status?: number;
  message?: string;
  isHttpRequestError?: boolean;
  response?: { bodyUsed?: boolean; text?: () => Promise<string> };
}

/** Reads odata.error from PnPjs's HttpRequestError ("… ::> <body>"). */
function spErrorBody(message: string): { code?: string; text?: string } {
  const at = message.indexOf('::> ');
  if (at < 0) return {};
  const body = message.slice(at + 4);
  try {
    const json = JSON.parse(body) as {
      'odata.error'?: { code?: string; message?: { value?: string } };
      error?: { code?: string; message?: { value?: string } | string };
    };
    const err = json['odata.error'] || json.error;
    if (!err) return { text: body };
    const text = typeof err.message === 'string' ? err.message : err.message && err.message.value;
    return { code: err.code, text };
  } catch {
    return { text: body };
  }
}

/**
 * @param what the record in words, for messages ("Procurement WMCA-2026-0001").
 */
export function toDataError(e: unknown, what: string, list?: string): DataError {
  if (e instanceof DataError) return e;
  const err = (e || {}) as HttpLikeError;
  const status = typeof err.status === 'number' ? err.status : undefined;
  const message = typeof err.message === 'string' ? err.message : String(e);
  if (status === undefined) {
    // fetch rejects with a TypeError when the connection fails; PnPjs rethrows it after its retries.
    return new DataError('network', `Could not reach SharePoint to save or load ${what.toLowerCase()}. Check the connection and try again.`, {
      spMessage: message,
      list,
    });
  }
  const { code, text } = spErrorBody(message);
  const details = { status, spCode: code, spMessage: text || message, list };
  if (status === 412) return new ConflictError(what, details);
  if (status === 404) return new DataError('not-found', `${what} was not found. It may have been deleted, or the hub's lists are not set up on this site.`, details);
  if (status === 401 || status === 403) {
    return new DataError('forbidden', `You do not have permission to change ${what.toLowerCase()}. Ask the hub's owner for access.`, details);
  }
  if (status === 429 || status === 503) {
    return new DataError('throttled', 'SharePoint is busy and asked us to slow down. Wait a minute and try again; nothing was lost.', details);
  }
  if ((code && code.indexOf('SPQueryThrottledException') >= 0) || /list view threshold/i.test(text || '')) {
    return new DataError(
      'threshold',
      'This search covers too many items for SharePoint to scan at once. Narrow it with a status, tier, authority or lead officer.',
      details,
    );
  }
  if (/already exists|duplicate|unique value/i.test(text || '')) {
    return new DataError('duplicate', `${what} already exists.`, details);
  }
  if (status === 400) {
    return new DataError('validation', `SharePoint refused ${what.toLowerCase()}: ${text || 'the request was not valid'}.`, details);
  }
  return new DataError('server', `SharePoint could not complete the request for ${what.toLowerCase()} (${status}). Try again later.`, details);
}

/**
 * toDataError, reading SharePoint's answer first when the error lacks it: PnPjs's fetch-with-retry reports a
 * final answer it would not retry (a 400 "duplicate value" after two 429s, say) as "Retry count exceeded"
 * without the body, which would hide the duplicate (or the missing user) behind a generic error.
 */
export async function readDataError(e: unknown, what: string, list?: string): Promise<DataError> {
  const err = (e || {}) as HttpLikeError;
  const response = err.response;
  if (typeof err.message === 'string' && err.message.indexOf('::> ') < 0 && response && !response.bodyUsed && typeof response.text === 'function') {
    try {
      const body = await response.text();
      if (body) return toDataError({ status: err.status, message: `${err.message} ::> ${body}` }, what, list);
    } catch {
      // The body cannot be read: classify the error as it is.
    }
  }
  return toDataError(e, what, list);
}
