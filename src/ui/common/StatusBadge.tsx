import * as React from 'react';
import { Badge } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import type { ProcurementStatus } from '../../domain';

// Colour backs up the words, never replaces them (the status text is always shown).
const COLOURS: Record<ProcurementStatus, BadgeProps['color']> = {
  Draft: 'subtle',
  'Awaiting approval': 'warning',
  Approved: 'success',
  Rejected: 'danger',
  Tendering: 'brand',
  Awarded: 'success',
  'In delivery': 'brand',
  Closed: 'informative',
  Withdrawn: 'informative',
};

export function StatusBadge({ status }: { status: ProcurementStatus }): React.ReactElement {
  return (
    <Badge appearance="tint" color={COLOURS[status]}>
      {status}
    </Badge>
  );
}
