// The tender pack: a procurement's social value section of the tender documents, as a Word file.
// Loaded on demand by the UI (dynamic import), so docx is only fetched when someone downloads a pack.
export type {
  BulletsBlock,
  ChecklistBlock,
  HeadingBlock,
  ParagraphBlock,
  TableBlock,
  TenderPackBlock,
  TenderPackContent,
  TenderPackKind,
  TenderPackWording,
} from './model';
export { blockText } from './model';
export type { TenderPackOptions } from './content';
export { TenderPackError, tenderPackContent, tenderPackTier } from './content';
export type { TenderPackFile } from './file';
export { DOCX_MEDIA_TYPE, renderTenderPackBlob, renderTenderPackDocx, tenderPackDocument } from './render';
export { tenderPackFile } from './file';
export { tenderPackFileName } from './fileName';
