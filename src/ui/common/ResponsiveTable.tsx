import * as React from 'react';
import { Table, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { TableProps } from '@fluentui/react-components';

/** Below this width (the space the table has, not the window's) rows become stacked cards. */
export const STACK_BELOW_PX = 600;

/** The stacked card's heading column: 40% of the card, at least 6rem and at most 11rem. */
const HEADING_COLUMN = 'clamp(6rem, 40cqw, 11rem)';

const useStyles = makeStyles({
  // Side by side, each column takes the width its content needs (Fluent's fixed layout gives every column the
  // same share: a reference squeezed as much as a title, a status badge wider than its pill). Words break only
  // between words (the hub's `overflow-wrap: anywhere` made "Birmingham" break mid-word); when even that is
  // too wide for the space, the table stacks (below).
  fitted: {
    tableLayout: 'auto',
    '& th, & td': { overflowWrap: 'normal' },
    '& .fui-Badge': { whiteSpace: 'nowrap' },
  },
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
      // The heading column is sized from the card's width (cqw), the same for every cell of the card.
      containerType: 'inline-size',
      marginBottom: tokens.spacingVerticalM,
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
    // Each cell a line "heading  value": the heading floats in the cell's left padding, so everything in the
    // cell (text, a note under it, a badge, a progress bar) flows in the value's column. A grid put each piece
    // in its own cell, and a note under a value landed in the heading's column.
    '& td': {
      display: 'flow-root',
      height: 'auto',
      minHeight: 0,
      padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalXS} ${HEADING_COLUMN}`,
      textAlign: 'left',
      whiteSpace: 'normal',
      // A long link or email breaks rather than widen the card (and the page) on a phone.
      overflowWrap: 'anywhere',
    },
    // A badge (a status pill) sits on the line, not on its baseline: aligned by baseline, its 20px box
    // dropped below the cell's 20px line and spilled out of the cell.
    '& .fui-Badge': { verticalAlign: 'top', whiteSpace: 'nowrap' },
    // The column's heading beside each value (from the header row, so it always matches it).
    '& td::before': {
      content: 'attr(data-label)',
      float: 'left',
      boxSizing: 'border-box',
      width: HEADING_COLUMN,
      marginLeft: `calc(-1 * ${HEADING_COLUMN})`,
      paddingRight: tokens.spacingHorizontalM,
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
      overflowWrap: 'normal',
    },
    // A cell holding a block of its own (facts, a reason box and buttons): the heading above it, full width.
    '& td[data-stack="full"]': { paddingLeft: 0 },
    '& td[data-stack="full"]::before': { float: 'none', display: 'block', width: 'auto', marginLeft: 0 },
  },
});

/**
 * True while the element is narrower than `px` or than its table needs side by side. The width the table
 * needs is measured while it is side by side (it grows past its box when its words cannot fit) and kept while
 * it is stacked, so it goes back to side by side only when there is room for it: no flicker between the two.
 */
function useNarrow(ref: React.RefObject<HTMLElement>, px: number): boolean {
  const [narrow, setNarrow] = React.useState(false);
  const needs = React.useRef(0);
  const measure = React.useCallback((): void => {
    const box = ref.current;
    const table = box?.querySelector('table');
    if (!box || !table) return;
    const width = box.clientWidth;
    if (!table.dataset.stacked && table.scrollWidth > width + 1) needs.current = table.scrollWidth;
    setNarrow(width < Math.max(px, needs.current));
  }, [ref, px]);
  React.useLayoutEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    // The box's height changes when rows load or change, its width when the window does: both may change
    // what the table needs. The first measure is the observer's own first report, which a browser makes after
    // its layout and before it paints (so a table that must stack never shows side by side). Measuring here, in
    // React's commit, forced a layout of the page in the middle of the register's first render (issue 18).
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [ref, measure]);
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
      <Table {...props} data-stacked={narrow ? 'true' : undefined} className={mergeClasses(narrow ? styles.stacked : styles.fitted, className)} />
    </div>
  );
}
