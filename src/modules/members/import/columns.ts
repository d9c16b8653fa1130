/**
 * The member fields an import can fill, and the guess of which spreadsheet column fills which. Headers are
 * matched the way staff write them (French or English, any case, with or without accents, "N°", units, years);
 * the guess is only a suggestion the UI shows for confirmation, so it favours "no match" over a wrong match.
 */

/** Labels shown in the mapping preview. */
export const fieldLabels = {
  legalName: "Raison sociale",
  tradeName: "Nom commercial (enseigne)",
  siren: "SIREN",
  siret: "SIRET",
  nafCode: "Code NAF (APE)",
  headcount: "Effectif",
  turnoverEur: "Chiffre d'affaires (€)",
  addressLine: "Adresse",
  postcode: "Code postal",
  town: "Ville",
  communeInsee: "Code INSEE de la commune",
  website: "Site web",
  email: "E-mail",
  phone: "Téléphone",
  description: "Présentation de l'activité",
  trades: "Métiers",
  certifications: "Certifications",
  equipment: "Équipements",
  status: "Statut d'adhésion",
  joinedOn: "Date d'adhésion",
  leftOn: "Date de sortie",
  leaveReason: "Motif de sortie",
  duesAmount: "Montant de la cotisation (€)",
  duesPaidOn: "Cotisation payée le",
  sponsorName: "Parrain",
  kind: "Type de structure",
  contactName: "Contact (nom complet)",
  contactFirstName: "Prénom du contact",
  contactLastName: "Nom du contact",
  contactJobTitle: "Fonction du contact",
  contactEmail: "E-mail du contact",
  contactPhone: "Téléphone du contact",
} as const;

export type MemberImportField = keyof typeof fieldLabels;
export const memberImportFields = Object.keys(fieldLabels) as MemberImportField[];

export interface ColumnMapping {
  field: MemberImportField;
  /** Money columns in k€ or M€: multiply the parsed amount by this to get euros. */
  multiplier?: number;
  /** Dues columns per year ("Cotisation 2025"): the year they are for. */
  year?: number;
}

/** "Nom" alone: the company in a company list, the person's surname when a "Prénom" column exists. */
const NAME = "name?";
type Match = MemberImportField | typeof NAME;

/** Headers as staff write them, "|"-separated; compared after tokenizeHeader, so case and accents do not matter. */
const synonyms: Record<MemberImportField, string> = {
  legalName:
    "Raison sociale|Entreprise|Société|Nom de l'entreprise|Nom de la société|Dénomination|Dénomination sociale|Structure|Organisme|Établissement|Company|Company name|Legal name",
  tradeName: "Enseigne|Nom commercial|Marque|Trade name|Brand",
  siren: "SIREN|N° SIREN|Numéro SIREN",
  siret: "SIRET|N° SIRET|Numéro SIRET|SIRET du siège",
  nafCode: "Code NAF|NAF|APE|Code APE|NAF/APE|Code NAF/APE|NAF code",
  headcount: "Effectif|Effectifs|Salariés|Nb salariés|Nombre de salariés|Effectif salarié|Employees|Headcount|Staff",
  turnoverEur: "CA|Chiffre d'affaires|CA annuel|Turnover|Revenue|Sales",
  addressLine: "Adresse|Rue|Adresse postale|Voie|Address|Street",
  postcode: "CP|Code postal|Postcode|Postal code|Zip|Zip code",
  town: "Ville|Commune|Localité|City|Town",
  communeInsee: "Code INSEE|INSEE|Code commune|Code commune INSEE",
  website: "Site web|Site internet|URL|Web|Internet|Website",
  email: "Email|E-mail|Mail|Courriel|Mél|Adresse email|Adresse e-mail|Adresse mail",
  phone: "Téléphone|Tél|Tel|Phone|Standard|Tél standard|Numéro de téléphone|Portable|Mobile",
  description: "Activité|Description|Présentation|Descriptif|Activité principale",
  trades: "Métiers|Savoir-faire|Activités|Compétences|Trades|Skills",
  certifications: "Certifications|Certification|Qualité|Labels",
  equipment: "Équipements|Equipement|Parc machines|Parc machine|Moyens|Moyens de production|Equipment",
  status: "Statut|Adhérent|Statut adhérent|Statut d'adhésion|Membre|Status",
  joinedOn: "Date d'adhésion|Adhésion|Adhérent depuis|Membre depuis|Date d'entrée|Joined",
  leftOn: "Date de sortie|Sortie|Date de radiation|Date de démission",
  leaveReason: "Motif de sortie|Motif|Raison de la sortie|Motif de radiation",
  duesAmount: "Cotisation|Montant cotisation|Montant de la cotisation|Cotisation montant|Dues",
  duesPaidOn: "Payée le|Payé le|Date de paiement|Date de règlement|Réglée le|Cotisation payée le",
  sponsorName: "Parrain|Marraine|Parrain/marraine|Nom du parrain|Sponsor",
  kind: "Type|Type de structure|Catégorie|Type d'adhérent|Kind",
  contactName: "Contact|Dirigeant|Nom et prénom|Prénom et nom|Nom prénom|Prénom nom|Nom complet|Interlocuteur|Gérant",
  contactFirstName: "Prénom|First name",
  contactLastName: "Last name|Surname",
  contactJobTitle: "Fonction|Poste|Titre|Job title",
  contactEmail: "Email contact|Email du contact",
  contactPhone: "Tél contact|Téléphone du contact",
};

