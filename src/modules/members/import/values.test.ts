import { describe, expect, it } from "vitest";
import {
  type Parsed,
  parseEmail,
  parseFrenchDate,
  parseFrenchNumber,
  parseKind,
  parseList,
  parsePhone,
  parseStatus,
  parseUrl,
} from "./values.js";

/** The error must quote the bad value so staff can find it in their file. */
function expectError<T>(parsed: Parsed<T>, input: string) {
  expect(parsed).toHaveProperty("error");
  if ("error" in parsed) expect(parsed.error).toContain(`« ${input.trim()} »`);
}

describe("parseFrenchNumber", () => {
  it.each([
    ["1234", 1234],
    ["1 234,56", 1234.56],
    ["1\u00a0234,56", 1234.56],
    ["1\u202f234\u202f567", 1234567],
    ["1.234,56", 1234.56],
    ["1.234.567", 1234567],
    ["1234.56", 1234.56],
    ["1 234.56", 1234.56],
    ["1,234.56", 1234.56],
    ["1,5", 1.5],
    ["1.5", 1.5], // how an .xlsx number cell reaches us
    ["0,25", 0.25],
    [",5", 0.5],
    ["-12,5", -12.5],
    ["\u221212", -12],
    ["12 k€", 12000],
    ["12k€", 12000],
    ["12 KEUR", 12000],
    ["1,2 M€", 1_200_000],
    ["3,25 M", 3_250_000],
    ["2 800,00 €", 2800],
    ["450 € HT", 450],
    ["€ 99", 99],
    ["1 250 euros", 1250],
    ["1e+21", 1e21],
  ])("%s → %d", (input, value) => {
    expect(parseFrenchNumber(input)).toEqual({ value });
  });

  it.each(["abc", "12 34", "1 2345", "1,2,3", "1.2.3,4", "12 €€", "1..2", "--5", "12 kg", "N/A"])(
    "rejects %s",
    (input) => {
      expectError(parseFrenchNumber(input), input);
    },
  );

  it("says a blank cell is empty", () => {
    expect(parseFrenchNumber("  ")).toEqual({ error: "Valeur vide." });
  });
});

describe("parseFrenchDate", () => {
  it.each([
    ["15/03/2019", "2019-03-15"],
    ["5/3/2019", "2019-03-05"],
    ["5/3/19", "2019-03-05"],
    ["1/1/85", "1985-01-01"],
    ["15-03-2019", "2019-03-15"],
    ["15.03.2019", "2019-03-15"],
    ["2019-03-15", "2019-03-15"],
    ["2019/3/5", "2019-03-05"],
    ["29/02/2024", "2024-02-29"],
    ["05/03/2024 14:30", "2024-03-05"], // what readSpreadsheet writes for a date cell with a time
    ["2024-03-05T00:00:00.000Z", "2024-03-05"],
    ["1er janvier 2024", "2024-01-01"],
    ["5 mars 2024", "2024-03-05"],
    ["15 févr. 2024", "2024-02-15"],
    ["Tue Mar 05 2024 01:00:00 GMT+0100 (heure normale d’Europe centrale)", "2024-03-05"],
  ])("%s → %s", (input, value) => {
    expect(parseFrenchDate(input)).toEqual({ value });
  });

  it.each(["31/02/2024", "29/02/2023", "00/01/2024", "12/13/2024", "2024-02-30"])(
    "rejects the impossible %s",
    (input) => {
      const parsed = parseFrenchDate(input);
      expectError(parsed, input);
      expect(parsed).toHaveProperty("error", expect.stringContaining("n'existe pas"));
    },
  );

  it.each(["demain", "15/03", "03/2019", "15/03/2019/1", "15/03-2019", "45123", "01/01/1850", "32 mars 2024"])(
    "rejects %s",
    (input) => {
      expectError(parseFrenchDate(input), input);
    },
  );

  it("reads Excel serial numbers only in a date column", () => {
    expect(parseFrenchDate("45123", { serial: true })).toEqual({ value: "2023-07-16" });
    expect(parseFrenchDate("45123.75", { serial: true })).toEqual({ value: "2023-07-16" });
    expect(parseFrenchDate("61", { serial: true })).toEqual({ value: "1900-03-01" });
    expect(parseFrenchDate("59", { serial: true })).toEqual({ value: "1900-02-28" });
    expectError(parseFrenchDate("60", { serial: true }), "60"); // Excel's fictitious 29/02/1900
    expectError(parseFrenchDate("0", { serial: true }), "0");
    expectError(parseFrenchDate("9999999", { serial: true }), "9999999");
    expect(parseFrenchDate("15/03/2019", { serial: true })).toEqual({ value: "2019-03-15" });
  });

  it("reads a year typed in a date column as a year, not as a serial in 1905", () => {
    const year = parseFrenchDate("2019", { serial: true });
    expect(year).toEqual({ error: "« 2019 » est une année, pas une date : indiquez le jour (jj/mm/aaaa)." });
    expectError(parseFrenchDate(1998), "1998");
    expectError(parseFrenchDate("2019"), "2019"); // CSV text: neither a serial nor a date
  });

  it("counts serials from 1904 in a workbook using the 1904 date system", () => {
    expect(parseFrenchDate("43661", { serial: true, date1904: true })).toEqual({ value: "2023-07-16" });
    expect(parseFrenchDate("0", { serial: true, date1904: true })).toEqual({ value: "1904-01-01" });
    expect(parseFrenchDate("60", { serial: true, date1904: true })).toEqual({ value: "1904-03-01" });
  });

  it("takes a cell's typed value: a number is a serial, a Date its UTC calendar day", () => {
    expect(parseFrenchDate(45123)).toEqual({ value: "2023-07-16" });
    expect(parseFrenchDate(45123.99)).toEqual({ value: "2023-07-16" });
    expect(parseFrenchDate(43661, { date1904: true })).toEqual({ value: "2023-07-16" });
    // exceljs's Date for 05/03/2024 14:30 is 2024-03-05T14:30Z whatever the server's time zone.
    expect(parseFrenchDate(new Date(Date.UTC(2024, 2, 5, 14, 30)))).toEqual({ value: "2024-03-05" });
    expect(parseFrenchDate(new Date(Date.UTC(2024, 2, 5, 23, 59)))).toEqual({ value: "2024-03-05" });
    expectError(parseFrenchDate(new Date(Number.NaN)), "Invalid Date");
    expectError(parseFrenchDate(new Date(Date.UTC(1850, 0, 1))), "01/01/1850");
    expectError(parseFrenchDate(0), "0");
  });
});

