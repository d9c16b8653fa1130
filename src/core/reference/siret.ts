/**
 * SIREN (the company, 9 digits) and SIRET (one establishment of it, 14 digits = SIREN + 5-digit NIC).
 *
 * Both carry a Luhn check digit, except La Poste: all its establishments share SIREN 356000000, and there
 * are more of them than the NIC's Luhn space allows, so INSEE numbers them so that the digit sum is a
 * multiple of 5 instead. Its head office 35600000000048 still passes Luhn.
 *
 * Spreadsheets write these numbers with spaces ("732 829 320 00074"), dots or non-breaking spaces, so every
 * function here accepts those and works on the bare digits.
 */

const SIREN_LENGTH = 9;
const SIRET_LENGTH = 14;
const LA_POSTE_SIREN = "356000000";

/** Separators people and office software put inside identifiers: spaces, dots, (narrow) no-break spaces. */
const SEPARATORS = /[\s.\u00a0\u202f]/g;

/** Numbers come from spreadsheet cells; a fractional one keeps its dot so that it is refused, not glued. */
function stripSeparators(input: string | number): string {
  return typeof input === "number" ? String(input) : input.replace(SEPARATORS, "");
}

/** Luhn checksum: from the right, double every second digit, subtract 9 when above 9; total must be % 10. */
function passesLuhn(digits: string): boolean {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 === 0;
}

function digitSum(digits: string): number {
  let total = 0;
  for (const digit of digits) total += Number(digit);
  return total;
}

function normalizeDigits(input: string | number | null | undefined, length: number): string | null {
  if (input === null || input === undefined) return null;
  const digits = stripSeparators(input);
  return digits.length === length && /^\d+$/.test(digits) ? digits : null;
}

/** The 9 digits of a SIREN written with or without separators, or null if it is not 9 digits. Checksum not checked. */
export function normalizeSiren(input: string | number | null | undefined): string | null {
  return normalizeDigits(input, SIREN_LENGTH);
}

/** The 14 digits of a SIRET written with or without separators, or null if it is not 14 digits. Checksum not checked. */
export function normalizeSiret(input: string | number | null | undefined): string | null {
  return normalizeDigits(input, SIRET_LENGTH);
}

/** A SIREN of 9 digits (separators allowed) whose Luhn key is right. */
export function isValidSiren(input: string | number | null | undefined): boolean {
  const siren = normalizeSiren(input);
  return siren !== null && passesLuhn(siren);
}

/** A SIRET of 14 digits (separators allowed) whose Luhn key is right, or a La Poste SIRET (see module comment). */
export function isValidSiret(input: string | number | null | undefined): boolean {
  const siret = normalizeSiret(input);
  if (siret === null) return false;
  return passesLuhn(siret) || (siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0);
}

/** The SIREN (first 9 digits) of a well-formed SIRET, or null. The checksum is not checked. */
export function sirenOfSiret(input: string | number | null | undefined): string | null {
  return normalizeSiret(input)?.slice(0, SIREN_LENGTH) ?? null;
}

/**
 * The French intra-community VAT number of a company: "FR" + two-digit key + SIREN, with
 * key = (12 + 3 × (SIREN mod 97)) mod 97. Null when the SIREN is not valid, so that a typo never turns into
 * a plausible-looking VAT number on an invoice or a funding application.
 */
export function vatNumber(sirenInput: string | number | null | undefined): string | null {
  const siren = normalizeSiren(sirenInput);
  if (siren === null || !isValidSiren(siren)) return null;
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, "0")}${siren}`;
}

function explainIdentifierError(
  label: "SIREN" | "SIRET",
  expectedLength: number,
  input: string | number | null | undefined,
  isValid: (digits: string) => boolean,
): string | null {
  const digits = input === null || input === undefined ? "" : stripSeparators(input);
  if (digits === "") return `Le ${label} est vide`;
  const stray = digits.match(/\D/);
  if (stray) return `Le ${label} ne doit contenir que des chiffres (caractère « ${stray[0]} » trouvé)`;
  if (digits.length !== expectedLength) {
    const hint = label === "SIRET" && digits.length === SIREN_LENGTH ? " : c'est peut-être un SIREN" : "";
    return `Le ${label} doit compter ${expectedLength} chiffres (${digits.length} reçus${hint})`;
  }
  return isValid(digits) ? null : "Clé de contrôle invalide (Luhn)";
}

/**
 * Why a SIRET is refused, in French for the person fixing the spreadsheet, or null when it is valid.
 * Spaces, dots and no-break spaces are accepted and do not count as characters.
 */
export function explainSiretError(input: string | number | null | undefined): string | null {
  return explainIdentifierError("SIRET", SIRET_LENGTH, input, isValidSiret);
}

/** Why a SIREN is refused, in French, or null when it is valid. */
export function explainSirenError(input: string | number | null | undefined): string | null {
  return explainIdentifierError("SIREN", SIREN_LENGTH, input, isValidSiren);
}
