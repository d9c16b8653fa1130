/** Interface texts of the events feature (fr default; en has the same keys). Wired into i18n/fr.ts and en.ts. */
export const eventsFr = {
  title: "events",
};

export const eventsEn: typeof eventsFr = {
  title: "events",
};
