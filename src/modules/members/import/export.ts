/**
 * Writes member lists as files French staff open in Excel without an import wizard: CSV the way Excel-FR
 * writes it (UTF-8 with BOM so accents survive, ";" because "," is the decimal mark), and a ready-to-filter XLSX.
 */
import ExcelJS from "exceljs";

export type CsvCell = string | number | null;
export type XlsxCell = string | number | Date | null;

/**
 * Strings Excel would run as a formula when opening the file ("=HYPERLINK(…)" typed in a member's profile).
 * An apostrophe in front makes Excel show them as text; readSpreadsheet drops it again. Signed numbers and phone
 * numbers ("+33 4 77…", "-12,5") are left alone: Excel reads them as values, not formulas.
 */
const FORMULA_START = /^[=@\t\r]|^[+-](?![\d\s.,()]*$)/;

function csvField(cell: CsvCell): string {
  if (cell === null || (typeof cell === "number" && !Number.isFinite(cell))) return "";
  // Excel-FR reads "1234,5" as a number and "1234.5" as text.
  let text = typeof cell === "number" ? String(cell).replace(".", ",") : cell;
  if (typeof cell === "string" && FORMULA_START.test(text)) text = `'${text}`;
  // Quote only when needed, like Excel: delimiter, quote, line break, or spaces Excel would otherwise trim.
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with BOM, ";" delimiter, CRLF line ends: what Excel-FR writes and opens by double-click. */
export function writeCsv(headers: string[], rows: CsvCell[][]): Uint8Array {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(";"));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function sheetTitle(name: string): string {
  const clean = name.replace(/[:\\/?*[\]]/g, " ").trim();
  return (clean || "Feuille1").slice(0, 31);
}

/** Widths in characters: fit the header and a sample of values, within bounds that keep the sheet readable. */
function columnWidths(headers: string[], rows: XlsxCell[][]): number[] {
  const sample = rows.slice(0, 500);
  return headers.map((header, c) => {
    let longest = header.length + 3; // room for the auto-filter button
    for (const row of sample) {
      const cell = row[c];
      const text = cell instanceof Date ? "00/00/0000" : cell === null || cell === undefined ? "" : String(cell);
      for (const line of text.split("\n")) longest = Math.max(longest, line.length);
    }
    return Math.min(Math.max(longest + 1, 8), 60);
  });
}

/**
 * One sheet with a bold frozen header row and an auto-filter. Dates are written as Excel dates (dd/mm/yyyy) of
 * their UTC calendar day, as `new Date("2024-03-05")` gives them; strings stay text, so SIRENs keep their zeros.
 */
export async function writeXlsx(sheetName: string, headers: string[], rows: XlsxCell[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Grappe";
  const sheet = workbook.addWorksheet(sheetTitle(sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  const widths = columnWidths(headers, rows);
  sheet.columns = headers.map((header, c) => ({ header, width: widths[c] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // exceljs leaves null cells empty; numbers stay numbers so that Excel can sum and sort them.
    const added = sheet.addRow(row);
    row.forEach((cell, c) => {
      if (cell instanceof Date) added.getCell(c + 1).numFmt = "dd/mm/yyyy";
      else if (typeof cell === "string" && cell.includes("\n")) added.getCell(c + 1).alignment = { wrapText: true };
    });
  }
  if (headers.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: headers.length } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
