import { CsvError, parse } from 'csv-parse/sync';
import { InputError } from '../scenarioError.js';

/** One data row of a CSV file: its cells and the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A CSV file split into its header and rows. */
export interface CsvTable {
  delimiter: ',' | ';' | '\t';
  header: string[];
  rows: CsvRow[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The field separator of a CSV file: whichever of `,` `;` and tab occurs most often in the
 * header line outside quotes (a header names columns, so it rarely holds a separator in a
 * name). Ties and a one-column header give `,`. Dutch Excel writes `;`, since `,` is its
 * decimal mark.
 * @example detectDelimiter('datum;klant;type;uren') // ';'
 */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: ',' | ';' | '\t' = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * CSV text → header and rows, each row with the line it starts on. Accepts a UTF-8 byte order
 * mark, CRLF or LF line ends, quoted fields (also over several lines), and skips blank lines
 * and rows of empty cells (`;;;` as spreadsheets leave them).
 * @param file the name used in messages
 * @throws InputError when the file is empty, has no rows, or is not valid CSV (with the line)
 * @example readCsv('date,client,type,hours\n2024-01-05,Acme,bug,1.5\n', 'h.csv').rows[0].line // 2
 */
export function readCsv(text: string, file: string): CsvTable {
  // Line ends normalised first: csv-parse counts a CRLF inside a quoted field as two lines.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = normalised.split('\n').find((line) => line.trim() !== '');
  if (firstLine === undefined) {
    throw new InputError(file, [{ path: '', message: `the file is empty; a history needs a header line (date, client, type, hours) and one row per ticket` }]);
  }
  const delimiter = detectDelimiter(firstLine);
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(normalised, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw new InputError(file, [{ path: line ? `line ${line}` : '', message: `not valid CSV: ${error.message.replace(/ at line \d+.*$/, '')}` }]);
  }
  const [header, ...rest] = records;
  if (header === undefined) {
    throw new InputError(file, [
      { path: '', message: 'the file holds no rows; a history needs a header line (date, client, type, hours) and one row per ticket' },
    ]);
  }
  return {
    delimiter,
    header: header.record.map((cell) => cell.trim()),
    // info.lines is the line a record ends on; a quoted field may span lines.
    rows: rest.map(({ record, info, raw }) => ({ line: info.lines - (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0), cells: record })),
  };
}
