import * as React from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  Select,
  Spinner,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ResponsiveTable } from '../common/ResponsiveTable';
import * as strings from 'SocialValueHubStrings';
import { AUTHORITIES, PROCUREMENT_STATUSES, THEMES, TIERS } from '../../domain';
import type { ProcurementStatus, ThemeId, Tier } from '../../domain';
import type { HubData, ProcurementQuery, ProcurementSortKey } from '../../app/hubData';
import { ErrorNotice } from '../common/ErrorNotice';
import { authorityName, money, tierLabel, weightingText } from '../common/labels';
import { useAsync } from '../common/useAsync';
import { StatusBadge } from '../common/StatusBadge';
import { format } from '../../loc/format';
import type { RegisterScope } from '../routes';
import { REGISTER_FIRST_SORT, REGISTER_PAGE_SIZE } from '../../app/firstPages';

const HEADINGS: Record<RegisterScope, string> = { mine: strings.Register.Mine, all: strings.Register.All, approvals: strings.Register.Approvals };
const NONE: Record<RegisterScope, string> = { mine: strings.Register.NoneOfMine, all: strings.Register.NoneMatch, approvals: strings.Register.NoneAwaiting };

export interface RegisterProps {
  data: HubData;
  scope: RegisterScope;
  userEmail: string;
  onOpen: (reference: string) => void;
}

interface Filters {
  status: ProcurementStatus | '';
  tier: Tier | '';
  authorityId: string;
  themeId: ThemeId | '';
  leadOfficerEmail: string;
  text: string;
}

const NO_FILTERS: Filters = { status: '', tier: '', authorityId: '', themeId: '', leadOfficerEmail: '', text: '' };
// The page size and first order are the landing query's (src/app/firstPages.ts): the opening starts that page early.
const PAGE_SIZE = REGISTER_PAGE_SIZE;

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
    // Each field its own height: stretched to the search box's (which has a hint), a drop-down sat lower than it.
    alignItems: 'start',
    // Long authority names must not push a drop-down past its column.
    '& > *': { minWidth: 0 },
  },
  pager: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginTop: tokens.spacingVerticalM },
  numeric: { textAlign: 'right', whiteSpace: 'nowrap' },
});

/** Typing in the search box should not send a query per keystroke. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = React.useState(value);
  React.useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

const COLUMNS: { key: ProcurementSortKey | undefined; label: string; numeric?: boolean }[] = [
  { key: 'reference', label: strings.Register.ColumnReference },
  { key: 'title', label: strings.Register.ColumnTitle },
  { key: undefined, label: strings.Register.ColumnAuthority },
  { key: 'estimatedValue', label: strings.Register.ColumnValue, numeric: true },
  { key: undefined, label: strings.Register.ColumnTier },
  { key: undefined, label: strings.Register.ColumnWeighting },
  { key: undefined, label: strings.Register.ColumnStatus },
];

/**
 * The orders a person can pick from "Sort by" — the same as the column headings' (which a phone's stacked
 * cards do not show), each direction said in words.
 */
const SORTS: { by: ProcurementSortKey; descending: boolean; label: string }[] = [
  { by: 'newest', descending: true, label: strings.Register.SortNewest },
  ...COLUMNS.filter((c) => c.key).flatMap((c) => {
    const by = c.key as ProcurementSortKey;
    return c.numeric
      ? [{ by, descending: true, label: format(strings.Register.SortHighest, c.label) }, { by, descending: false, label: format(strings.Register.SortLowest, c.label) }]
      : [{ by, descending: false, label: format(strings.Register.SortAToZ, c.label) }, { by, descending: true, label: format(strings.Register.SortZToA, c.label) }];
  }),
];
const sortId = (s: { by: ProcurementSortKey; descending?: boolean }): string => `${s.by}:${s.descending ? 'desc' : 'asc'}`;

