/**
 * Reads a member spreadsheet (XLSX or CSV) into a header row and string cells, as clusters really keep
 * them: Excel-FR CSV in Windows-1252 with semicolons, merged two-row headers, title rows above the table.
 * Pure: no database, no knowledge of member fields (see columns.ts and values.ts for that).
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";

export interface Spreadsheet {
  headers: string[];
  rows: string[][];
  /** CSV only: "utf-8", "windows-1252", "utf-16le" or "utf-16be". */
  encoding?: string;
  /** CSV only: ";", "," or "\t". */
  delimiter?: string;
  /** XLSX only: the worksheet that was read. */
  sheetName?: string;
  /** For each row, its row number in Excel (XLSX) or its line in the file (CSV), to point staff to it. */
  rowNumbers: number[];
  /**
   * XLSX only: for each row, which cells held a bare number (no date format). In a date column such a cell is an
   * Excel serial date (parse it with `parseFrenchDate(text, { serial: true, date1904 })`); a CSV never has
   * any, so "45123" typed in a CSV stays a number. Numbers in a column that also holds formatted dates are
   * already written as dates.
   */
  numberCells?: boolean[][];
  /** XLSX only: the workbook counts days from 1904 (old Mac Excel) rather than from 1900. */
  date1904?: boolean;
}

/**
 * A record: `n` its position (consecutive records are adjacent rows), `line` where staff find it in the file;
 * `slave` marks XLSX cells covered by a merge, pointing to where the master lies.
 */
interface RawRow {
  n: number;
  line: number;
  cells: string[];
  slave?: ("left" | "above" | undefined)[];
  /** XLSX: the value of each cell that held a number, and which cells held a formatted date. */
  numbers?: (number | undefined)[];
  dates?: boolean[];
}

const DELIMITED = new Set(["csv", "tsv", "txt"]);
const WORKBOOK = new Set(["xlsx", "xlsm"]);

export async function readSpreadsheet(buffer: Uint8Array, fileName: string): Promise<Spreadsheet> {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "xls") {
    throw new Error(
      "Format non pris en charge : .xls (Excel 97-2003) — enregistrez le fichier au format .xlsx ou .csv depuis Excel",
    );
  }
  if (!ext || (!DELIMITED.has(ext) && !WORKBOOK.has(ext))) {
    const shown = ext ? `.${ext}` : "fichier sans extension";
    throw new Error(`Format non pris en charge : ${shown} — utilisez un fichier .xlsx ou .csv`);
  }
  if (buffer.byteLength === 0) throw new Error(`Le fichier « ${fileName} » est vide.`);
  // Sniff the content: staff rename files, and an .xlsx saved as ".csv" is still a workbook.
  const isZip = buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
  if (isZip) return readWorkbook(buffer, fileName);
  if (WORKBOOK.has(ext)) throw new Error(`Le fichier « ${fileName} » n'est pas un classeur Excel valide.`);
  return readDelimited(buffer, fileName, ext === "tsv" ? "\t" : undefined);
}

// ---------------------------------------------------------------- XLSX

async function readWorkbook(buffer: Uint8Array, fileName: string): Promise<Spreadsheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like "Buffer"; JSZip underneath accepts any Uint8Array.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new Error(
      `Impossible de lire le classeur « ${fileName} » : il est peut-être endommagé ou protégé par un mot de passe.`,
    );
  }
  const date1904 = Boolean(workbook.properties?.date1904);
  for (const sheet of workbook.worksheets) {
    const raw: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = [];
      const slave: RawRow["slave"] = [];
      const numbers: RawRow["numbers"] = [];
      const dates: boolean[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellText(cell.value, cell.numFmt);
        const value = resultOf(cell.value);
        if (typeof value === "number") numbers[col - 1] = value;
        else if (value instanceof Date) dates[col - 1] = true;
        // A merged cell's slaves report the master's value; the header logic needs to know they are copies.
        if (cell.isMerged && cell.master !== cell) slave[col - 1] = cell.master.row === cell.row ? "left" : "above";
      });
      raw.push({ n, line: n, cells: Array.from(cells, (c) => c ?? ""), slave, numbers, dates });
    });
    const table = buildTable(raw);
    if (table) return { ...settleNumbers(table, date1904), sheetName: sheet.name, date1904 };
  }
  throw new Error(`Le fichier « ${fileName} » est vide : aucune feuille ne contient de données.`);
}

/** A formula's result, else the value itself. */
function resultOf(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
    return value.result as ExcelJS.CellValue;
  }
  return value;
}

/**
 * Serials from 2101 (1905-10-01) to 73415 (2100-12-31): in a column of dates, a number in this range is a date
 * whose format was lost (pasted as a value, "Standard" format); a smaller one is a year or a count, left as is.
 */
const SERIAL_DATES = { min: 2101, max: 73415 };

