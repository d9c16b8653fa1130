/** Interface texts of the engagement feature (fr default; en has the same keys). Wired into i18n/fr.ts and en.ts. */
export const engagementFr = {
  title: "engagement",
};

export const engagementEn: typeof engagementFr = {
  title: "engagement",
};
