import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectDelimiter, readSpreadsheet } from "./spreadsheet.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Feuil1"));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readSpreadsheet — fixtures", () => {
  it("reads an Excel-FR CSV: Windows-1252, semicolons, quoted cells with ; and line breaks", async () => {
    const sheet = await readSpreadsheet(fixture("members-windows1252.csv"), "adherents.csv");
    expect(sheet.encoding).toBe("windows-1252");
    expect(sheet.delimiter).toBe(";");
    expect(sheet.headers).toEqual([
      "Raison sociale",
      "SIRET",
      "Effectif",
      "CA (k€)",
      "Ville",
      "Code postal",
      "Date d'adhésion",
      "Cotisation 2025",
      "Métiers",
    ]);
    expect(sheet.rows).toEqual([
      [
        "Chaudronnerie Stéphanoise",
        "41234567800012",
        "42",
        "3 250,5",
        "Saint-Étienne",
        "42000",
        "15/03/2019",
        "1\u00a0250,00",
        "Chaudronnerie ; Soudure",
      ],
      [
        "Décolletage du Forez",
        "52345678900023",
        "8",
        "1 180",
        "Montbrison",
        "42600",
        "01/09/2021",
        "450",
        "Décolletage\nUsinage",
      ],
      ["Forges de l'Ondaine", "", "120", "18 400", "Firminy", "42700", "", "2 800,00", "Forge et estampage"],
    ]);
    // The second row spans two lines, so the third starts on line 5; the ";;;" line is dropped.
    expect(sheet.rowNumbers).toEqual([2, 3, 5]);
    expect(sheet.sheetName).toBeUndefined();
  });

  it("reads a UTF-8 CSV with BOM and commas, with doubled quotes", async () => {
    const sheet = await readSpreadsheet(fixture("members-utf8-bom.csv"), "export.CSV");
    expect(sheet.encoding).toBe("utf-8");
    expect(sheet.delimiter).toBe(",");
    expect(sheet.headers).toEqual(["Company name", "Email", "Phone", "Website", "Status", "Joined"]);
    expect(sheet.rows).toEqual([
      [
        "Mécanique Précision, SAS",
        "contact@mecaprecision.fr",
        "04 77 12 34 56",
        "www.mecaprecision.fr",
        "Adhérent",
        "2020-01-15",
      ],
      ["Usinage Ondaine", "info@usinage-ondaine.fr", "+33477987654", "https://usinage-ondaine.fr", "prospect", ""],
      ['Atelier "Le Pilon"', "", "0477000000", "", "ancien", "05/06/2018"],
    ]);
  });

  it("detects tabs in a .txt file, and takes them for granted in a .tsv", async () => {
    const expected = {
      headers: ["Entreprise", "Ville", "Effectif", "Certifications"],
      rows: [
        ["Tôlerie Fine", "Saint-Chamond", "15", "ISO 9001, EN 9100"],
        ["Robotique Loire", "Roanne", "33", "ISO/TS 16949 | ISO 14001"],
      ],
      encoding: "utf-8",
      delimiter: "\t",
    };
    expect(await readSpreadsheet(fixture("members-tab.txt"), "copie.txt")).toMatchObject(expected);
    expect(await readSpreadsheet(fixture("members-tab.txt"), "copie.tsv")).toMatchObject(expected);
  });

  it("reads an XLSX with a title row and a merged two-row header", async () => {
    const sheet = await readSpreadsheet(fixture("members-merged-header.xlsx"), "adherents.xlsx");
    expect(sheet.sheetName).toBe("Adhérents"); // the empty first sheet is skipped
    expect(sheet.headers).toEqual([
      "Entreprise",
      "Adresse Rue",
      "Adresse CP",
      "Adresse Ville",
      "Effectif",
      "CA (k€)",
      "Date d'adhésion",
      "Site web",
    ]);
    expect(sheet.rows).toEqual([
      [
        "Chaudronnerie Stéphanoise",
        "12 rue de la Mulatière",
        "42000",
        "Saint-Étienne",
        "42",
        "3250.5",
        "15/03/2019",
        "www.chaudstef.fr",
      ],
      ["Ain Usinage", "3 avenue Alsace-Lorraine", "01000", "Bourg-en-Bresse", "15", "1180", "01/09/2021", ""],
      ["Forges de l'Ondaine", "1 place du Marché", "42700", "Firminy", "120", "18400", "", ""],
    ]);
    expect(sheet.rowNumbers).toEqual([5, 6, 8]);
    expect(sheet.encoding).toBeUndefined();
  });
});