/** An Excel serial as exceljs gives a date: the UTC instant of its wall-clock time. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round(((date1904 ? serial + 1462 : serial) - 25569) * 86_400_000));
}

/**
 * Writes as dates the numbers of columns that also hold formatted dates (one cell formatted as a date, the next
 * pasted as a bare serial), and lists the numbers left, which only a date column's parser may read as serials.
 */
function settleNumbers(table: Table, date1904: boolean): Omit<Spreadsheet, "sheetName"> {
  const dateColumns = new Set<number>();
  for (const row of table.body) {
    row.dates?.forEach((isDate, c) => {
      if (isDate) dateColumns.add(c);
    });
  }
  const numberCells = table.body.map((row, i) =>
    table.rows[i].map((_, c) => {
      const n = row.numbers?.[c];
      if (n === undefined) return false;
      if (dateColumns.has(c) && n >= SERIAL_DATES.min && n <= SERIAL_DATES.max) {
        table.rows[i][c] = dateText(serialToDate(n, date1904));
        return false;
      }
      return true;
    }),
  );
  return { headers: table.headers, rows: table.rows, rowNumbers: table.rowNumbers, numberCells };
}

/** Converts a cell value to the text a user sees, minus display formatting that would hinder parsing. */
function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value, numFmt);
  // Excel-FR shows booleans as VRAI/FAUX; that is what staff typed and what values.ts understands.
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return ""; // #N/A, #REF!…: a broken formula carries no data.
  if ("formula" in value || "sharedFormula" in value) {
    return cellText(value.result as ExcelJS.CellValue, numFmt);
  }
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue, numFmt);
  return "";
}

function numberText(n: number, numFmt?: string): string {
  // Postcodes and SIRENs typed as numbers keep their leading zeros only through a "00000" format.
  if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(n) && n >= 0) return String(n).padStart(numFmt.length, "0");
  // Excel itself shows 15 significant digits; this drops float noise such as 1234.5600000000002.
  return String(Number(n.toPrecision(15)));
}

/** exceljs gives dates as UTC instants of the serial's wall-clock time, so UTC getters read the calendar day. */
function dateText(d: Date): string {
  const pad = (v: number) => String(v).padStart(2, "0");
  const rounded = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  const time = `${pad(rounded.getUTCHours())}:${pad(rounded.getUTCMinutes())}`;
  if (rounded.getTime() < Date.UTC(1900, 0, 1)) return time; // a time-only cell (serial < 1)
  const day = `${pad(rounded.getUTCDate())}/${pad(rounded.getUTCMonth() + 1)}/${rounded.getUTCFullYear()}`;
  return time === "00:00" ? day : `${day} ${time}`;
}

// ---------------------------------------------------------------- CSV

function readDelimited(buffer: Uint8Array, fileName: string, forced?: string): Spreadsheet {
  const { text, encoding } = decode(buffer);
  if (text.includes("\u0000")) {
    throw new Error(`Impossible de lire le fichier « ${fileName} » : ce n'est pas un fichier texte (CSV).`);
  }
  const delimiter = forced ?? detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const unclosed = parsed.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) {
    throw new Error(
      `Impossible de lire le fichier « ${fileName} » : un guillemet ouvert vers la ligne ${(unclosed.row ?? 0) + 1} n'est jamais refermé.`,
    );
  }
  // A leading apostrophe before = + - @ is Excel's "text" marker, and how writeCsv defuses formulas.
  let line = 1;
  const raw = parsed.data.map((cells, n) => {
    const row = { n, line, cells: cells.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, "")) };
    line += 1 + cells.reduce((breaks, c) => breaks + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return row;
  });
  const table = buildTable(raw);
  if (!table) throw new Error(`Le fichier « ${fileName} » est vide.`);
  return { headers: table.headers, rows: table.rows, rowNumbers: table.rowNumbers, encoding, delimiter };
}

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  // Excel's "Texte Unicode" export is UTF-16 with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(bytes), "utf-16le"), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(Buffer.from(bytes), "utf-16be"), encoding: "utf-16be" };
  try {
    // Strict decoding: Windows-1252 accents are invalid UTF-8, so success means the file is UTF-8 (BOM dropped).
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Excel-FR's "CSV (séparateur : point-virgule)" writes the ANSI code page, i.e. Windows-1252.
    return { text: iconv.decode(Buffer.from(bytes), "windows-1252"), encoding: "windows-1252" };
  }
}

const CANDIDATES = [";", ",", "\t"];

/**
 * Picks the delimiter whose count is the most consistent over the first lines (outside quotes), then the most
 * frequent. Consistency matters more than frequency: French decimals put commas in data lines but not in headers.
 */
