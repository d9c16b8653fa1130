/** Interface texts of the needs feature (fr default; en has the same keys). Wired into i18n/fr.ts and en.ts. */
export const needsFr = {
  title: "needs",
};

export const needsEn: typeof needsFr = {
  title: "needs",
};
