// A new procurement's draft, begun when the officer presses "New procurement": loaded with the guide's chunk
// rather than with every first screen.
import { isoDateFromDate } from '../../domain';
import type { DraftStorage } from '../services';
import type { GuideDraft } from './draft';
import { newDraft } from './draft';
import { DraftStore } from './draftStore';

export function startDraft(user: { email: string; displayName: string }, storage: DraftStorage | undefined): GuideDraft {
  const draft = newDraft(user, isoDateFromDate(new Date()));
  // Stored at once, so a reload before the first keystroke still finds the draft.
  new DraftStore(storage).save(draft);
  return draft;
}
