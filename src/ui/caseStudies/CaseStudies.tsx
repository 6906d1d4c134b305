// Case studies: the "share best practice" library. An officer writes a story from a procurement (theme,
// title, story, quote, image link), publishes it, and everyone browses the published ones by theme. Every
// piece of user text is rendered as text (React escapes it); links are offered only for http(s) addresses.
import * as React from 'react';
import * as strings from 'SocialValueHubStrings';
import {
  Button,
  Card,
  CardHeader,
  Checkbox,
  Field,
  Input,
  Link,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CASE_STUDY_LIMITS, THEMES, isThemeId, isWebLink, themeById } from '../../domain';
import type { CaseStudy, ThemeId } from '../../domain';
import type { HubData, Stored } from '../../app/hubData';
import { publishCaseStudy, saveCaseStudy } from '../../app/caseStudies';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAsync } from '../common/useAsync';
import { format } from '../../loc/format';

const S = strings.CaseStudies;

export interface CaseStudiesProps {
  data: Pick<HubData, 'caseStudies'>;
  /** Officers may write and publish; visitors only browse. */
  canWrite?: boolean;
  /** Prefills the form (e.g. opened from a procurement or a celebrated outcome). */
  initial?: Partial<CaseStudy>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '16px', padding: '8px 0' },
  list: { display: 'grid', gap: '12px', gridTemplateColumns: 'repeat(auto-fill, minmax(min(300px, 100%), 1fr))', listStyleType: 'none', padding: 0, margin: 0 },
  story: { whiteSpace: 'pre-wrap' },
  quote: { margin: '8px 0', paddingLeft: '12px', borderLeft: `3px solid ${tokens.colorBrandStroke1}`, fontStyle: 'italic', whiteSpace: 'pre-wrap' },
  form: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '640px' },
});

export interface CaseStudyProblem {
  field: 'procurementReference' | 'themeId' | 'title' | 'story' | 'quote' | 'imageUrl';
  message: string;
}

export function caseStudyProblems(c: Partial<CaseStudy>): CaseStudyProblem[] {
  const problems: CaseStudyProblem[] = [];
  if (!c.procurementReference || !c.procurementReference.trim()) problems.push({ field: 'procurementReference', message: S.NeedReference });
  if (!c.themeId || !isThemeId(c.themeId)) problems.push({ field: 'themeId', message: S.NeedTheme });
  if (!c.title || !c.title.trim()) problems.push({ field: 'title', message: S.NeedTitle });
  else if (c.title.length > CASE_STUDY_LIMITS.title) problems.push({ field: 'title', message: S.TitleTooLong });
  if (!c.story || !c.story.trim()) problems.push({ field: 'story', message: S.NeedStory });
  else if (c.story.length > CASE_STUDY_LIMITS.story) problems.push({ field: 'story', message: format(S.StoryTooLong, CASE_STUDY_LIMITS.story.toLocaleString('en-GB')) });
  if (c.quote && c.quote.length > CASE_STUDY_LIMITS.quote) problems.push({ field: 'quote', message: S.QuoteTooLong });
  if (c.imageUrl && !isWebLink(c.imageUrl.trim())) problems.push({ field: 'imageUrl', message: S.ImageNotLink });
  return problems;
}

async function loadAll(data: Pick<HubData, 'caseStudies'>, query: { themeId?: ThemeId; published?: boolean }): Promise<Stored<CaseStudy>[]> {
  const out: Stored<CaseStudy>[] = [];
  let token: string | undefined;
  do {
    const page = await data.caseStudies.query({ ...query, pageSize: 500, pageToken: token });
    out.push(...page.items);
    token = page.nextPageToken;
  } while (token && out.length < 2000);
  return out;
}

export function CaseStudyCard({ study, action }: { study: CaseStudy; action?: React.ReactNode }): React.ReactElement {
  const styles = useStyles();
  return (
    <Card>
      <CardHeader
        header={
          <Text as="h4" weight="semibold">
            {study.title}
          </Text>
        }
        description={
          <Text size={200}>
            {themeById(study.themeId).label} · {study.procurementReference}
          </Text>
        }
      />
      <Text className={styles.story}>{study.story}</Text>
      {study.quote && <blockquote className={styles.quote}>{study.quote}</blockquote>}
      {study.imageUrl && isWebLink(study.imageUrl) && (
        <Link href={study.imageUrl} target="_blank" rel="noopener noreferrer">
          {format(S.ImageLink, study.title)}
        </Link>
      )}
      {action}
    </Card>
  );
}

