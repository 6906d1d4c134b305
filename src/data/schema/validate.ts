// Checks an item against its list's schema before anything is sent. SharePoint's REST API does not check
// choice values (and caps text at 255 only for single-line columns), so the hub does, here, once.
import { EARLIEST_YEAR, LATEST_YEAR, decimalPlaces, isIsoDate } from '../../domain';
import { restName } from './items';
import type { FieldDef, ListDef } from './types';

export interface FieldProblem {
  /** The list column (internal name). */
  column: string;
  message: string;
}

function isIsoDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !isNaN(Date.parse(value));
}

/** SharePoint refuses a date outside 1900–8900; checked here so one bad date cannot fail a part of a batch. */
function inSharePointRange(isoDateTime: string): boolean {
  const year = new Date(Date.parse(isoDateTime)).getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/**
 * Whether text holds characters SharePoint's XML (views, CAML, exports) cannot carry and the store would not
 * give back as typed: control characters other than tab and line breaks, U+FFFE/U+FFFF, and half of a
 * surrogate pair (half an emoji).
 */
function hasUnstorable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) return true;
    if (c >= 0xdc00 && c <= 0xdfff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}

function checkValue(field: FieldDef, value: unknown): string | undefined {
  const label = `“${field.title}”`;
  switch (field.kind) {
    case 'Text':
    case 'Note':
      if (typeof value !== 'string') return `${label} must be text.`;
      if (value.length > field.maxLength) return `${label} is ${value.length} characters long; the most it can hold is ${field.maxLength}.`;
      if (field.required && value.trim() === '') return `${label} is required.`;
      if (hasUnstorable(value)) return `${label} contains a character that cannot be stored (a control character or half of an emoji); remove it.`;
      return undefined;
    case 'Number':
      if (typeof value !== 'number' || !isFinite(value)) return `${label} must be a number.`;
      if (field.decimals === 0 && !Number.isSafeInteger(value)) return `${label} must be a whole number.`;
      // SharePoint's Decimals only rounds what it shows; the app refuses more places than the column shows.
      if (field.decimals !== undefined && field.decimals > 0 && decimalPlaces(value) > field.decimals) {
        return `${label} can have at most ${field.decimals} decimal place${field.decimals === 1 ? '' : 's'}.`;
      }
      if (field.min !== undefined && value < field.min) return `${label} cannot be less than ${field.min}.`;
      if (field.max !== undefined && value > field.max) return `${label} cannot be more than ${field.max}.`;
      return undefined;
    case 'Boolean':
      return typeof value === 'boolean' ? undefined : `${label} must be yes or no.`;
    case 'DateTime':
      if (typeof value !== 'string') return `${label} must be a date.`;
      if (isIsoDateTime(value)) {
        return inSharePointRange(value) ? undefined : `${label} must be between 1 January ${EARLIEST_YEAR} and 31 December ${LATEST_YEAR}; got “${value}”.`;
      }
      return field.dateOnly && isIsoDate(value) ? undefined : `${label} must be a date; got “${value}”.`;
    case 'Choice':
      return typeof value === 'string' && field.choices.indexOf(value) >= 0
        ? undefined
        : `${label} cannot be “${String(value)}”. Choose one of: ${field.choices.join(', ')}.`;
    case 'MultiChoice': {
      if (!Array.isArray(value)) return `${label} must be a list of choices.`;
      const bad = value.filter((v) => typeof v !== 'string' || field.choices.indexOf(v) < 0);
      return bad.length === 0 ? undefined : `${label} cannot include “${bad.join('”, “')}”. Choose from: ${field.choices.join(', ')}.`;
    }
    case 'User':
      return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? undefined : `${label} must be a person on this site.`;
    case 'URL': {
      const v = value as { Url?: unknown; Description?: unknown };
      if (!v || typeof v !== 'object' || typeof v.Url !== 'string') return `${label} must be a link.`;
      if (!/^https?:\/\/[^\s]+$/i.test(v.Url)) return `${label} must be a web address starting with https://; got “${v.Url}”.`;
      if (v.Url.length > 255) return `${label} is too long (at most 255 characters).`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Every problem with an item body for `list`. `creating`: required columns must be present.
 * Unknown properties are reported too (SharePoint would answer 400 for the whole request).
 */
export function itemProblems(list: ListDef, item: Record<string, unknown>, creating: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byRestName = new Map(list.fields.map((f) => [restName(f), f]));
  for (const [key, value] of Object.entries(item)) {
    const field = byRestName.get(key);
    if (!field) {
      problems.push({ column: key, message: `${list.title} has no column “${key}”.` });
      continue;
    }
    if (field.builtIn && field.name !== 'Title') {
      problems.push({ column: key, message: `“${field.title}” is set by SharePoint and cannot be written.` });
      continue;
    }
    if (value === null || value === undefined) {
      if (field.required) problems.push({ column: field.name, message: `“${field.title}” is required.` });
      continue;
    }
    const message = checkValue(field, value);
    if (message) problems.push({ column: field.name, message });
  }
  if (creating) {
    for (const field of list.fields) {
      if (!field.required || (field.builtIn && field.name !== 'Title')) continue;
      const v = item[restName(field)];
      if ((v === undefined || v === null) && !('defaultValue' in field && field.defaultValue !== undefined)) {
        problems.push({ column: field.name, message: `“${field.title}” is required.` });
      }
    }
  }
  return problems;
}
