// SharePoint column formatting (JSON) for the columns managers scan: status, RAG, verification, money.
// SharePoint renders these in every list view; the app's own screens do not depend on them.

const SCHEMA_URL = 'https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json';

/** SharePoint's built-in severity styles (they follow the site theme and keep contrast). */
export type Tone = 'good' | 'low' | 'warning' | 'severeWarning' | 'blocked' | 'neutral';

const TONE_CLASS: Record<Tone, string> = {
  good: 'sp-field-severity--good',
  low: 'sp-field-severity--low',
  warning: 'sp-field-severity--warning',
  severeWarning: 'sp-field-severity--severeWarning',
  blocked: 'sp-field-severity--blocked',
  neutral: '',
};

const TONE_ICON: Record<Tone, string> = {
  good: 'CheckMark',
  low: 'Forward',
  warning: 'Error',
  severeWarning: 'Warning',
  blocked: 'ErrorBadge',
  neutral: '',
};

const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Nested `if(@currentField == 'v', 'x', …)` over a value → result table; `fallback` is an expression. */
function lookupExpression(table: readonly (readonly [string, string])[], fallback: string): string {
  return table.reduceRight<string>((acc, [value, result]) => `if(@currentField == ${quote(value)}, ${quote(result)}, ${acc})`, fallback);
}

/**
 * A coloured pill with an icon and the value as text (colour is never the only signal: WCAG 1.4.1).
 * The record is keyed by the domain's own union, so a new status without a tone fails to compile.
 */
export function pillFormat<V extends string>(tones: Record<V, Tone>, labels?: Record<V, string>): object {
  const entries = Object.entries(tones) as [V, Tone][];
  const text = labels ? '=' + lookupExpression(entries.map(([v]) => [v, labels[v]] as const), '@currentField') : '@currentField';
  return {
    $schema: SCHEMA_URL,
    elmType: 'div',
    attributes: { class: '=' + lookupExpression(entries.map(([v, t]) => [v, TONE_CLASS[t]] as const), "''") + " + ' ms-fontSize-14'" },
    children: [
      { elmType: 'span', style: { display: 'inline-block', padding: '0 4px' }, attributes: { iconName: '=' + lookupExpression(entries.map(([v, t]) => [v, TONE_ICON[t]] as const), "''") } },
      { elmType: 'span', txtContent: text },
    ],
  };
}

/** Stored values are the domain's stable ids ('toms-included'); managers read its label ('TOMs included'). */
export function labelFormat(labels: Readonly<Record<string, string>>): object {
  return {
    $schema: SCHEMA_URL,
    elmType: 'div',
    txtContent: '=' + lookupExpression(Object.entries(labels), '@currentField'),
    attributes: { title: '@currentField' },
  };
}

/** Money is stored as integer pence (exact); managers see pounds. */
export function penceAsPoundsFormat(): object {
  return {
    $schema: SCHEMA_URL,
    elmType: 'div',
    style: { 'text-align': 'right' },
    txtContent: "=if(@currentField == '', '', '£' + toLocaleString(@currentField / 100))",
  };
}

/** Links open in a new tab with a readable label instead of the raw URL. */
export function linkFormat(label: string): object {
  return {
    $schema: SCHEMA_URL,
    elmType: 'a',
    txtContent: `=if(@currentField == '', '', '${label.replace(/'/g, "\\'")}')`,
    attributes: { href: '@currentField', target: '_blank', rel: 'noopener noreferrer' },
  };
}
