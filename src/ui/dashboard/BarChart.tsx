// A small accessible bar chart in SVG: every bar carries its figure as text, colours are never the only
// cue (each series is named in the legend and in the table), and the same figures follow as a table for
// screen readers and for copying. No chart library: the dashboard needs only bars.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { formatPounds } from '../../domain';
import { format } from '../format';
import type { Pence } from '../../domain';

export interface BarSeries {
  name: string;
  color: string;
}

export interface BarRow {
  label: string;
  /** One per series, in pence. */
  values: Pence[];
  /** Extra table columns after the values (e.g. a share). */
  extra?: string[];
}

export interface BarChartProps {
  /** The chart's heading (also its accessible name). */
  title: string;
  series: BarSeries[];
  rows: BarRow[];
  extraHeaders?: string[];
  /** The first column's heading in the table. */
  rowHeader: string;
  id: string;
}

const useStyles = makeStyles({
  figure: { margin: '0 0 16px 0' },
  legend: { display: 'flex', gap: '16px', flexWrap: 'wrap', listStyleType: 'none', padding: 0, margin: '4px 0' },
  swatch: { display: 'inline-block', width: '12px', height: '12px', marginRight: '6px', verticalAlign: 'middle', border: `1px solid ${tokens.colorNeutralStroke1}` },
  svg: { width: '100%', height: 'auto', maxWidth: '960px' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
  value: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
  number: { textAlign: 'right' },
});

const LABEL_WIDTH = 260;
const BAR_AREA = 520;
const BAR_HEIGHT = 14;
const GAP = 10;

export function BarChart(props: BarChartProps): React.ReactElement {
  const styles = useStyles();
  const max = Math.max(1, ...props.rows.map((r) => Math.max(0, ...r.values)));
  const groupHeight = props.series.length * (BAR_HEIGHT + 2) + GAP;
  const height = Math.max(groupHeight, props.rows.length * groupHeight);
  const captionId = `${props.id}-caption`;
  return (
    <figure className={styles.figure} aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <strong>{props.title}</strong>
      </figcaption>
      <ul className={styles.legend} aria-label={format(strings.Dashboard.ChartKey, props.title)}>
        {props.series.map((s) => (
          <li key={s.name}>
            <span className={styles.swatch} style={{ backgroundColor: s.color }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
      <svg className={styles.svg} viewBox={`0 0 ${LABEL_WIDTH + BAR_AREA + 140} ${height}`} aria-hidden="true" focusable="false" data-testid={`${props.id}-chart`}>
        {props.rows.map((row, i) => {
          const y0 = i * groupHeight;
          return (
            <g key={row.label}>
              <text className={styles.label} x={0} y={y0 + (props.series.length * (BAR_HEIGHT + 2)) / 2 + 4}>
                {row.label.length > 40 ? row.label.slice(0, 39) + '…' : row.label}
              </text>
              {row.values.map((v, j) => {
                const w = Math.round((Math.max(0, v) / max) * BAR_AREA);
                const y = y0 + j * (BAR_HEIGHT + 2);
                return (
                  <g key={props.series[j].name}>
                    <rect x={LABEL_WIDTH} y={y} width={Math.max(w, v > 0 ? 1 : 0)} height={BAR_HEIGHT} fill={props.series[j].color} />
                    <text className={styles.value} x={LABEL_WIDTH + w + 4} y={y + BAR_HEIGHT - 3}>
                      {formatPounds(v, { pence: false })}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <Table size="small" aria-label={format(strings.Dashboard.ChartTable, props.title)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{props.rowHeader}</TableHeaderCell>
            {props.series.map((s) => (
              <TableHeaderCell key={s.name}>{s.name}</TableHeaderCell>
            ))}
            {(props.extraHeaders || []).map((h) => (
              <TableHeaderCell key={h}>{h}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row) => (
            <TableRow key={row.label}>
              <TableCell>{row.label}</TableCell>
              {row.values.map((v, j) => (
                <TableCell key={props.series[j].name} className={styles.number}>
                  {formatPounds(v)}
                </TableCell>
              ))}
              {(row.extra || []).map((x, j) => (
                <TableCell key={j} className={styles.number}>
                  {x}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}
