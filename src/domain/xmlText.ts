// Text that an XML 1.0 document can carry. Workbooks (.xlsx) and Word documents (.docx) are zipped XML
// 1.0, whose Char production allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF] (https://www.w3.org/TR/xml/#charsets). Anything else — C0 controls other than tab,
// LF and CR, U+FFFE, U+FFFF, a surrogate without its pair — makes the part malformed, and Excel or Word then
// refuses the whole file for everyone who downloads it. Any site member can write such a character into a
// title through SharePoint's REST API, so every export writer passes its text through here.

/** What a character XML cannot carry becomes: the Unicode replacement character, so the gap stays visible. */
export const XML_REPLACEMENT = '\uFFFD';

// A surrogate pair (kept) or one code unit outside XML's Char production (replaced). Written without the
// regex `u` flag so it means the same under every compile target.
const NOT_XML_CHAR = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/g;

/** The text with every character XML 1.0 cannot carry replaced by U+FFFD; other text unchanged. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML_CHAR, (m) => (m.length === 2 ? m : XML_REPLACEMENT));
}

/**
 * A copy of plain data (strings, arrays, plain objects; numbers and the rest as they are) with every string
 * made XML-safe: export models are plain data, so one call before writing covers every field, present and future.
 */
export function xmlSafeData<T>(value: T): T {
  if (typeof value === 'string') return xmlSafeText(value) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => xmlSafeData(v)) as unknown as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: unknown } = {};
    for (const key of Object.keys(value as object)) out[key] = xmlSafeData((value as { [key: string]: unknown })[key]);
    return out as T;
  }
  return value;
}