export function detectDelimiter(text: string, maxLines = 30): string {
  const lines: number[][] = [];
  let counts = [0, 0, 0];
  let inQuotes = false;
  let nonBlank = false;
  for (let i = 0; i < text.length && lines.length < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (nonBlank && counts.some((c) => c > 0)) lines.push(counts);
      counts = [0, 0, 0];
      nonBlank = false;
    } else if (!inQuotes) {
      const k = CANDIDATES.indexOf(ch);
      if (k >= 0) counts[k]++;
      else if (ch.trim()) nonBlank = true;
    }
  }
  if (nonBlank && counts.some((c) => c > 0)) lines.push(counts);
  let best = { delimiter: ";", consistency: 0, mode: 0 }; // ";" is the Excel-FR default for one-column files
  CANDIDATES.forEach((delimiter, k) => {
    const freq = new Map<number, number>();
    for (const line of lines) if (line[k] > 0) freq.set(line[k], (freq.get(line[k]) ?? 0) + 1);
    for (const [mode, times] of freq) {
      const consistency = times / lines.length;
      if (consistency > best.consistency || (consistency === best.consistency && mode > best.mode)) {
        best = { delimiter, consistency, mode };
      }
    }
  });
  return best.delimiter;
}

// ---------------------------------------------------------------- header detection (both formats)

const isBlank = (cells: string[]) => cells.every((c) => c === "");
/** What a data cell looks like and a header cell does not: amounts, dates, postcodes, phones, e-mails (not years). */
const looksLikeData = (cell: string) =>
  (/^[\d\s.,:/€%+-]+$/.test(cell) && !/^(19|20)\d{2}$/.test(cell)) || cell.includes("@");

/** The header and the records, with the raw rows the records come from (same order). */
type Table = Pick<Spreadsheet, "headers" | "rows" | "rowNumbers"> & { body: RawRow[] };

function buildTable(raw: RawRow[]): Table | null {
  const rows = raw
    .map((r) => ({ ...r, cells: r.cells.map((c) => c.replace(/\r\n?/g, "\n").trim()) }))
    .filter((r) => !isBlank(r.cells));
  if (rows.length === 0) return null;
  const width = rows.reduce((w, r) => Math.max(w, lastFilled(r.cells) + 1), 0);
  const view = (r: RawRow) => Array.from({ length: width }, (_, c) => (r.slave?.[c] ? "" : (r.cells[c] ?? "")));
  // A title such as "Adhérents 2025" (often merged across the table) sits alone above the real header.
  let start = 0;
  const filled = (r: RawRow) => view(r).filter((c) => c !== "").length;
  if (rows.length > 1 && filled(rows[0]) === 1 && filled(rows[1]) >= 2) start = 1;
  const top = rows[start];
  const second = rows[start + 1]?.n === top.n + 1 ? rows[start + 1] : undefined;
  const headers = second ? twoRowHeader(top, second, view) : null;
  const names = headers ?? oneRowHeader(top, width);
  const body = rows.slice(start + (headers ? 2 : 1));
  return {
    headers: names,
    rows: body.map((r) => Array.from({ length: width }, (_, c) => r.cells[c] ?? "")),
    rowNumbers: body.map((r) => r.line),
    body,
  };
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== "") return i;
  return -1;
}

/**
 * Names the columns of a two-row header ("Adresse" over "Rue | CP | Ville" → "Adresse Rue"…), or returns null
 * when the second row is data. A label spans columns by a merge (XLSX) or, without merges (a CSV export of such a
 * sheet: "Adresse;;;" over ";Rue;CP;Ville"), by blanks after it over filled cells. Labels merged down prove a
 * two-row header; otherwise it takes a span, and no label standing over a lone filled cell (a data row's look).
 */
function twoRowHeader(top: RawRow, second: RawRow, view: (r: RawRow) => string[]): string[] | null {
  const upper = view(top);
  const lower = view(second);
  const vertical = lower.some((_, c) => second.slave?.[c] === "above");
  const merged = vertical || upper.some((_, c) => top.slave?.[c]);
  let group = "";
  let size = 0;
  let overFilled = false;
  let spans = 0;
  let singles = 0;
  const close = () => {
    if (size > 1) spans++;
    else if (size === 1 && overFilled) singles++;
  };
  const names = upper.map((above, c) => {
    const below = lower[c];
    if (merged ? top.slave?.[c] === "left" : !above && below !== "" && size > 0) size++;
    else {
      close();
      const starts = merged ? above !== "" : above !== "" && below !== "";
      group = starts ? above : "";
      size = starts ? 1 : 0;
      overFilled = below !== "";
    }
    const label = above || group;
    if (label && below) return label === below ? label : `${label} ${below}`;
    return label || below || `Colonne ${c + 1}`;
  });
  close();
  if (!vertical && (spans === 0 || singles > 0 || lower.some(looksLikeData))) return null;
  return names;
}

/** Names a one-row header; a label merged over several columns names them "Adresse", "Adresse (2)"… */
function oneRowHeader(top: RawRow, width: number): string[] {
  let label = "";
  let k = 1;
  return Array.from({ length: width }, (_, c) => {
    const text = top.cells[c] ?? "";
    if (top.slave?.[c] === "left") return `${label} (${++k})`;
    label = text;
    k = 1;
    return text || `Colonne ${c + 1}`;
  });
}
