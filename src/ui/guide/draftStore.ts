// Drafts survive a closed tab, a reload or a dropped connection: every change is kept in the browser's
// storage at once, and the list copy is written when the officer moves on or saves.
import type { DraftStorage } from '../services';
import type { GuideDraft } from './draft';

const PREFIX = 'svhub.guide.';

export class DraftStore {
  public constructor(private readonly storage: DraftStorage | undefined) {}

  public load(reference: string): GuideDraft | undefined {
    const text = this.storage?.getItem(PREFIX + reference);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as GuideDraft;
    } catch {
      return undefined; // a corrupt copy is not worth a crash; the list copy remains
    }
  }

  public save(draft: GuideDraft): void {
    try {
      this.storage?.setItem(PREFIX + draft.reference, JSON.stringify(draft));
    } catch {
      // Storage full or blocked (private mode): the list copy still saves.
    }
  }

  public remove(reference: string): void {
    this.storage?.removeItem(PREFIX + reference);
  }
}
