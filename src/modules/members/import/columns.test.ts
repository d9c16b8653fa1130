import { describe, expect, it } from "vitest";
import { fieldLabels, type MemberImportField, memberImportFields, suggestMapping, tokenizeHeader } from "./columns.js";

const fieldOf = (header: string) => suggestMapping([header])[0]?.field ?? null;
const fields = (headers: string[]) => Object.values(suggestMapping(headers)).map((m) => m?.field ?? null);

describe("suggestMapping — one header at a time", () => {
  const cases: [string, MemberImportField | null][] = [
    ["Raison sociale", "legalName"],
    ["Nom", "legalName"],
    ["Entreprise", "legalName"],
    ["Société", "legalName"],
    ["Nom de l'entreprise", "legalName"],
    ["Enseigne", "tradeName"],
    ["Nom commercial", "tradeName"],
    ["SIREN", "siren"],
    ["SIRET", "siret"],
    ["N° SIRET", "siret"],
    ["Code NAF", "nafCode"],
    ["APE", "nafCode"],
    ["Code APE", "nafCode"],
    ["Code NAF rév. 2", "nafCode"],
    ["Effectif", "headcount"],
    ["Salariés", "headcount"],
    ["Nb salariés", "headcount"],
    ["CA", "turnoverEur"],
    ["Chiffre d'affaires", "turnoverEur"],
    ["Adresse", "addressLine"],
    ["Rue", "addressLine"],
    ["CP", "postcode"],
    ["Code postal", "postcode"],
    ["Ville", "town"],
    ["Commune", "town"],
    ["Code INSEE", "communeInsee"],
    ["Site web", "website"],
    ["Site internet", "website"],
    ["URL", "website"],
    ["Email", "email"],
    ["E-mail", "email"],
    ["Mail", "email"],
    ["Courriel", "email"],
    ["Téléphone", "phone"],
    ["Tél.", "phone"],
    ["Téléphone standard", "phone"],
    ["Activité", "description"],
    ["Description", "description"],
    ["Présentation", "description"],
    ["Métiers", "trades"],
    ["Savoir-faire", "trades"],
    ["Activités", "trades"],
    ["Certifications", "certifications"],
    ["Qualité", "certifications"],
    ["Équipements", "equipment"],
    ["Parc machines", "equipment"],
    ["Statut", "status"],
    ["Adhérent", "status"],
    ["Date d'adhésion", "joinedOn"],
    ["Adhésion", "joinedOn"],
    ["Date de sortie", "leftOn"],
    ["Motif de sortie", "leaveReason"],
    ["Cotisation", "duesAmount"],
    ["Montant cotisation", "duesAmount"],
    ["Payée le", "duesPaidOn"],
    ["Date de paiement", "duesPaidOn"],
    ["Parrain", "sponsorName"],
    ["Nom du parrain", "sponsorName"],
    ["Type", "kind"],
    ["Contact", "contactName"],
    ["Dirigeant", "contactName"],
    ["Nom du contact", "contactName"],
    ["Prénom", "contactFirstName"],
    ["Fonction", "contactJobTitle"],
    ["Email contact", "contactEmail"],
    ["E-mail du dirigeant", "contactEmail"],
    ["Tél contact", "contactPhone"],
    // Case, accents and English habits.
    ["RAISON SOCIALE", "legalName"],
    ["societe", "legalName"],
    ["TELEPHONE", "phone"],
    ["Company name", "legalName"],
    ["Phone", "phone"],
    ["Website", "website"],
    // Unknown or deliberately not guessed.
    ["Commentaire", null],
    ["Statut juridique", null],
    ["Type de contrat", null],
    ["Date du premier contact", null],
    ["", null],
  ];
  it.each(cases)("%s → %s", (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });
});

