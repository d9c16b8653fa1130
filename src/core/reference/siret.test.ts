import { describe, expect, it } from "vitest";
import {
  explainSirenError,
  explainSiretError,
  isValidSiren,
  isValidSiret,
  normalizeSiren,
  normalizeSiret,
  sirenOfSiret,
  vatNumber,
} from "./siret.js";

describe("normalizeSiren / normalizeSiret", () => {
  it("strips spaces, dots and no-break spaces", () => {
    expect(normalizeSiren("732 829 320")).toBe("732829320");
    expect(normalizeSiren("732.829.320")).toBe("732829320");
    expect(normalizeSiret("732\u00a0829\u00a0320\u202f00074")).toBe("73282932000074");
    expect(normalizeSiret(" 73282932000074 ")).toBe("73282932000074");
  });

  it("accepts a number from a spreadsheet cell", () => {
    expect(normalizeSiret(73282932000074)).toBe("73282932000074");
    expect(normalizeSiren(732829320.5)).toBeNull();
  });

  it("returns null for a wrong length, letters or nothing", () => {
    expect(normalizeSiren("73282932")).toBeNull();
    expect(normalizeSiret("7328293200007")).toBeNull();
    expect(normalizeSiret("7328293200007A")).toBeNull();
    expect(normalizeSiret("")).toBeNull();
    expect(normalizeSiret(null)).toBeNull();
    expect(normalizeSiret(undefined)).toBeNull();
  });
});

describe("isValidSiren", () => {
  it("accepts SIRENs whose Luhn key is right", () => {
    expect(isValidSiren("404833048")).toBe(true);
    expect(isValidSiren("732829320")).toBe(true);
    expect(isValidSiren("356000000")).toBe(true);
    expect(isValidSiren("732 829 320")).toBe(true);
  });

  it("refuses a wrong key or a wrong length", () => {
    expect(isValidSiren("732829321")).toBe(false);
    expect(isValidSiren("73282932000074")).toBe(false);
  });
});

describe("isValidSiret", () => {
  it("accepts a SIRET whose Luhn key is right", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("732 829 320 00074")).toBe(true);
  });

  it("refuses a wrong key", () => {
    expect(isValidSiret("73282932000075")).toBe(false);
  });

  it("accepts La Poste's head office, which passes Luhn", () => {
    expect(isValidSiret("35600000000048")).toBe(true);
  });

  it("accepts other La Poste establishments by their digit sum, not Luhn", () => {
    expect(isValidSiret("35600000049837")).toBe(true);
    expect(isValidSiret("35600000049838")).toBe(false);
  });

  it("applies the digit-sum rule to La Poste only", () => {
    // Digit sum 45 like 35600000049837, but another SIREN and a wrong Luhn key.
    expect(isValidSiret("73282932000072")).toBe(false);
  });
});

describe("sirenOfSiret", () => {
  it("takes the first nine digits", () => {
    expect(sirenOfSiret("732 829 320 00074")).toBe("732829320");
  });

  it("returns null for something that is not a SIRET", () => {
    expect(sirenOfSiret("732829320")).toBeNull();
  });
});

describe("vatNumber", () => {
  it("computes the French VAT key", () => {
    expect(vatNumber("404833048")).toBe("FR83404833048");
    expect(vatNumber("732829320")).toBe("FR44732829320");
    expect(vatNumber("732 829 320")).toBe("FR44732829320");
    expect(vatNumber("356000000")).toBe("FR39356000000");
  });

  it("pads a one-digit key", () => {
    // 404833022 mod 97 = 63, so key = (12 + 189) mod 97 = 5.
    expect(vatNumber("404833022")).toBe("FR05404833022");
  });

  it("returns null for an invalid SIREN", () => {
    expect(vatNumber("732829321")).toBeNull();
    expect(vatNumber("73282932000074")).toBeNull();
  });
});

describe("explainSiretError", () => {
  it("returns null for valid SIRETs", () => {
    expect(explainSiretError("73282932000074")).toBeNull();
    expect(explainSiretError("356 000 000 49837")).toBeNull();
  });

  it("counts the digits received", () => {
    expect(explainSiretError("732829320000")).toBe("Le SIRET doit compter 14 chiffres (12 reçus)");
  });

  it("suggests that nine digits are a SIREN", () => {
    expect(explainSiretError("732829320")).toBe(
      "Le SIRET doit compter 14 chiffres (9 reçus : c'est peut-être un SIREN)",
    );
  });

  it("names a stray character", () => {
    expect(explainSiretError("7328293200007O")).toBe(
      "Le SIRET ne doit contenir que des chiffres (caractère « O » trouvé)",
    );
  });

  it("reports a wrong check digit", () => {
    expect(explainSiretError("73282932000075")).toBe("Clé de contrôle invalide (Luhn)");
    expect(explainSiretError("35600000049838")).toBe("Clé de contrôle invalide (Luhn)");
  });

  it("reports an empty value", () => {
    expect(explainSiretError("  ")).toBe("Le SIRET est vide");
    expect(explainSiretError(null)).toBe("Le SIRET est vide");
  });
});

describe("explainSirenError", () => {
  it("explains SIREN errors the same way", () => {
    expect(explainSirenError("404833048")).toBeNull();
    expect(explainSirenError("40483304")).toBe("Le SIREN doit compter 9 chiffres (8 reçus)");
    expect(explainSirenError("404833049")).toBe("Clé de contrôle invalide (Luhn)");
  });
});
