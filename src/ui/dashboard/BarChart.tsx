// One of the dashboard's bar charts, drawn by Fluent UI's v9 charts (@fluentui/react-charts): grouped bars,
// each with its figure in £ written above it and reachable with the arrow keys (read out as row, series and
// figure). Colours are Fluent tokens, so they follow Teams' light, dark and high-contrast themes, and are never
// the only cue: each series is named in the key and in the table that follows with the same figures, for
// screen readers and for copying. The library and its d3 modules are imported only from this folder, which
// is loaded on demand (webpackChunkName 'dashboard'), so none of it enters the hub's first bundle.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import { GroupedVerticalBarChart } from '@fluentui/react-charts';
import type { GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { ResponsiveTable } from '../common/ResponsiveTable';
import { formatPounds } from '../../domain';
import { format } from '../../loc/format';
import type { Pence } from '../../domain';

export interface BarSeries {
  name: string;
  /** A Fluent colour token (tokens.*), so the bar follows the Teams theme. */
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
  // The full width of the page: a chart that stops three quarters of the way across reads as cut off.
  chart: { width: '100%' },
  number: { textAlign: 'right' },
});

/** Chart height in pixels: room for the bars, their figures and row labels wrapped onto a few lines. */
const HEIGHT = 340;

/** An axis tick or a bar's figure (in pounds, as drawn) in whole pounds, the way every other figure is written. */
function poundsTick(pounds: number): string {
  return formatPounds(Math.round(pounds * 100), { pence: false });
}

/** Ids the chart library writes as constants on every chart (react-charts 9.3.25, CartesianChart's 'chart_'). */
const LIBRARY_IDS = ['chart_', 'xAxisGElementchart_', 'yAxisGElementchart_', 'yAxisGElementSecondarychart_'];

export function BarChart(props: BarChartProps): React.ReactElement {
  const styles = useStyles();
  const chartRef = React.useRef<HTMLDivElement>(null);
  // Two charts on a page would share those ids (an id must be unique): give them this chart's. The library
  // never looks them up again, and React leaves an attribute alone while its prop is unchanged.
  React.useLayoutEffect(() => {
    for (const el of Array.from(chartRef.current?.querySelectorAll('[id]') ?? [])) {
      if (LIBRARY_IDS.indexOf(el.id) >= 0) el.id = `${props.id}-${el.id}`;
    }
  });
  // The library measures its box only when its props change (react-charts 9.3.25, CartesianChart's
  // _fitParentContainer): narrowed from a desktop to a phone's width, it kept its wide drawing and cut off
  // most of the bars. Give it the box's width as a prop, so each resize draws it anew.
  const [width, setWidth] = React.useState<number | undefined>(undefined);
  const drawn = props.rows.length > 0;
  React.useLayoutEffect(() => {
    const box = chartRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    const measure = (): void => setWidth(Math.floor(box.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [drawn]);
  const captionId = `${props.id}-caption`;
  // Room left of the axis for its longest tick, the largest figure rounded up (the library's 40px cuts "£12,000").
  const largest = Math.max(0, ...props.rows.flatMap((r) => r.values));
  const axisWidth = 24 + 7 * poundsTick((largest / 100) * 1.25).length;
  const data = React.useMemo(
    (): GroupedVerticalBarChartData[] =>
      props.rows.map((row) => ({
        name: row.label,
        series: row.values.map((v, j) => ({
          key: `${row.label} / ${props.series[j].name}`,
          // Drawn in pounds (the axis reads naturally); every figure shown is formatted from the pence.
          data: v / 100,
          legend: props.series[j].name,
          color: props.series[j].color,
          xAxisCalloutData: row.label,
          yAxisCalloutData: formatPounds(v),
        })),
      })),
    [props.rows, props.series]
  );
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
      {drawn && (
        <div className={styles.chart} style={{ height: `${HEIGHT}px` }} ref={chartRef}>
          <GroupedVerticalBarChart
            data={data}
            chartTitle={props.title}
            culture="en-GB"
            height={HEIGHT}
            width={width}
            yAxisTickFormat={poundsTick}
            wrapXAxisLables={true}
            // Figures over grouped bars collide when the bars are narrow (£758 over £1,151): each bar's
            // figure is its callout (hover, focus, arrow keys) and sits in the table below.
            hideLabels={true}
            roundedTicks={true}
            barWidth="auto"
            maxBarWidth={56}
            margins={{ left: axisWidth, right: 20, top: 24, bottom: 35 }}
            hideLegend={true}
            svgProps={{ 'aria-label': props.title }}
          />
        </div>
      )}
      <ResponsiveTable size="small" aria-label={format(strings.Dashboard.ChartTable, props.title)}>
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
      </ResponsiveTable>
    </figure>
  );
}