/** One labelled drop-down filter: "any" or one of the domain's choices. */
function ChoiceFilter(props: {
  label: string;
  anyLabel: string;
  value: string;
  options: readonly { id: string; label: string }[];
  onChange: (value: string) => void;
}): React.ReactElement {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>{o.label}</option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * The procurement register: my procurements or all of them, filtered, sorted and paged on the server. Memoised:
 * its rows render again only when its own props or state change, not each time the hub around it does.
 */
export const Register = React.memo(function Register({ data, scope, userEmail, onOpen }: RegisterProps): React.ReactElement {
  const styles = useStyles();
  const [filters, setFilters] = React.useState<Filters>(NO_FILTERS);
  // Newest first: the one order SharePoint serves past 5,000 items without a filter.
  const [sort, setSort] = React.useState<{ by: ProcurementSortKey; descending: boolean }>({ ...REGISTER_FIRST_SORT });
  // Tokens of the pages before this one, so "Previous page" works with SharePoint's forward-only paging.
  const [pageTokens, setPageTokens] = React.useState<(string | undefined)[]>([undefined]);
  const text = useDebounced(filters.text, 300);

  const query: ProcurementQuery = {
    pageSize: PAGE_SIZE,
    pageToken: pageTokens[pageTokens.length - 1],
    // The approver's queue: what waits for this person's decision (Approver is indexed, as is Status).
    status: scope === 'approvals' ? 'Awaiting approval' : filters.status || undefined,
    tier: filters.tier || undefined,
    authorityId: filters.authorityId || undefined,
    themeId: filters.themeId || undefined,
    leadOfficerEmail: scope === 'mine' ? userEmail : scope === 'all' ? filters.leadOfficerEmail.trim() || undefined : undefined,
    approverEmail: scope === 'approvals' ? userEmail : undefined,
    text: text.trim() || undefined,
    sort,
  };
  const page = useAsync(() => data.procurements.register(query), [JSON.stringify(query)]);

  const update = (patch: Partial<Filters>): void => {
    setFilters((f) => ({ ...f, ...patch }));
    setPageTokens([undefined]);
  };
  const sortBy = (key: ProcurementSortKey): void => {
    setSort((s) => ({ by: key, descending: s.by === key ? !s.descending : false }));
    setPageTokens([undefined]);
  };

  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">{HEADINGS[scope]}</h2>
      <div className={styles.filters} role="search" aria-label={strings.Register.FiltersLabel}>
        <Field label={strings.Register.Search} hint={strings.Register.SearchHint}>
          <Input value={filters.text} onChange={(_, d) => update({ text: d.value })} type="search" />
        </Field>
        {scope !== 'approvals' && (
          <ChoiceFilter
            label={strings.Register.Status}
            anyLabel={strings.Register.AnyStatus}
            value={filters.status}
            options={PROCUREMENT_STATUSES.map((x) => ({ id: x.id, label: x.id }))}
            onChange={(status) => update({ status: status as ProcurementStatus | '' })}
          />
        )}
        <ChoiceFilter
          label={strings.Register.Tier}
          anyLabel={strings.Register.AnyTier}
          value={filters.tier}
          options={TIERS}
          onChange={(tier) => update({ tier: tier as Tier | '' })}
        />
        <ChoiceFilter label={strings.Register.Authority} anyLabel={strings.Register.AnyAuthority} value={filters.authorityId} options={AUTHORITIES.map((a) => ({ id: a.id, label: a.name }))} onChange={(authorityId) => update({ authorityId })} />
        <ChoiceFilter label={strings.Register.Theme} anyLabel={strings.Register.AnyTheme} value={filters.themeId} options={THEMES} onChange={(themeId) => update({ themeId: themeId as ThemeId | '' })} />
        <Field label={strings.Register.SortBy}>
          <Select
            value={sortId(sort)}
            onChange={(_, d) => {
              const chosen = SORTS.filter((s) => sortId(s) === d.value)[0];
              if (!chosen) return;
              setSort({ by: chosen.by, descending: chosen.descending });
              setPageTokens([undefined]);
            }}
          >
            {SORTS.map((s) => (
              <option key={sortId(s)} value={sortId(s)}>{s.label}</option>
            ))}
          </Select>
        </Field>
        {scope === 'all' && (
          <Field label={strings.Register.LeadOfficer}>
            <Input value={filters.leadOfficerEmail} onChange={(_, d) => update({ leadOfficerEmail: d.value })} type="email" />
          </Field>
        )}
      </div>

      {page.error !== undefined && <ErrorNotice title={strings.Register.CouldNotLoad} error={page.error} onRetry={page.reload} />}
      {page.loading && <Spinner size="tiny" label={strings.Register.Loading} />}
      {page.value && (
        <>
          <ResponsiveTable aria-label={HEADINGS[scope]} size="small">
            <TableHeader>
              <TableRow>
                {COLUMNS.map((c) => {
                  const key = c.key;
                  return (
                    <TableHeaderCell
                      key={c.label}
                      className={c.numeric ? styles.numeric : undefined}
                      sortDirection={key && sort.by === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
                      onClick={key ? () => sortBy(key) : undefined}
                      sortable={!!key}
                    >
                      {c.label}
                    </TableHeaderCell>
                  );
                })}
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.value.items.map((p) => (
                <TableRow key={p.reference}>
                  <TableCell>
                    <Link
                      href={`#/procurement/${encodeURIComponent(p.reference)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onOpen(p.reference);
                      }}
                    >
                      {p.reference}
                    </Link>
                  </TableCell>
                  <TableCell>{p.title}</TableCell>
                  <TableCell>{authorityName(p.authorityId)}</TableCell>
                  <TableCell className={styles.numeric}>{money(p.estimatedValuePence)}</TableCell>
                  <TableCell>
                    <Badge appearance="outline" color="informative">{tierLabel(p.tier)}</Badge>
                  </TableCell>
                  <TableCell>{weightingText(p.weighting)}</TableCell>
                  <TableCell>
                    <StatusBadge status={p.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ResponsiveTable>
          {/* block: Fluent's Text is inline even as a <p>, and the two ran on as one line. */}
          {page.value.items.length === 0 && (
            <Text as="p" block role="status">
              {NONE[scope]}
            </Text>
          )}
          {page.value.source === 'search' && (
            <Text as="p" block size={200}>
              {strings.Register.FromSearch}
            </Text>
          )}
          <nav className={styles.pager} aria-label={strings.Register.Pages}>
            <Button disabled={pageTokens.length < 2} onClick={() => setPageTokens((t) => t.slice(0, -1))}>
              {strings.Register.Previous}
            </Button>
            <Text aria-live="polite">{format(strings.Register.Page, pageTokens.length)}</Text>
            <Button
              disabled={!page.value.nextPageToken}
              onClick={() => setPageTokens((t) => [...t, page.value?.nextPageToken])}
            >
              {strings.Register.Next}
            </Button>
          </nav>
        </>
      )}
    </section>
  );
});
