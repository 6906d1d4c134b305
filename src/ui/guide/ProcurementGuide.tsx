import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import * as strings from 'SocialValueHubStrings';
import type { FieldError, Measure, PolicyEdition, Procurement } from '../../domain';
import type { HubData, Stored } from '../../app/hubData';
import { ErrorNotice } from '../common/ErrorNotice';
import { dateTime } from '../common/labels';
import { useAsync } from '../common/useAsync';
import { useEditionInForce } from '../editionInForce';
import { format } from '../../loc/format';
import { saveProcurement, submitForApproval } from '../../app/procurementWorkflow';
import type { CurrentUser, DraftStorage } from '../services';
import type { GuideDraft, ReconciledDraft, StepId } from './draft';
import {
  actionPlanErrors,
  basicsErrors,
  draftFromProcurement,
  draftProblems,
  reconcileDraft,
  stepsFor,
  targetErrors,
  tierStepErrors,
  tierOf,
  toBundle,
  weightingErrors,
} from './draft';
import { DraftStore } from './draftStore';
import { ActionPlanStep } from './steps/ActionPlanStep';
import { BasicsStep } from './steps/BasicsStep';
import { MeasuresStep } from './steps/MeasuresStep';
import { ReviewStep, STEP_TITLES } from './steps/ReviewStep';
import { TierStep } from './steps/TierStep';
import { WeightingStep } from './steps/WeightingStep';

export interface ProcurementGuideProps {
  data: HubData;
  user: CurrentUser;
  drafts?: DraftStorage;
  /** The draft's reference; a new draft already has one (see newDraft). */
  reference: string;
  /** A brand-new draft to start from when nothing is stored under the reference. */
  initialDraft?: GuideDraft;
  onSubmitted: (reference: string) => void;
  onClose: (reference?: string) => void;
}