export function CaseStudies(props: CaseStudiesProps): React.ReactElement {
  const styles = useStyles();
  const [theme, setTheme] = React.useState<ThemeId | ''>('');
  const [version, setVersion] = React.useState(0);
  const published = useAsync(() => loadAll(props.data, { published: true, themeId: theme || undefined }), [props.data, theme, version]);
  const unpublished = useAsync(
    () => (props.canWrite ? loadAll(props.data, { published: false }) : Promise.resolve([] as Stored<CaseStudy>[])),
    [props.data, props.canWrite, version],
  );
  const [publishError, setPublishError] = React.useState<unknown>(undefined);

  const publish = async (study: Stored<CaseStudy>): Promise<void> => {
    setPublishError(undefined);
    try {
      await publishCaseStudy(props.data, study);
      setVersion((v) => v + 1);
    } catch (e) {
      setPublishError(e);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="svh-cs-title">
      <Text as="h2" size={600} weight="semibold" id="svh-cs-title">
        {S.Title}
      </Text>
      <Field label={S.Theme}>
        <Select value={theme} onChange={(e, d) => setTheme(d.value as ThemeId | '')}>
          <option value="">{S.AllThemes}</option>
          {THEMES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </Select>
      </Field>
      <section aria-labelledby="svh-cs-published">
        <Text as="h3" size={400} weight="semibold" id="svh-cs-published">
          {S.Published}
        </Text>
        {published.loading && <Spinner label={S.Loading} />}
        {published.error !== undefined && <ErrorNotice title={S.LoadFailed} error={published.error} onRetry={published.reload} />}
        {published.value && published.value.length === 0 && <Text>{theme ? S.NoneForTheme : S.NoneYet}</Text>}
        {published.value && published.value.length > 0 && (
          <ul className={styles.list} aria-label={S.Published}>
            {published.value.map((s) => (
              <li key={s.id}>
                <CaseStudyCard study={s} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {props.canWrite && (
        <>
          <section aria-labelledby="svh-cs-drafts">
            <Text as="h3" size={400} weight="semibold" id="svh-cs-drafts">
              {S.Drafts}
            </Text>
            {publishError !== undefined && <ErrorNotice title={S.PublishFailed} error={publishError} />}
            {unpublished.value && unpublished.value.length === 0 && <Text>{S.NoDrafts}</Text>}
            {unpublished.value && unpublished.value.length > 0 && (
              <ul className={styles.list} aria-label={S.DraftsList}>
                {unpublished.value.map((s) => (
                  <li key={s.id}>
                    <CaseStudyCard study={s} action={<Button onClick={() => publish(s)}>{format(S.Publish, s.title)}</Button>} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <CaseStudyForm data={props.data} initial={props.initial} onSaved={() => setVersion((v) => v + 1)} />
        </>
      )}
    </section>
  );
}

function CaseStudyForm(props: { data: Pick<HubData, 'caseStudies'>; initial?: Partial<CaseStudy>; onSaved: (s: Stored<CaseStudy>) => void }): React.ReactElement {
  const styles = useStyles();
  const blank = (): Partial<CaseStudy> => ({ published: false, ...props.initial });
  const [draft, setDraft] = React.useState<Partial<CaseStudy>>(blank);
  const [problems, setProblems] = React.useState<CaseStudyProblem[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  const [saved, setSaved] = React.useState<string | undefined>(undefined);
  const problem = (field: CaseStudyProblem['field']): string | undefined => problems.filter((p) => p.field === field)[0]?.message;
  const set = (patch: Partial<CaseStudy>): void => setDraft((d) => ({ ...d, ...patch }));

  const save = async (): Promise<void> => {
    const found = caseStudyProblems(draft);
    setProblems(found);
    setSaved(undefined);
    if (found.length > 0) return;
    setSaving(true);
    setError(undefined);
    try {
      const study: CaseStudy = {
        procurementReference: (draft.procurementReference || '').trim(),
        themeId: draft.themeId as ThemeId,
        title: (draft.title || '').trim(),
        story: draft.story || '',
        quote: draft.quote && draft.quote.trim() ? draft.quote : undefined,
        imageUrl: draft.imageUrl && draft.imageUrl.trim() ? draft.imageUrl.trim() : undefined,
        published: !!draft.published,
      };
      const stored = await saveCaseStudy(props.data, study);
      setSaved(format(stored.published ? S.SavedPublished : S.SavedDraft, stored.title));
      setDraft(blank());
      props.onSaved(stored);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-labelledby="svh-cs-new"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save().catch(() => undefined);
      }}
    >
      <Text as="h3" size={400} weight="semibold" id="svh-cs-new">
        {S.FormTitle}
      </Text>
      <Field label={S.Reference} required validationMessage={problem('procurementReference')}>
        <Input value={draft.procurementReference || ''} onChange={(e, d) => set({ procurementReference: d.value })} />
      </Field>
      <Field label={S.StoryTheme} required validationMessage={problem('themeId')}>
        <Select value={draft.themeId || ''} onChange={(e, d) => set({ themeId: (d.value || undefined) as ThemeId | undefined })}>
          <option value="">{S.ChooseTheme}</option>
          {THEMES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={S.StoryTitle} required validationMessage={problem('title')}>
        <Input value={draft.title || ''} onChange={(e, d) => set({ title: d.value })} />
      </Field>
      <Field
        label={S.Story}
        required
        validationMessage={problem('story')}
        hint={S.StoryHint}
      >
        <Textarea value={draft.story || ''} rows={6} onChange={(e, d) => set({ story: d.value })} />
      </Field>
      <Field label={S.Quote} validationMessage={problem('quote')} hint={S.QuoteHint}>
        <Textarea value={draft.quote || ''} rows={2} onChange={(e, d) => set({ quote: d.value })} />
      </Field>
      <Field label={S.Image} validationMessage={problem('imageUrl')} hint={S.ImageHint}>
        <Input type="url" value={draft.imageUrl || ''} onChange={(e, d) => set({ imageUrl: d.value })} />
      </Field>
      <Checkbox label={S.PublishNow} checked={!!draft.published} onChange={(e, d) => set({ published: !!d.checked })} />
      <div>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? S.Saving : S.Save}
        </Button>
      </div>
      <div aria-live="polite">{saved && <Text>{saved}</Text>}</div>
      {error !== undefined && <ErrorNotice title={S.SaveFailed} error={error} />}
    </form>
  );
}
