import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../api/types";
import { en } from "./en";
import { fr } from "./fr";

export const LOCALE_STORAGE_KEY = "grappe.locale";

export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(LOCALE_STORAGE_KEY);
    return value === "fr" || value === "en" ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale) {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for the session only.
  }
}

export const currentLocale = (): Locale => (i18n.language?.startsWith("en") ? "en" : "fr");

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLocale() ?? "fr",
  fallbackLng: "fr",
  supportedLngs: ["fr", "en"],
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;
i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});

export default i18n;

/** Translates a key built at run time (history events, field names), or returns the fallback. */
export function translateDynamic(key: string, fallback: string, options: Record<string, unknown> = {}): string {
  return i18n.exists(key) ? String(i18n.t(key as never, options as never)) : fallback;
}