describe("readSpreadsheet — headers", () => {
  it("names a CSV export of a merged header from its group label", async () => {
    const csv = "Entreprise;Adresse;;;Effectif\r\n;Rue;CP;Ville;\r\nAcme;1 rue Neuve;42000;Saint-Étienne;12\r\n";
    const sheet = await readSpreadsheet(utf8(csv), "a.csv");
    expect(sheet.headers).toEqual(["Entreprise", "Adresse Rue", "Adresse CP", "Adresse Ville", "Effectif"]);
    expect(sheet.rows).toEqual([["Acme", "1 rue Neuve", "42000", "Saint-Étienne", "12"]]);
  });

  it("keeps a one-row header when the second row is data", async () => {
    const sheet = await readSpreadsheet(utf8("Nom;Adresse;;\nAcme;12 rue Neuve;42000;Lyon\n"), "a.csv");
    expect(sheet.headers).toEqual(["Nom", "Adresse", "Colonne 3", "Colonne 4"]);
    expect(sheet.rows).toEqual([["Acme", "12 rue Neuve", "42000", "Lyon"]]);
  });

  it("skips a title row, blank lines and trailing empty columns", async () => {
    const csv = "Liste des adhérents 2025;;;\n\n Nom ; Ville ;;\n\nAcme;Lyon;;\n;;;\nBeta;Roanne;;\n";
    const sheet = await readSpreadsheet(utf8(csv), "a.csv");
    expect(sheet.headers).toEqual(["Nom", "Ville"]);
    expect(sheet.rows).toEqual([
      ["Acme", "Lyon"],
      ["Beta", "Roanne"],
    ]);
    expect(sheet.rowNumbers).toEqual([5, 7]);
  });

  it("names year columns under a group label, since years are header text", async () => {
    const sheet = await readSpreadsheet(utf8("Raison sociale;Cotisation;\n;2024;2025\nAcme;450;500\n"), "a.csv");
    expect(sheet.headers).toEqual(["Raison sociale", "Cotisation 2024", "Cotisation 2025"]);
    expect(sheet.rows).toEqual([["Acme", "450", "500"]]);
  });

  it("keeps a one-row header with a merged label over data, naming the covered columns after it", async () => {
    const data = await workbook((ws) => {
      ws.getRow(1).values = ["Nom", "Adresse", null, "Métiers"];
      ws.mergeCells("B1:C1");
      ws.getRow(2).values = ["Acme", "12 rue Neuve", "Lyon", "Usinage"];
    });
    const sheet = await readSpreadsheet(data, "a.xlsx");
    expect(sheet.headers).toEqual(["Nom", "Adresse", "Adresse (2)", "Métiers"]);
    expect(sheet.rows).toEqual([["Acme", "12 rue Neuve", "Lyon", "Usinage"]]);
  });

  it("uses the lower name under a blank, unmerged upper cell, and the upper one over a blank lower cell", async () => {
    const data = await workbook((ws) => {
      ws.getRow(1).values = [null, "Adresse", null, "Effectif"];
      ws.mergeCells("B1:C1");
      ws.getRow(2).values = ["Nom", "Rue", "Ville"];
      ws.getRow(3).values = ["Acme", "1 rue Neuve", "Lyon", 12];
    });
    const sheet = await readSpreadsheet(data, "a.xlsx");
    expect(sheet.headers).toEqual(["Nom", "Adresse Rue", "Adresse Ville", "Effectif"]);
    expect(sheet.rows).toEqual([["Acme", "1 rue Neuve", "Lyon", "12"]]);
  });

  it("repeats a value merged down over several data rows (one company, two contacts)", async () => {
    const data = await workbook((ws) => {
      ws.getRow(1).values = ["Entreprise", "Contact"];
      ws.getRow(2).values = ["Acme", "Jeanne Martin"];
      ws.getRow(3).values = [null, "Paul Durand"];
      ws.mergeCells("A2:A3");
    });
    const sheet = await readSpreadsheet(data, "a.xlsx");
    expect(sheet.headers).toEqual(["Entreprise", "Contact"]);
    expect(sheet.rows).toEqual([
      ["Acme", "Jeanne Martin"],
      ["Acme", "Paul Durand"],
    ]);
  });
});

