import { describe, expect, it } from "vitest";
import { companyNameKey, foldText } from "./text.js";

describe("foldText", () => {
  it("lowers case and strips French diacritics", () => {
    expect(foldText("Saint-Étienne")).toBe("saint etienne");
    expect(foldText("ÇA GÈLE À NOËL")).toBe("ca gele a noel");
  });

  it("spells out ligatures", () => {
    expect(foldText("Cœur d'Œuvre")).toBe("coeur d oeuvre");
    expect(foldText("Lætitia")).toBe("laetitia");
  });

  it("collapses punctuation, hyphens, apostrophes and spaces into single spaces", () => {
    expect(foldText("  L'Haÿ-les-Roses  ")).toBe("l hay les roses");
    expect(foldText("Martin\u00a0&\u202fFils, S.A.S.")).toBe("martin fils s a s");
  });

  it("keeps digits", () => {
    expect(foldText("Lyon 3e Arrondissement")).toBe("lyon 3e arrondissement");
  });

  it("returns an empty string for punctuation only", () => {
    expect(foldText(" - ' . ")).toBe("");
  });
});

describe("companyNameKey", () => {
  it("gives the same key to the usual spellings of one firm", () => {
    const key = companyNameKey("Ets MARTIN & Fils SAS");
    expect(key).toBe("martinfils");
    expect(companyNameKey("Établissements Martin et fils")).toBe(key);
    expect(companyNameKey("MARTIN ET FILS (S.A.S.)")).toBe(key);
    expect(companyNameKey("Sté Martin & Fils")).toBe(key);
  });

  it("drops legal forms wherever they appear", () => {
    expect(companyNameKey("SARL Décolletage du Forez")).toBe("decolletageforez");
    expect(companyNameKey("Décolletage du Forez S.A.R.L.")).toBe("decolletageforez");
    expect(companyNameKey("Mécaplast SASU")).toBe("mecaplast");
  });

  it("ignores spacing and hyphens inside names", () => {
    expect(companyNameKey("Méca-Pro")).toBe(companyNameKey("MECAPRO"));
    expect(companyNameKey("Meca Pro")).toBe(companyNameKey("MECAPRO"));
  });

  it("keeps distinctive words such as groupe, fils and frères", () => {
    expect(companyNameKey("Groupe Martin")).not.toBe(companyNameKey("Martin"));
    expect(companyNameKey("Martin Frères")).not.toBe(companyNameKey("Martin"));
  });

  it("reads 'Ste' as Sainte when it is not the first word", () => {
    expect(companyNameKey("Fonderie Ste Barbe")).toBe("fonderiestebarbe");
  });

  it("falls back to the folded name when only noise words remain", () => {
    expect(companyNameKey("Les Établissements")).toBe("lesetablissements");
  });
});