describe("suggestMapping — whole header rows", () => {
  it("maps a realistic cluster spreadsheet", () => {
    const headers = ["Raison sociale", "N° SIRET", "Code APE", "Effectif", "CA (k€)", "Adresse", "CP", "Ville"];
    headers.push("Site internet", "Tél.", "Métiers", "Statut", "Date d'adhésion", "Cotisation 2025", "Payée le");
    headers.push("Contact", "Fonction", "Email contact", "Tél contact", "Observations");
    expect(suggestMapping(headers)).toEqual({
      0: { field: "legalName" },
      1: { field: "siret" },
      2: { field: "nafCode" },
      3: { field: "headcount" },
      4: { field: "turnoverEur", multiplier: 1000 },
      5: { field: "addressLine" },
      6: { field: "postcode" },
      7: { field: "town" },
      8: { field: "website" },
      9: { field: "phone" },
      10: { field: "trades" },
      11: { field: "status" },
      12: { field: "joinedOn" },
      13: { field: "duesAmount", year: 2025 },
      14: { field: "duesPaidOn" },
      15: { field: "contactName" },
      16: { field: "contactJobTitle" },
      17: { field: "contactEmail" },
      18: { field: "contactPhone" },
      19: null,
    });
  });

  it("reads the money unit of a turnover column", () => {
    expect(suggestMapping(["CA (k€)", "CA (M€)", "Chiffre d'affaires", "CA 2024 (KEUR)"])).toEqual({
      0: { field: "turnoverEur", multiplier: 1000 },
      1: null, // a second turnover column is left for staff to assign
      2: null,
      3: null,
    });
    expect(suggestMapping(["CA (M€)"])[0]).toEqual({ field: "turnoverEur", multiplier: 1_000_000 });
    expect(suggestMapping(["Chiffre d'affaires (en milliers d'euros)"])[0]).toEqual({
      field: "turnoverEur",
      multiplier: 1000,
    });
    expect(suggestMapping(["Chiffre d'affaires 2024"])[0]).toEqual({ field: "turnoverEur" });
  });

  it("keeps one dues column per year", () => {
    expect(suggestMapping(["Cotisation 2024", "Cotisation 2025", "Cotisation 2025"])).toEqual({
      0: { field: "duesAmount", year: 2024 },
      1: { field: "duesAmount", year: 2025 },
      2: null,
    });
  });

  it("reads 'Nom' as the surname when a 'Prénom' column exists, the company being elsewhere", () => {
    expect(fields(["Entreprise", "Nom", "Prénom", "Fonction"])).toEqual([
      "legalName",
      "contactLastName",
      "contactFirstName",
      "contactJobTitle",
    ]);
    expect(fields(["Nom du contact", "Prénom du contact", "Raison sociale"])).toEqual([
      "contactLastName",
      "contactFirstName",
      "legalName",
    ]);
  });

  it("reads 'Nom' as the company alone, and as the contact next to a company column", () => {
    expect(fields(["Nom", "Ville", "Effectif"])).toEqual(["legalName", "town", "headcount"]);
    expect(fields(["Nom", "Société", "Email"])).toEqual(["contactName", "legalName", "email"]);
  });

  it("maps the names readSpreadsheet gives to merged two-row headers", () => {
    const headers = ["Entreprise", "Adresse Rue", "Adresse CP", "Adresse Ville", "Contact Nom", "Contact Prénom"];
    headers.push("Contact Email", "Contact Tél", "Cotisation 2025 Montant", "Cotisation 2025 Payée le");
    expect(suggestMapping(headers)).toEqual({
      0: { field: "legalName" },
      1: { field: "addressLine" },
      2: { field: "postcode" },
      3: { field: "town" },
      4: { field: "contactLastName" },
      5: { field: "contactFirstName" },
      6: { field: "contactEmail" },
      7: { field: "contactPhone" },
      8: { field: "duesAmount", year: 2025 },
      9: { field: "duesPaidOn", year: 2025 },
    });
  });

  it("leaves a second column for the same field unassigned", () => {
    expect(fields(["Email", "Mail", "Courriel du contact"])).toEqual(["email", null, "contactEmail"]);
  });
});

describe("field list and labels", () => {
  it("labels every field in French", () => {
    expect(Object.keys(fieldLabels)).toEqual(memberImportFields);
    expect(memberImportFields).toHaveLength(32);
    for (const field of memberImportFields) expect(fieldLabels[field]).toMatch(/\S/);
    expect(fieldLabels.legalName).toBe("Raison sociale");
  });

  it("tokenizes headers without accents, articles, units and years", () => {
    expect(tokenizeHeader("CA 2024 (k€)")).toEqual({ words: ["ca"], year: 2024, multiplier: 1000 });
    expect(tokenizeHeader("N° SIRET")).toEqual({ words: ["siret"] });
    expect(tokenizeHeader("Date d’adhésion")).toEqual({ words: ["date", "adhesion"] });
  });
});
