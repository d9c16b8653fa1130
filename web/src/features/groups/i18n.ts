/** Interface texts of the groups feature (fr default; en has the same keys). Wired into i18n/fr.ts and en.ts. */
export const groupsFr = {
  title: "groups",
};

export const groupsEn: typeof groupsFr = {
  title: "groups",
};
