import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeCsv, writeXlsx } from "./export.js";
import { readSpreadsheet } from "./spreadsheet.js";
import { parseFrenchNumber } from "./values.js";

/** Decodes keeping the BOM, to see exactly what Excel will see. */
const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
const headers = ["Raison sociale", "SIREN", "Effectif", "CA (€)", "Téléphone", "Métiers", "Note"];
/** Cells that trip naive writers: accents, ";", quotes, line breaks, leading zeros, "+", formulas. */
const tricky: string[][] = [
  ["Chaudronnerie Stéphanoise", "012345678", "42", "3250000", "+33 4 77 12 34 56", "Chaudronnerie ; Soudure", "ok"],
  ['Atelier "Le Pilon"', "987654321", "8", "1180", "-", "Usinage\nTournage", '=HYPERLINK("x")'],
  ["Forges de l'Ondaine", "", "120", "", "", "- Forge", "@SUM(A1)"],
];

describe("writeCsv", () => {
  it("writes Excel-FR CSV: BOM, semicolons, CRLF, comma decimals, quotes only where needed", () => {
    const bytes = writeCsv(
      ["Nom", "CA", "Note"],
      [
        ["Stéphanoise", 1234.5, 'Dit "le meilleur"; vraiment'],
        ["X", null, "ligne 1\nligne 2"],
        [" espace", -12, "+33 4 77 12 34 56"],
      ],
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes)).toBe(
      "\uFEFFNom;CA;Note\r\n" +
        'Stéphanoise;1234,5;"Dit ""le meilleur""; vraiment"\r\n' +
        'X;;"ligne 1\nligne 2"\r\n' +
        '" espace";-12;+33 4 77 12 34 56\r\n',
    );
  });

  it("defuses cells Excel would run as formulas", () => {
    const text = decode(writeCsv(["A"], [["=1+1"], ["@SUM(A1)"], ["+cmd"], ["-12,5"], ["- Usinage"]]));
    expect(text.split("\r\n")).toEqual(["\uFEFFA", "'=1+1", "'@SUM(A1)", "'+cmd", "-12,5", "'- Usinage", ""]);
  });

  it("leaves non-finite numbers empty", () => {
    expect(decode(writeCsv(["A", "B"], [[Number.NaN, Number.POSITIVE_INFINITY]]))).toBe("\uFEFFA;B\r\n;\r\n");
  });

  it("round-trips through readSpreadsheet", async () => {
    const sheet = await readSpreadsheet(writeCsv(headers, tricky), "membres.csv");
    expect(sheet).toMatchObject({ encoding: "utf-8", delimiter: ";", headers, rows: tricky });
  });

  it("writes numbers that read back as the same numbers", async () => {
    const sheet = await readSpreadsheet(writeCsv(["CA", "Taux"], [[1234567.89, 0.055]]), "a.csv");
    expect(sheet.rows).toEqual([["1234567,89", "0,055"]]);
    expect(sheet.rows[0].map(parseFrenchNumber)).toEqual([{ value: 1234567.89 }, { value: 0.055 }]);
  });
});

describe("writeXlsx", () => {
  const date = new Date("2024-03-05");
  const rows = [
    ["Chaudronnerie Stéphanoise", "012345678", 42, 3250000.5, date, null],
    ["Forges de l'Ondaine", null, 120, null, null, "Forge\nEstampage"],
  ];
  const xlsxHeaders = ["Raison sociale", "SIREN", "Effectif", "CA (€)", "Date d'adhésion", "Métiers"];

  it("writes a bold, frozen, filterable header row and sensible widths", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx("Membres", xlsxHeaders, rows)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Membres")!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:F3");
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(widths.every((w) => w >= 8 && w <= 60)).toBe(true);
    expect(widths[0]).toBeGreaterThan(widths[2]); // company names are wider than headcounts
    expect(ws.getCell("B2").value).toBe("012345678"); // text stays text: the leading zero survives
    expect(ws.getCell("C2").value).toBe(42);
    expect(ws.getCell("E2").numFmt).toBe("dd/mm/yyyy");
  });

  it("round-trips through readSpreadsheet", async () => {
    const sheet = await readSpreadsheet(await writeXlsx("Membres", headers, tricky), "membres.xlsx");
    expect(sheet).toMatchObject({ sheetName: "Membres", headers, rows: tricky });
  });

  it("round-trips numbers, dates and empty cells", async () => {
    const sheet = await readSpreadsheet(await writeXlsx("Membres", xlsxHeaders, rows), "membres.xlsx");
    expect(sheet.rows).toEqual([
      ["Chaudronnerie Stéphanoise", "012345678", "42", "3250000.5", "05/03/2024", ""],
      ["Forges de l'Ondaine", "", "120", "", "", "Forge\nEstampage"],
    ]);
  });

  it("makes any name a valid sheet name", async () => {
    const long = "Membres: 2025/26 [export] du pôle mécanique";
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(long, ["A"], [])) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe("Membres  2025 26  export  du pô");
    expect(wb.worksheets[0].name.length).toBeLessThanOrEqual(31);
  });
});