const useStyles = makeStyles({
  steps: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, padding: 0, listStyleType: 'none' },
  body: { marginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalL },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type SaveState = { state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; error: unknown };

/** What is already in the list for this reference: the stored procurement and its action plan. */
async function loadStored(data: HubData, reference: string): Promise<{ procurement?: Stored<Procurement>; draft?: GuideDraft }> {
  const procurement = await data.procurements.get(reference);
  if (!procurement) return {};
  const actions = await data.actionPlan.listForProcurement(reference);
  return { procurement, draft: draftFromProcurement(procurement, actions) };
}

/** The measures an edition offers: its authority's own set, or the whole library. */
function measuresOf(edition: PolicyEdition, library: readonly Measure[]): readonly Measure[] {
  const codes = edition.measureCodes;
  return codes ? library.filter((m) => codes.indexOf(m.code) >= 0) : library;
}

/** The new-procurement guide: basics → tier → themes & measures → weighting → action plan → review & submit. */
export function ProcurementGuide(props: ProcurementGuideProps): React.ReactElement {
  const { data, reference } = props;
  const store = React.useMemo(() => new DraftStore(props.drafts), [props.drafts]);
  const library = useAsync(() => data.measures.list({ activeOnly: true }), [data]);
  const stored = useAsync(() => loadStored(data, reference), [data, reference]);
  const policy = useEditionInForce();
  const [draft, setDraft] = React.useState<GuideDraft | undefined>();
  const [reopened, setReopened] = React.useState<ReconciledDraft | undefined>();

  React.useEffect(() => {
    // The list's copy is read before the browser's is trusted: see reconcileDraft.
    if (draft || stored.loading || !stored.value) return;
    const { procurement, draft: listDraft } = stored.value;
    const r = reconcileDraft(store.load(reference), procurement && listDraft ? { draft: listDraft, etag: procurement.etag } : undefined);
    setReopened(r);
    setDraft(r?.draft ?? props.initialDraft);
  }, [draft, stored.loading, stored.value, props.initialDraft]);

  if (stored.error !== undefined) return <ErrorNotice title={strings.Guide.CouldNotOpen} error={stored.error} onRetry={stored.reload} />;
  if (library.error !== undefined) return <ErrorNotice title={strings.Guide.LibraryFailed} error={library.error} onRetry={library.reload} />;
  // Never guessed: a tier worked out under the built-in edition would be saved under the wrong one.
  if (policy.error !== undefined) return <ErrorNotice title={strings.Guide.EditionFailed} error={policy.error} onRetry={policy.reload} />;
  if (!draft || !library.value || policy.loading) return <Spinner label={strings.Guide.Opening} />;
  // Decided under the authority's own edition in force on the decision date, as the officer types them.
  const edition = policy.editionFor(draft.authorityId, draft.decisionDate);
  const onDraftChange = (next: GuideDraft): void => {
    store.save(next);
    setDraft(next);
  };
  if (!stored.value?.procurement && !props.initialDraft && !store.load(reference)) {
    return <ErrorNotice title={strings.Guide.NoDraft} error={new Error(format(strings.Guide.NothingSaved, reference))} />;
  }
  return (
    <GuideSteps
      {...props}
      draft={draft}
      edition={edition}
      library={measuresOf(edition, library.value)}
      existing={stored.value?.procurement}
      notice={reopened?.kept && (
        <MessageBar intent={reopened.kept === 'list' ? 'warning' : 'info'}>
          <MessageBarBody>
            {reopened.kept === 'list' ? strings.Guide.KeptList : strings.Guide.KeptBrowser}{' '}
            {reopened.setAside && (
              <Button
                size="small"
                onClick={() => {
                  // The officer's own copy, saved next over the list's current version.
                  onDraftChange({ ...(reopened.setAside as GuideDraft), savedEtag: stored.value?.procurement?.etag });
                  setReopened(undefined);
                }}
              >
                {strings.Guide.UseBrowserCopy}
              </Button>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      onDraftChange={onDraftChange}
      onSubmittedDraft={() => store.remove(reference)}
    />
  );
}

function GuideSteps(
  props: ProcurementGuideProps & {
    draft: GuideDraft;
    edition: PolicyEdition;
    library: readonly Measure[];
    existing?: Stored<Procurement>;
    /** Which copy was reopened, when the browser's and the list's differed. */
    notice?: React.ReactNode;
    onDraftChange: (draft: GuideDraft) => void;
    onSubmittedDraft: () => void;
  },
): React.ReactElement {
  const { draft, data, edition, library, onDraftChange } = props;
  const styles = useStyles();
  const [shown, setShown] = React.useState<Partial<Record<StepId, boolean>>>({});
  const [save, setSave] = React.useState<SaveState>({ state: 'idle' });
  const [existing, setExisting] = React.useState<Stored<Procurement> | undefined>(props.existing);
  const headingRef = React.useRef<HTMLHeadingElement>(null);

  const steps = stepsFor(draft, edition);
  const step = steps.indexOf(draft.step) >= 0 ? draft.step : 'basics';
  const index = steps.indexOf(step);
  const tier = tierOf(draft, edition);

  const change = (patch: Partial<GuideDraft>): void => onDraftChange({ ...draft, ...patch });

  const errorsFor = (id: StepId): FieldError[] => {
    if (id === 'basics') return basicsErrors(draft, edition, library);
    if (!tier.decision) return [];
    if (id === 'tier') return tierStepErrors(draft, edition, library);
    if (id === 'measures') return targetErrors(draft, edition, library);
    if (id === 'weighting') return weightingErrors(draft, tier.decision, edition);
    if (id === 'action-plan') return actionPlanErrors(draft, edition, library);
    return [];
  };
  const visibleErrors = shown[step] ? errorsFor(step) : undefined;

  /** Writes the draft to the list in one batch; the browser copy stays until submission. */
  const saveToList = async (): Promise<Stored<Procurement> | undefined> => {
    if (basicsErrors(draft, edition, library).length > 0) return existing; // nothing sensible to store yet
    setSave({ state: 'saving' });
    try {
      const result = await saveProcurement(data, existing, toBundle(draft, edition, existing));
      if (!result.ok) {
        // What did land carries a new ETag: Try again must save from it, not from the copy read before.
        if (result.procurement) setExisting(result.procurement);
        const failure = result.failed[0];
        throw failure ? failure.error : new Error(strings.Guide.NotSaved);
      }
      setExisting(result.procurement);
      onDraftChange({ ...draft, savedAt: new Date().toISOString(), savedEtag: result.procurement?.etag });
      setSave({ state: 'saved' });
      return result.procurement;
    } catch (error) {
      setSave({ state: 'failed', error });
      return undefined;
    }
  };

  const goTo = (next: StepId): void => {
    onDraftChange({ ...draft, step: next });
    setTimeout(() => headingRef.current?.focus(), 0);
  };
  const goNext = async (): Promise<void> => {
    const errors = errorsFor(step);
    if (errors.length > 0) {
      setShown((s) => ({ ...s, [step]: true }));
      return;
    }
    await saveToList();
    goTo(steps[index + 1]);
  };
  const submit = async (): Promise<void> => {
    const problems = draftProblems(draft, edition, library);
    if (Object.keys(problems).length > 0) {
      setShown({ basics: true, tier: true, measures: true, weighting: true, 'action-plan': true });
      return;
    }
    const saved = await saveToList();
    if (!saved) return;
    try {
      setSave({ state: 'saving' });
      const submitted = saved.status === 'Awaiting approval' ? saved : await submitForApproval(data, saved, props.user, new Date());
      props.onSubmittedDraft();
      props.onSubmitted(submitted.reference);
    } catch (error) {
      setSave({ state: 'failed', error });
    }
  };

  return (
    <section aria-labelledby="guide-heading">
      <h2 id="guide-heading">
        {format(existing ? strings.Guide.EditHeading : strings.Guide.NewHeading, draft.reference)}
      </h2>
      {props.notice}
      <nav aria-label={strings.Guide.Steps}>
        <ol className={styles.steps}>
          {steps.map((id, i) => (
            <li key={id}>
              <Button
                appearance={id === step ? 'primary' : 'subtle'}
                aria-current={id === step ? 'step' : undefined}
                onClick={() => goTo(id)}
                disabled={i > index && basicsErrors(draft, edition, library).length > 0}
              >
                {i + 1}. {STEP_TITLES[id]}
              </Button>
            </li>
          ))}
        </ol>
      </nav>

      <div className={styles.body}>
        <h3 ref={headingRef} tabIndex={-1}>
          {STEP_TITLES[step]}
        </h3>
        {step === 'basics' && <BasicsStep draft={draft} errors={visibleErrors} onChange={change} />}
        {step === 'tier' && (
          <TierStep tier={tier.decision} error={tier.error} edition={edition} draft={draft} errors={visibleErrors} onChange={change} />
        )}
        {step === 'measures' && tier.decision && (
          <MeasuresStep draft={draft} errors={visibleErrors} onChange={change} tier={tier.decision} library={library} />
        )}
        {step === 'weighting' && tier.decision && (
          <WeightingStep draft={draft} errors={visibleErrors} onChange={change} tier={tier.decision} edition={edition} />
        )}
        {step === 'action-plan' && tier.decision && <ActionPlanStep draft={draft} errors={visibleErrors} onChange={change} tier={tier.decision} />}
        {step === 'review' && <ReviewStep draft={draft} tier={tier.decision} library={library} problems={draftProblems(draft, edition, library)} goTo={goTo} />}
        {step !== 'basics' && step !== 'tier' && !tier.decision && (
          <MessageBar intent="warning">
            <MessageBarBody>{format(strings.Guide.BasicsFirst, tier.error ?? '')}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {save.state === 'failed' && (
        <ErrorNotice
          title={strings.Guide.KeptInBrowser}
          error={save.error}
          onRetry={() => saveToList()}
        />
      )}
      <div className={styles.buttons}>
        <Button disabled={index === 0} onClick={() => goTo(steps[index - 1])}>
          {strings.Guide.Back}
        </Button>
        {step !== 'review' ? (
          <Button appearance="primary" onClick={() => goNext()}>
            {strings.Guide.Next}
          </Button>
        ) : (
          <Button appearance="primary" onClick={() => submit()} disabled={save.state === 'saving'}>
            {strings.Guide.Submit}
          </Button>
        )}
        <Button onClick={() => saveToList()} disabled={save.state === 'saving'}>
          {strings.Guide.SaveDraft}
        </Button>
        <Button appearance="subtle" onClick={() => props.onClose(existing?.reference)}>
          {strings.Guide.Close}
        </Button>
        <Text aria-live="polite" size={200}>
          {save.state === 'saving' && strings.Guide.Saving}
          {save.state === 'saved' && draft.savedAt && format(strings.Guide.SavedAt, dateTime(draft.savedAt))}
          {save.state === 'idle' && draft.savedAt && format(strings.Guide.LastSavedAt, dateTime(draft.savedAt))}
        </Text>
      </div>
    </section>
  );
}
