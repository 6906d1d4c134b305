import * as React from 'react';
import { Table, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { TableProps } from '@fluentui/react-components';

/** Below this width (the space the table has, not the window's) rows become stacked cards. */
export const STACK_BELOW_PX = 600;

const useStyles = makeStyles({
  // Each row a card, each cell a line "heading  value": on a phone (Teams at 400 px) a table of seven
  // columns is unreadable and pushes the page sideways.
  stacked: {
    display: 'block',
    '& thead': {
      // Kept for screen readers (the cells stay tied to their column headings), hidden from sight.
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
    },
    '& tbody': { display: 'block' },
    '& tr': {
      display: 'block',
      marginBottom: tokens.spacingVerticalM,
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
    '& td': {
      display: 'grid',
      gridTemplateColumns: 'minmax(6rem, 40%) minmax(0, 1fr)',
      columnGap: tokens.spacingHorizontalM,
      alignItems: 'start',
      // A badge or button keeps its own width rather than stretching across the card.
      justifyItems: 'start',
      height: 'auto',
      minHeight: 0,
      padding: `${tokens.spacingVerticalXS} 0`,
      textAlign: 'left',
      whiteSpace: 'normal',
    },
    // The column's heading beside each value (from the header row, so it always matches it).
    '& td::before': {
      content: 'attr(data-label)',
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
    },
  },
});

/** True while the element is narrower than `px`. */
function useNarrow(ref: React.RefObject<HTMLElement>, px: number): boolean {
  const [narrow, setNarrow] = React.useState(false);
  React.useLayoutEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    const measure = (): void => setNarrow(box.getBoundingClientRect().width < px);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [ref, px]);
  return narrow;
}

/**
 * A Fluent table that becomes stacked cards where it has less than STACK_BELOW_PX: the same rows, cells and
 * column headings (the semantics stay a table's, with the roles said outright since a table shown as blocks
 * may lose them), each value labelled by its column's heading.
 */
export function ResponsiveTable({ className, stackBelow = STACK_BELOW_PX, ...props }: TableProps & { stackBelow?: number }): React.ReactElement {
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  const narrow = useNarrow(ref, stackBelow);
  React.useLayoutEffect(() => {
    const table = ref.current?.querySelector('table');
    if (!table) return;
    const headings = Array.from(table.querySelectorAll('thead th')).map((th) => (th.textContent ?? '').trim());
    table.setAttribute('role', 'table');
    for (const row of Array.from(table.querySelectorAll('tr'))) {
      row.setAttribute('role', 'row');
      Array.from(row.children).forEach((cell, i) => {
        if (cell.tagName === 'TH') {
          if (!cell.getAttribute('role')) cell.setAttribute('role', 'columnheader');
          return;
        }
        if (!cell.getAttribute('role')) cell.setAttribute('role', 'cell');
        cell.setAttribute('data-label', headings[i] ?? '');
      });
    }
  });
  return (
    <div ref={ref}>
      <Table {...props} className={mergeClasses(narrow && styles.stacked, className)} />
    </div>
  );
}
