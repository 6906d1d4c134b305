// Small pieces the delivery screens share: the RAG badge (colour backs up the word, never replaces it),
// measure names and proxies (quantities with their units: ../common/labels).
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { Badge } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import { formatPounds, measureByCode } from '../../domain';
import type { Measure, MeasureUnit, Pence, Rag } from '../../domain';
import { unitSingular } from '../common/labels';
export { quantityText } from '../common/labels';
import { format } from '../../loc/format';

const RAG_COLOURS: Record<Rag, BadgeProps['color']> = { Red: 'danger', Amber: 'warning', Green: 'success' };

export function RagBadge({ rag }: { rag: Rag }): React.ReactElement {
  return (
    <Badge appearance="filled" color={RAG_COLOURS[rag]}>
      {rag}
    </Badge>
  );
}

/** "HSC-01 Hours staff spent volunteering…" */
export function measureName(code: string, library: readonly Measure[]): string {
  const m = measureByCode(code, library);
  return m ? `${m.code} ${m.text}` : code;
}

/** "£16.93 per hour (SVH 2026)" or "Record-only: no £ value". */
export function proxyText(proxyPence: Pence | undefined, unit: MeasureUnit, edition?: string): string {
  if (proxyPence === undefined) return strings.Delivery.RecordOnlyProxy;
  const per = unit === '£ spend' ? '£1' : unit === 'count' ? strings.Delivery.ProxyItem : unitSingular(unit);
  return `${format(strings.Delivery.ProxyPer, formatPounds(proxyPence), per)}${edition ? ` (${edition})` : ''}`;
}
