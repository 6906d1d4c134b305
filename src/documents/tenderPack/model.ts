// The tender pack as a plain document model: what the Word file says, before any Word formatting.
// tenderPackContent builds it (pure, testable, previewable in the UI); renderTenderPackDocx turns it
// into a .docx. Every block says whether its words are the tier's fixed wording or the procurement's
// facts, so "the same wording for every procurement of a tier" can be checked, not just promised.
import type { Tier } from '../../domain';

/**
 * 'fixed': the tier's standard wording (./wording.ts), word for word the same for every procurement of
 * the tier under the same policy edition. 'facts': carries this procurement's own facts (title,
 * reference, value, weighting, criteria, measures).
 */
export type TenderPackWording = 'fixed' | 'facts';

export interface HeadingBlock {
  readonly kind: 'heading';
  /** 1 is the document's title (one per pack); 2 its sections; 3 sub-sections. */
  readonly level: 1 | 2 | 3;
  readonly text: string;
  readonly wording: TenderPackWording;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  /** A short bold lead-in ("Evidence."), part of the same paragraph. */
  readonly lead?: string;
  readonly text: string;
  readonly wording: TenderPackWording;
}

export interface BulletsBlock {
  readonly kind: 'bullets';
  readonly items: readonly string[];
  readonly wording: TenderPackWording;
}

/** Lines a reader ticks: each item is printed after an empty box (☐). */
export interface ChecklistBlock {
  readonly kind: 'checklist';
  readonly items: readonly string[];
  readonly wording: TenderPackWording;
}

export interface TableBlock {
  readonly kind: 'table';
  /** What the table holds, for the document outline and screen readers (printed above the table). */
  readonly caption: string;
  /** Header row, repeated on every page the table spans. */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly wording: TenderPackWording;
}

export type TenderPackBlock = HeadingBlock | ParagraphBlock | BulletsBlock | ChecklistBlock | TableBlock;

/** Which document a procurement gets: the full tender section, or the one-page checklist under £50,000. */
export type TenderPackKind = 'tender-section' | 'quotation-checklist';

export interface TenderPackContent {
  readonly kind: TenderPackKind;
  readonly tier: Tier;
  /** The document's title (its Heading 1 and its Word title property). */
  readonly title: string;
  /** The Word subject property: the procurement's reference and title. */
  readonly subject: string;
  /** Word keywords property. */
  readonly keywords: string;
  readonly procurementReference: string;
  readonly policyEditionId: string;
  readonly blocks: readonly TenderPackBlock[];
}

/** Every line of text a block puts in the document, in order (table cells row by row). */
export function blockText(block: TenderPackBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return [block.text];
    case 'paragraph':
      return [block.lead ? `${block.lead} ${block.text}` : block.text];
    case 'bullets':
    case 'checklist':
      return block.items.slice();
    case 'table':
      return [block.caption].concat(block.columns, ...block.rows.map((r) => r.slice()));
  }
}
