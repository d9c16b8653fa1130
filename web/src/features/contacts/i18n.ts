/** Interface texts of the contacts feature (fr default; en has the same keys). Wired into i18n/fr.ts and en.ts. */
export const contactsFr = {
  title: "contacts",
};

export const contactsEn: typeof contactsFr = {
  title: "contacts",
};
