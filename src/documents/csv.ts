// A small CSV reader for measure sheets: comma separated, fields optionally in double quotes (a quote
// inside is doubled), line breaks CRLF, LF or CR, a line break inside quotes kept. Pure, no I/O.

export interface CsvResult {
  /** Rows of trimmed-at-the-edges-of-the-file cells; a blank line is an empty row ([]). */
  rows: string[][];
  /** Problems that make the file unreadable past a point (e.g. a quote never closed). */
  problems: string[];
}

/** Splits CSV text into rows and cells. Never throws: a problem is reported with its line number. */
export function parseCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  const problems: string[] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  let quoteStartLine = 0;
  let line = 1;
  let cellStarted = false;
  let i = 0;
  const endCell = (): void => {
    row.push(cell);
    cell = '';
    cellStarted = false;
  };
  const endRow = (): void => {
    endCell();
    rows.push(row.length === 1 && row[0] === '' ? [] : row);
    row = [];
  };
  while (i < text.length) {
    const ch = text.charAt(i);
    if (inQuotes) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        cell += '\n';
        line++;
        i += ch === '\r' && text.charAt(i + 1) === '\n' ? 2 : 1;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && !cellStarted) {
      inQuotes = true;
      cellStarted = true;
      quoteStartLine = line;
      i++;
      continue;
    }
    if (ch === ',') {
      endCell();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      line++;
      i += ch === '\r' && text.charAt(i + 1) === '\n' ? 2 : 1;
      continue;
    }
    if (ch !== ' ' && ch !== '\t') cellStarted = true;
    cell += ch;
    i++;
  }
  if (inQuotes) {
    problems.push(`Line ${quoteStartLine}: a quoted field is never closed (a " is missing), so the rest of the file cannot be read.`);
  }
  if (cell !== '' || row.length > 0) endRow();
  return { rows, problems };
}

/** One CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows to CSV text with CRLF line ends (what Excel writes and reads). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
