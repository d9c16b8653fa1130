import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../lib/format";
import { keyToUtc, PARIS, parisDateKey } from "./paris";

export * from "./paris";

/** Intl formatters for events, always in Europe/Paris, in the interface language. */
export function useEventDates() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return useMemo(() => {
    const long = new Intl.DateTimeFormat(locale, {
      timeZone: PARIS,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    const medium = new Intl.DateTimeFormat(locale, {
      timeZone: PARIS,
      weekday: "short",
      day: "numeric",
      month: "short",
    });
    const mediumYear = new Intl.DateTimeFormat(locale, {
      timeZone: PARIS,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
    });
    const time = new Intl.DateTimeFormat(locale, { timeZone: PARIS, hour: "2-digit", minute: "2-digit" });
    const monthTitle = new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", year: "numeric" });
    const weekdayShort = new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short" });
    const weekdayLong = new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "long" });
    const dayMonth = new Intl.DateTimeFormat(locale, {
      timeZone: "UTC",
      weekday: "long",
      day: "numeric",
      month: "long",
    });
    const dayKeyMedium = new Intl.DateTimeFormat(locale, {
      timeZone: "UTC",
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
    });
    const currentYear = new Date().getFullYear();
    const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    return {
      locale,
      /** "jeudi 3 décembre 2026" */
      day: (iso: string) => long.format(new Date(iso)),
      /** "jeu. 3 déc." (with the year when not this year) */
      dayShort: (iso: string) =>
        (new Date(iso).getFullYear() === currentYear ? medium : mediumYear).format(new Date(iso)),
      /** "08:00" */
      time: (iso: string) => time.format(new Date(iso)),
      /** "08:00 – 10:00" */
      timeRange: (startsAt: string, endsAt: string) =>
        `${time.format(new Date(startsAt))} – ${time.format(new Date(endsAt))}`,
      /** "Jeudi 3 décembre 2026, 08:00 – 10:00" (with both days when it spans several). */
      range: (startsAt: string, endsAt: string) => {
        const sameDay = parisDateKey(startsAt) === parisDateKey(endsAt);
        return sameDay
          ? `${capital(long.format(new Date(startsAt)))}, ${time.format(new Date(startsAt))} – ${time.format(new Date(endsAt))}`
          : `${capital(long.format(new Date(startsAt)))}, ${time.format(new Date(startsAt))} – ${long.format(new Date(endsAt))}, ${time.format(new Date(endsAt))}`;
      },
      /** "2026-12" → "Décembre 2026" */
      month: (month: string) => capital(monthTitle.format(keyToUtc(`${month}-01`))),
      /** "2026-12-03" → "jeu." / "jeudi" */
      weekday: (key: string) => weekdayShort.format(keyToUtc(key)),
      weekdayLong: (key: string) => weekdayLong.format(keyToUtc(key)),
      /** "2026-12-03" → "jeudi 3 décembre" */
      dayOfKey: (key: string) => dayMonth.format(keyToUtc(key)),
      /** "2026-12-03" → "jeu. 3 déc. 2026" */
      dayKey: (key: string) => dayKeyMedium.format(keyToUtc(key)),
      dayNumber: (key: string) => Number(key.slice(8, 10)),
    };
  }, [locale]);
}
export type EventDates = ReturnType<typeof useEventDates>;