describe("readSpreadsheet — XLSX cell values", () => {
  it("turns booleans, formula results and errors, times and float noise into plain text", async () => {
    const data = await workbook((ws) => {
      ws.getRow(1).values = ["Adhérent", "Total", "Ratio", "Heure", "Payée le", "Réf"];
      ws.getRow(2).values = [
        true,
        { formula: "0.1+0.2", result: 0.30000000000000004 },
        { formula: "1/0", result: { error: "#DIV/0!" } },
        new Date(Date.UTC(1899, 11, 30, 8, 30)),
        new Date(Date.UTC(2024, 2, 5, 14, 30)),
        { richText: [{ text: "A-" }, { text: "12" }] },
      ];
    });
    const sheet = await readSpreadsheet(data, "a.xlsx");
    expect(sheet.rows).toEqual([["VRAI", "0.3", "", "08:30", "05/03/2024 14:30", "A-12"]]);
  });
});

describe("readSpreadsheet — dates in XLSX", () => {
  it("writes formatted date cells as dates, and marks the bare numbers a date field may read as serials", async () => {
    const data = await workbook((ws) => {
      ws.getRow(1).values = ["Nom", "Adhésion", "Sortie", "Effectif"];
      ws.getRow(2).values = ["Acme", new Date(Date.UTC(2019, 2, 15)), 45123, 12];
      ws.getRow(3).values = ["Beta", 45292, "01/09/2021", 8];
      ws.getRow(4).values = ["Gamma", 2019, null, 2019];
      ws.getCell("B2").numFmt = "dd/mm/yyyy";
    });
    const sheet = await readSpreadsheet(data, "a.xlsx");
    expect(sheet.rows).toEqual([
      ["Acme", "15/03/2019", "45123", "12"],
      // The column holds a formatted date, so its bare serial is a date too; a year-sized number is not.
      ["Beta", "01/01/2024", "01/09/2021", "8"],
      ["Gamma", "2019", "", "2019"],
    ]);
    expect(sheet.numberCells).toEqual([
      [false, false, true, true],
      [false, false, false, true],
      [false, true, false, true],
    ]);
    expect(sheet.date1904).toBe(false);
  });

  it("reads serials of a workbook using the 1904 date system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Feuil1");
    ws.getRow(1).values = ["Nom", "Adhésion"];
    ws.getRow(2).values = ["Acme", new Date(Date.UTC(2023, 6, 16))];
    ws.getRow(3).values = ["Beta", 43661];
    ws.getCell("B2").numFmt = "dd/mm/yyyy";
    const sheet = await readSpreadsheet(new Uint8Array(await wb.xlsx.writeBuffer()), "mac.xlsx");
    expect(sheet.date1904).toBe(true);
    expect(sheet.rows).toEqual([
      ["Acme", "16/07/2023"],
      ["Beta", "16/07/2023"],
    ]);
  });

  it("never marks a CSV cell as a number: '45123' in a CSV is text", async () => {
    const sheet = await readSpreadsheet(utf8("Nom;Adhésion\nAcme;45123\n"), "a.csv");
    expect(sheet.rows).toEqual([["Acme", "45123"]]);
    expect(sheet.numberCells).toBeUndefined();
  });
});

