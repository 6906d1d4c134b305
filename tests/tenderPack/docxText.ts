// Reads a .docx back the way a reader would: open the zip, take word/document.xml, and turn each
// Word paragraph (<w:p>) into its text, with XML entities decoded.
import JSZip from 'jszip';

export interface DocxReading {
  /** word/document.xml as stored. */
  xml: string;
  /** One string per paragraph (table cells are paragraphs too), in document order. */
  paragraphs: string[];
  /** Paragraphs with their style: e.g. Heading1, Caption, ListParagraph; '' for Normal. */
  styled: { style: string; text: string }[];
  /** docProps/core.xml. */
  core: string;
  /** word/styles.xml. */
  styles: string;
  files: string[];
  /** Every table row as its cells' text. */
  rows: string[][];
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

function paragraphText(p: string): string {
  const texts: string[] = [];
  const textRe = /<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g;
  let t: RegExpExecArray | null;
  while ((t = textRe.exec(p)) !== null) texts.push(decode(t[1]));
  return texts.join('');
}

function tableRows(xml: string): string[][] {
  const rows: string[][] = [];
  const rowRe = /<w:tr[ >][\s\S]*?<\/w:tr>/g;
  let r: RegExpExecArray | null;
  while ((r = rowRe.exec(xml)) !== null) {
    const cells: string[] = [];
    const cellRe = /<w:tc>[\s\S]*?<\/w:tc>/g;
    let c: RegExpExecArray | null;
    while ((c = cellRe.exec(r[0])) !== null) cells.push(paragraphText(c[0]));
    rows.push(cells);
  }
  return rows;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxReading> {
  const zip = await JSZip.loadAsync(bytes);
  const documentFile = zip.file('word/document.xml');
  const coreFile = zip.file('docProps/core.xml');
  if (!documentFile || !coreFile) throw new Error('Not a Word document: word/document.xml or docProps/core.xml is missing.');
  const xml = await documentFile.async('string');
  const stylesFile = zip.file('word/styles.xml');
  const styles = stylesFile ? await stylesFile.async('string') : '';
  const core = await coreFile.async('string');
  const styled: { style: string; text: string }[] = [];
  const paragraphRe = /<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g;
  let m: RegExpExecArray | null;
  while ((m = paragraphRe.exec(xml)) !== null) {
    const p = m[0];
    const styleMatch = /<w:pStyle w:val="([^"]*)"/.exec(p);
    styled.push({ style: styleMatch ? styleMatch[1] : '', text: paragraphText(p) });
  }
  return { xml, core, styles, files: Object.keys(zip.files), styled, paragraphs: styled.map((s) => s.text), rows: tableRows(xml) };
}