const wordSet = (list: string) => new Set(list.split(" "));
const YEAR = /^(19|20)\d{2}$/;
const THOUSANDS = wordSet("k keur keuros milliers kilo");
const MILLIONS = wordSet("m meur meuros millions");
/** Words that qualify but never identify a column: articles, "N°", currency, taxes. */
const NOISE = wordSet("de du des d la le les l en n no num numero the of eur euro euros ht ttc");
/** Words saying the column is about the contact person rather than the company. */
const PERSON = wordSet("contact contacts dirigeant dirigeante interlocuteur referent gerant");
/** Upper labels of merged two-row headers ("Adresse" over "Rue | CP | Ville" gives "Adresse CP"). */
const GROUPS = wordSet("adresse coordonnees siege localisation cotisation identite entreprise societe chiffres cles");
/** Words too vague to map a longer header by themselves ("Statut juridique" is not the membership status). */
const VAGUE = wordSet(
  "nom type statut adresse ca activite qualite motif adhesion sortie membre standard web internet titre poste structure moyens mobile",
);

interface Tokens {
  words: string[];
  year?: number;
  multiplier?: number;
}

/** Lower case, no accents, units and years taken out, articles dropped: "CA 2024 (k€)" → ["ca"], 1000, 2024. */
export function tokenizeHeader(header: string): Tokens {
  const plain = header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/€/g, " eur ")
    .replace(/[^a-z0-9]+/g, " ");
  const result: Tokens = { words: [] };
  for (const word of plain.split(" ").filter(Boolean)) {
    if (YEAR.test(word)) result.year = Number(word);
    else if (THOUSANDS.has(word)) result.multiplier = 1000;
    else if (MILLIONS.has(word)) result.multiplier = 1_000_000;
    else if (!NOISE.has(word)) result.words.push(word);
  }
  return result;
}

const exact = new Map<string, Match>([["nom", NAME]]);
for (const field of memberImportFields) {
  for (const s of synonyms[field].split("|")) exact.set(tokenizeHeader(s).words.join(" "), field);
}

const lookup = (words: string[]) => exact.get(words.join(" "));

/** What a field means once said of the contact person ("Email du contact" → contactEmail); the rest don't apply. */
const ofPerson: Partial<Record<Match, Match | "nameOfPerson">> = {
  [NAME]: "nameOfPerson",
  email: "contactEmail",
  phone: "contactPhone",
  contactName: "contactName",
  contactFirstName: "contactFirstName",
  contactLastName: "contactLastName",
  contactJobTitle: "contactJobTitle",
  contactEmail: "contactEmail",
  contactPhone: "contactPhone",
};

function matchWords(words: string[]): Match | "nameOfPerson" | undefined {
  if (words.length === 0) return undefined;
  const whole = lookup(words);
  if (whole) return whole;
  const person = words.filter((w) => PERSON.has(w));
  if (person.length > 0) {
    const rest = words.filter((w) => !PERSON.has(w));
    // A header naming the person decides here: "Date du premier contact" must not fall back to "contact".
    const said = lookup(rest);
    return rest.length === 0 ? "contactName" : said && ofPerson[said];
  }
  if (GROUPS.has(words[0])) {
    const rest = lookup(words.slice(1));
    if (rest) return rest;
  }
  // French puts the head noun first ("Téléphone standard", "Code NAF rév. 2"): try the longest left spans first.
  for (let len = words.length - 1; len >= 1; len--) {
    for (let start = 0; start + len <= words.length; start++) {
      const span = words.slice(start, start + len);
      if (len === 1 && VAGUE.has(span[0])) continue;
      const found = lookup(span);
      if (found) return found;
    }
  }
  return undefined;
}

export function suggestMapping(headers: string[]): Record<number, ColumnMapping | null> {
  const tokens = headers.map(tokenizeHeader);
  const matches = tokens.map((t) => matchWords(t.words));
  const hasFirstName = matches.includes("contactFirstName");
  const hasCompany = matches.includes("legalName");
  const result: Record<number, ColumnMapping | null> = {};
  const taken = new Set<string>();
  matches.forEach((match, i) => {
    let field: MemberImportField | undefined;
    if (match === NAME) field = hasFirstName ? "contactLastName" : hasCompany ? "contactName" : "legalName";
    else if (match === "nameOfPerson") field = hasFirstName ? "contactLastName" : "contactName";
    else field = match;
    const { year, multiplier } = tokens[i];
    const mapping: ColumnMapping | null = field ? { field } : null;
    if (mapping && multiplier && (field === "turnoverEur" || field === "duesAmount")) mapping.multiplier = multiplier;
    if (mapping && year && (field === "duesAmount" || field === "duesPaidOn")) mapping.year = year;
    // One column per field (per year for dues): a second "Email" is left for staff to assign.
    const key = mapping ? `${mapping.field}:${mapping.year ?? ""}` : "";
    result[i] = mapping && !taken.has(key) ? mapping : null;
    if (mapping) taken.add(key);
  });
  return result;
}