describe("readSpreadsheet — other encodings and delimiters", () => {
  it("reads Excel's UTF-16 'Texte Unicode' export", async () => {
    const bytes = iconv.encode("\uFEFFNom\tVille\nÉcole Centrale\tÉcully\n", "utf-16le");
    const sheet = await readSpreadsheet(new Uint8Array(bytes), "unicode.txt");
    expect(sheet).toMatchObject({ encoding: "utf-16le", delimiter: "\t", headers: ["Nom", "Ville"] });
    expect(sheet.rows).toEqual([["École Centrale", "Écully"]]);
  });

  it("removes the apostrophe Excel and writeCsv put before formula-like text", async () => {
    const sheet = await readSpreadsheet(utf8("Nom;Note\nAcme;'=1+1\nBeta;'Tour\n"), "a.csv");
    expect(sheet.rows).toEqual([
      ["Acme", "=1+1"],
      ["Beta", "'Tour"],
    ]);
  });

  it("reads a workbook saved under a .csv name", async () => {
    const data = await workbook((ws) => {
      ws.getRow(1).values = ["Nom", "Ville"];
      ws.getRow(2).values = ["Acme", "Lyon"];
    });
    const sheet = await readSpreadsheet(data, "renomme.csv");
    expect(sheet).toMatchObject({ headers: ["Nom", "Ville"], rows: [["Acme", "Lyon"]], sheetName: "Feuil1" });
  });

  it("detects the delimiter by consistency, not by count", () => {
    expect(detectDelimiter("Nom;CA\nA;1,5\nB;2,25\nC;1 000,125\n")).toBe(";");
    expect(detectDelimiter('Nom,Note\nA,"x;y;z"\nB,"u;v"\n')).toBe(",");
    expect(detectDelimiter("Nom\tVille\tNote\nA\tLyon\tun, deux\n")).toBe("\t");
    expect(detectDelimiter("Nom\nAcme\n")).toBe(";");
  });
});

describe("readSpreadsheet — errors", () => {
  it("refuses unsupported formats with a French message", async () => {
    await expect(readSpreadsheet(utf8("%PDF"), "liste.pdf")).rejects.toThrow(
      "Format non pris en charge : .pdf — utilisez un fichier .xlsx ou .csv",
    );
    await expect(readSpreadsheet(utf8("x"), "liste.xls")).rejects.toThrow(/\.xls \(Excel 97-2003\)/);
    await expect(readSpreadsheet(utf8("x"), "liste")).rejects.toThrow(/fichier sans extension/);
  });

  it("refuses empty files", async () => {
    await expect(readSpreadsheet(new Uint8Array(), "vide.csv")).rejects.toThrow("Le fichier « vide.csv » est vide.");
    await expect(readSpreadsheet(utf8("\uFEFF;;;\r\n\r\n"), "vide.csv")).rejects.toThrow(/est vide/);
    const blank = await workbook(() => {});
    await expect(readSpreadsheet(blank, "vide.xlsx")).rejects.toThrow(/aucune feuille ne contient de données/);
  });

  it("refuses unreadable files", async () => {
    const zipGarbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    await expect(readSpreadsheet(zipGarbage, "casse.xlsx")).rejects.toThrow(/Impossible de lire le classeur/);
    await expect(readSpreadsheet(utf8("Nom;Ville\n"), "faux.xlsx")).rejects.toThrow(/pas un classeur Excel valide/);
    await expect(readSpreadsheet(new Uint8Array([0, 1, 2, 0]), "binaire.csv")).rejects.toThrow(/pas un fichier texte/);
    await expect(readSpreadsheet(utf8('Nom;Note\nAcme;"jamais fermé\nBeta;x\n'), "a.csv")).rejects.toThrow(
      /guillemet ouvert vers la ligne 2/,
    );
  });
});
