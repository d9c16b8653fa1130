import { useMemo } from "react";
import { useTranslation } from "react-i18next";

export const intlLocale = (language: string) => (language.startsWith("en") ? "en-GB" : "fr-FR");

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Intl formatters for the current interface language (fr-FR by default, en-GB in English). */
export function makeFormat(locale: string) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const euros = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const eurosCents = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", minimumFractionDigits: 2 });
  const compactEuros = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const km = new Intl.NumberFormat(locale, { style: "unit", unit: "kilometer", maximumFractionDigits: 0 });
  return {
    locale,
    number: (value: number) => integer.format(value),
    decimal: (value: number) => decimal.format(value),
    euros: (value: number) => euros.format(value),
    compactEuros: (value: number) => compactEuros.format(value),
    cents: (cents: number) => eurosCents.format(cents / 100),
    /** "2024-03-01" (a calendar date) or an ISO timestamp. */
    date: (value: string | null | undefined) => {
      if (!value) return "";
      const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
      return Number.isNaN(date.getTime()) ? value : day.format(date);
    },
    dateTime: (value: string) => {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : dayTime.format(date);
    },
    km: (value: number) => km.format(value),
    /** 95 → "1 h 35" (fr) / "1 h 35" (en), 40 → "40 min". */
    duration: (minutes: number) => {
      const rounded = Math.round(minutes);
      if (rounded < 60) return `${rounded} min`;
      const h = Math.floor(rounded / 60);
      const m = rounded % 60;
      return m ? `${h} h ${String(m).padStart(2, "0")}` : `${h} h`;
    },
  };
}
export type Format = ReturnType<typeof makeFormat>;

export function useFormat(): Format {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormat(intlLocale(i18n.language)), [i18n.language]);
}

/** "123456789" → "123 456 789"; "12345678900012" → "123 456 789 00012"; anything else as is. */
export function formatSirenOrSiret(value: string | null | undefined): string {
  if (!value) return "";
  const digits = value.replace(/\D/g, "");
  if (digits.length === 9) return digits.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");
  if (digits.length === 14) return digits.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4");
  return value;
}

export const personName = (p: { firstName: string | null; lastName: string | null }) =>
  [p.firstName, p.lastName].filter(Boolean).join(" ");
