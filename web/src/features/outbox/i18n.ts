/** Interface texts of the outbox feature (fr default; en has the same keys). Wired into i18n/fr.ts and en.ts. */
export const outboxFr = {
  title: "outbox",
};

export const outboxEn: typeof outboxFr = {
  title: "outbox",
};
