/**
 * SIREN / SIRET checks mirroring the server (src/core/reference/siret.ts): 9 or 14 digits, spaces and dots
 * allowed, a Luhn key, and La Poste's exception (SIREN 356000000: valid when the digit sum is a multiple of 5).
 */
const SEPARATORS = /[\s.\u00a0\u202f]/g;
const LA_POSTE_SIREN = "356000000";

export const stripIdentifier = (value: string) => value.replace(SEPARATORS, "");

export function passesLuhn(digits: string): boolean {
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

const digitSum = (digits: string) => [...digits].reduce((sum, d) => sum + Number(d), 0);

export type IdentifierProblem = "digits" | "length" | "key";

export function sirenProblem(value: string): IdentifierProblem | null {
  const digits = stripIdentifier(value);
  if (!digits) return null;
  if (!/^\d+$/.test(digits)) return "digits";
  if (digits.length !== 9) return "length";
  return passesLuhn(digits) ? null : "key";
}

export function siretProblem(value: string): IdentifierProblem | null {
  const digits = stripIdentifier(value);
  if (!digits) return null;
  if (!/^\d+$/.test(digits)) return "digits";
  if (digits.length !== 14) return "length";
  const valid = passesLuhn(digits) || (digits.startsWith(LA_POSTE_SIREN) && digitSum(digits) % 5 === 0);
  return valid ? null : "key";
}

export const isValidEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
export const isIsoDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());
