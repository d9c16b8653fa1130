/**
 * Text folding for matching what people type against reference data and against each other.
 *
 * Cluster spreadsheets write the same firm or town in many ways ("ÉTS MARTIN & FILS", "Ets Martin et fils",
 * "ST-ETIENNE", "Saint Étienne"), so every comparison goes through one folding step instead of ad-hoc
 * `toLowerCase()` calls scattered around the code.
 */

/** Letters that NFD does not decompose but that French names use. */
const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss" };

/**
 * Lower case, no diacritics, ligatures spelled out, every run of other characters (spaces, hyphens,
 * apostrophes, punctuation) turned into one space, trimmed.
 *
 * `foldText("L'Haÿ-les-Roses")` → `"l hay les roses"`; `foldText("Cœur  d'Œuvre")` → `"coeur d oeuvre"`.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most names are plain ASCII; skipping NFD for them makes indexing the 37,000 commune names 3 times faster.
  const unaccented = /^[\x20-\x7e]*$/.test(lower)
    ? lower
    : lower
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/[œæß]/g, (letter) => LIGATURES[letter]);
  return unaccented.replace(/[^a-z0-9]+/g, " ").trim();
}

/**
 * Legal forms and filler words that do not tell two firms apart. Dropped when building a duplicate key.
 *
 * Deliberately kept: "groupe" (a group and its subsidiary are distinct members), "fils", "freres",
 * "compagnie" (part of names such as "Compagnie des Alpes"), and words naming the trade.
 */
const NOISE_WORDS = new Set([
  // legal forms
  "sa",
  "sas",
  "sasu",
  "sarl",
  "eurl",
  "sci",
  "snc",
  "sca",
  "scop",
  "scic",
  "scp",
  "selarl",
  "selas",
  "gie",
  "ei",
  "eirl",
  // "Société", "Établissements" and their abbreviations
  "societe",
  "etablissements",
  "etablissement",
  "ets",
  "cie",
  // conjunctions and articles: "Martin & Fils" vs "Martin et Fils", "Fonderie de Lyon" vs "Fonderie Lyon"
  "et",
  "and",
  "de",
  "du",
  "des",
  "d",
  "l",
  "la",
  "le",
  "les",
]);

/** "Sté" abbreviates "Société" only as the first word; elsewhere "ste" is "Sainte". */
const LEADING_NOISE_WORDS = new Set(["ste"]);

/**
 * Key for spotting the same company entered twice (an import against existing members, two staff members
 * typing the same firm). Not an identity: the SIREN is. Two firms with the same key are only a hint shown
 * to staff.
 *
 * Words are joined without spaces so that "Méca-Pro", "MECAPRO" and "Meca Pro" collide. Dotted acronyms
 * ("S.A.R.L.") are closed up before folding so that they are recognised as legal forms. If nothing is left
 * after removing noise words (a firm literally named "Les Établissements"), the folded name is used.
 */
export function companyNameKey(name: string): string {
  const closedAcronyms = name.replace(/(?<=(?:^|[^\p{L}])\p{L})\.(?=\p{L}(?:[^\p{L}]|$))/gu, "");
  const words = foldText(closedAcronyms).split(" ").filter(Boolean);
  const kept = words.filter((word, index) => !NOISE_WORDS.has(word) && !(index === 0 && LEADING_NOISE_WORDS.has(word)));
  return (kept.length > 0 ? kept : words).join("");
}
