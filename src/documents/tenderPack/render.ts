// The tender pack model as a Word document (docx). Real Word headings, so screen readers and Word's
// navigation pane find the sections; real tables with a repeating header row; British English as the
// proofing language; title, subject and creator set in the document properties. Text goes in as text:
// docx escapes it, so whatever an officer typed (<, &, quotes, emoji) comes out exactly as typed.
//
// This is the only module that imports docx: the UI loads src/tenderPack on demand, so docx stays out
// of the hub's main bundle.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { xmlSafeData } from '../../domain';
import type { TenderPackBlock, TenderPackContent } from './model';
import { CREATOR, DESCRIPTIONS } from './wording';

/** The media type of a .docx file, for Blob and download headers. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const HEADING_LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/** An empty box the reader ticks by hand. */
const CHECKBOX = '\u2610';

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });
}

function table(block: Extract<TenderPackBlock, { kind: 'table' }>): (Paragraph | Table)[] {
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c) => cell(c, true)) });
  const rows = block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false)) }));
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(block.caption)] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header].concat(rows) }),
    // Word merges two adjacent tables into one; an empty paragraph keeps each table its own.
    new Paragraph({ children: [] }),
  ];
}

function toDocx(block: TenderPackBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING_LEVELS[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          children: block.lead ? [new TextRun({ text: block.lead, bold: true }), new TextRun(` ${block.text}`)] : [new TextRun(block.text)],
        }),
      ];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
    case 'checklist':
      return block.items.map(
        (item) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(`${CHECKBOX} ${item}`)] }),
      );
    case 'table':
      return table(block);
  }
}

/**
 * The Word document object for a tender pack (exported for tests and for callers that pack it themselves).
 * docx escapes <, & and quotes but not characters XML cannot carry at all, and titles come from list items any
 * member can write: the content is made XML-safe first.
 */
export function tenderPackDocument(rawContent: TenderPackContent): Document {
  const content = xmlSafeData(rawContent);
  const children: (Paragraph | Table)[] = [];
  for (const block of content.blocks) children.push(...toDocx(block));
  return new Document({
    title: content.title,
    subject: content.subject,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    keywords: content.keywords,
    description: DESCRIPTIONS[content.kind](content.procurementReference),
    styles: { default: { document: { run: { language: { value: 'en-GB' } } } } },
    sections: [{ children }],
  });
}

/**
 * The .docx file's bytes. Works in the browser and in Node alike (Packer.toArrayBuffer is available in
 * both); for a download in the browser wrap it with tenderPackBlob.
 */
export async function renderTenderPackDocx(content: TenderPackContent): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(tenderPackDocument(content));
  return new Uint8Array(buffer);
}

/** The .docx as a Blob with the Word media type, ready for a download link. */
export async function renderTenderPackBlob(content: TenderPackContent): Promise<Blob> {
  const bytes = await renderTenderPackDocx(content);
  return new Blob([bytes], { type: DOCX_MEDIA_TYPE });
}
