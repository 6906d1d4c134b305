// One call from a procurement to its downloadable tender pack: what the UI's "Download tender pack"
// button and the local runtime both need (name, media type, bytes), without knowing how it is built.
import type { Procurement } from '../../domain';
import type { TenderPackOptions } from './content';
import { tenderPackContent } from './content';
import { tenderPackFileName } from './fileName';
import type { TenderPackContent } from './model';
import { DOCX_MEDIA_TYPE, renderTenderPackDocx } from './render';

/** Everything a download needs: the file's name, media type and bytes (and the content, for a preview). */
export interface TenderPackFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  content: TenderPackContent;
}

/** Throws TenderPackError (before any rendering) when the pack could not be truthful. */
export async function tenderPackFile(procurement: Procurement, options: TenderPackOptions = {}): Promise<TenderPackFile> {
  const content = tenderPackContent(procurement, options);
  const bytes = await renderTenderPackDocx(content);
  return { fileName: tenderPackFileName(procurement, options.edition), mediaType: DOCX_MEDIA_TYPE, bytes, content };
}