describe("parseList", () => {
  it.each([
    ["Usinage ; Tournage", ["Usinage", "Tournage"]],
    ["Usinage, tournage, fraisage", ["Usinage", "tournage", "fraisage"]],
    ["Tournage/Fraisage", ["Tournage", "Fraisage"]],
    ["Soudure | Chaudronnerie", ["Soudure", "Chaudronnerie"]],
    ["- Usinage\n- Tournage\r\n• Rectification", ["Usinage", "Tournage", "Rectification"]],
    ["ISO 9001, EN 9100 ; ISO 9001", ["ISO 9001", "EN 9100"]],
    ["Usinage ; usinage ; USINAGE", ["Usinage"]],
    ["Décolletage ; decolletage", ["Décolletage"]],
    ["ISO/TS 16949 | ISO 14001", ["ISO/TS 16949", "ISO 14001"]],
    ["Soudure MIG/MAG, TIG", ["Soudure MIG/MAG", "TIG"]],
    ["Presse 1,5 t ; Plieuse 3 m", ["Presse 1,5 t", "Plieuse 3 m"]],
    ["Recherche et développement", ["Recherche et développement"]],
    [" ; ;; ", []],
    ["", []],
  ])("%j → %j", (input, value) => {
    expect(parseList(input)).toEqual({ value });
  });
});

describe("parseStatus", () => {
  it.each([
    ["Adhérent", "member"],
    ["adherente", "member"],
    ["oui", "member"],
    ["OUI", "member"],
    ["Membre", "member"],
    ["x", "member"],
    ["X", "member"],
    ["VRAI", "member"], // an Excel boolean cell, as readSpreadsheet gives it
    ["Adhérent(e)", "member"],
    ["prospect", "prospect"],
    ["non", "prospect"],
    ["Non adhérent", "prospect"],
    ["FAUX", "prospect"],
    ["ancien", "former"],
    ["Ancien adhérent", "former"],
    ["Radié", "former"],
    ["radiée", "former"],
    ["sorti", "former"],
    ["Démissionnaire", "former"],
    ["Ex-adhérent", "former"],
  ])("%s → %s", (input, value) => {
    expect(parseStatus(input)).toEqual({ value });
  });

  it.each(["peut-être", "?", "2024", "abonné"])("rejects %s", (input) => {
    expectError(parseStatus(input), input);
  });
});

