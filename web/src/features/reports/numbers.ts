import type { Format } from "../../lib/format";

/** 0.734 → "73 %" (fr-FR) / "73%" (en-GB). */
export const percent = (format: Format, share: number) =>
  new Intl.NumberFormat(format.locale, { style: "percent", maximumFractionDigits: 0 }).format(share);

/** Cents → "12 500 €". */
export const eurosOfCents = (format: Format, cents: number) => format.euros(cents / 100);