describe("parseKind", () => {
  it.each([
    ["Entreprise", "company"],
    ["PME", "company"],
    ["École", "school"],
    ["Ecole d'ingénieurs", "school"],
    ["Lycée professionnel", "school"],
    ["IUT", "school"],
    ["Université Jean Monnet", "school"],
    ["Laboratoire", "lab"],
    ["Labo", "lab"],
    ["Collectivité", "public_body"],
    ["CCI", "public_body"],
    ["Chambre de commerce et d'industrie", "public_body"],
    ["Organisme public", "public_body"],
    ["Communauté de communes", "public_body"],
    ["Partenaire", "partner"],
    ["UIMM Loire", "partner"],
    ["Fédération", "partner"],
  ])("%s → %s", (input, value) => {
    expect(parseKind(input)).toEqual({ value });
  });

  it.each(["Autre", "Particulier", "?"])("rejects %s", (input) => {
    expectError(parseKind(input), input);
  });
});

describe("parseUrl", () => {
  it.each([
    ["www.acme.fr", "https://www.acme.fr"],
    ["acme.fr", "https://acme.fr"],
    ["http://acme.fr", "http://acme.fr"],
    ["HTTPS://WWW.Acme.FR/", "https://www.acme.fr"],
    ["https://acme.fr/fr/contact?ref=pole", "https://acme.fr/fr/contact?ref=pole"],
    ["  www.forges-ondaine.com  ", "https://www.forges-ondaine.com"],
  ])("%s → %s", (input, value) => {
    expect(parseUrl(input)).toEqual({ value });
  });

  it.each([
    "acme",
    "contact@acme.fr",
    "www.acme .fr",
    "ftp://acme.fr",
    "javascript:alert(1)",
    "http://localhost",
    "n/a",
  ])("rejects %s", (input) => {
    expectError(parseUrl(input), input);
  });
});

describe("parseEmail", () => {
  it.each([
    ["contact@acme.fr", "contact@acme.fr"],
    ["  Contact@ACME.fr ", "contact@acme.fr"],
    ["mailto:info@acme.fr", "info@acme.fr"],
    ["Jeanne Martin <jeanne.martin@acme.fr>", "jeanne.martin@acme.fr"],
    ["prenom.nom+pole@sous.domaine.fr", "prenom.nom+pole@sous.domaine.fr"],
  ])("%s → %s", (input, value) => {
    expect(parseEmail(input)).toEqual({ value });
  });

  it.each(["contact", "contact@acme", "contact@@acme.fr", "jean dupont@acme.fr", "@acme.fr", "a..b@acme.fr"])(
    "rejects %s",
    (input) => {
      expectError(parseEmail(input), input);
    },
  );

  it("says when a cell holds several addresses", () => {
    expect(parseEmail("a@acme.fr; b@acme.fr")).toEqual({
      error: "« a@acme.fr; b@acme.fr » contient plusieurs adresses e-mail : une seule est possible par cellule.",
    });
  });
});

describe("parsePhone", () => {
  it.each([
    ["04 77 12 34 56", "+33 4 77 12 34 56"],
    ["0477123456", "+33 4 77 12 34 56"],
    ["+33477123456", "+33 4 77 12 34 56"],
    ["+33 (0)4 77 12 34 56", "+33 4 77 12 34 56"],
    ["0033 4 77 12 34 56", "+33 4 77 12 34 56"],
    ["04.77.12.34.56", "+33 4 77 12 34 56"],
    ["04-77-12-34-56", "+33 4 77 12 34 56"],
    ["06\u00a012\u00a034\u00a056\u00a078", "+33 6 12 34 56 78"],
    ["477123456", "+33 4 77 12 34 56"], // a number cell lost the leading zero
    ["+41 22 123 45 67", "+41 22 123 45 67"],
    ["0041 22 123 45 67", "+41 22 123 45 67"],
  ])("%s → %s", (input, value) => {
    expect(parsePhone(input)).toEqual({ value });
  });

  it.each(["04 77 12 34", "0077123456", "+33 4 77 12 34", "12", "standard", "04 77 12 34 56 poste 12"])(
    "rejects %s",
    (input) => {
      expectError(parsePhone(input), input);
    },
  );

  it("says when a cell holds several numbers", () => {
    expect(parsePhone("04 77 12 34 56 / 06 12 34 56 78")).toHaveProperty(
      "error",
      expect.stringContaining("plusieurs numéros"),
    );
  });
});
