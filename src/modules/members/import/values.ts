/**
 * Parsers for the values staff type in member spreadsheets, French habits first. Each returns either a value
 * or a French error naming the bad value, so an import can list every rejected cell instead of stopping.
 * Blank cells are the caller's business (they mean "not given"); a parser handed one answers with an error.
 */
import type { MemberKind, MembershipStatus } from "../members.schema.js";

export type Parsed<T> = { value: T } | { error: string };

const EMPTY = { error: "Valeur vide." };

/** Lower case, no accents, punctuation as spaces: how labels typed by hand are compared. */
function key(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\(e\)|\(s\)/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// ---------------------------------------------------------------- numbers

/** Thousands separators seen in the wild: space, no-break space (Excel-FR), narrow no-break space, apostrophe. */
const GROUP = "[\\s\\u00a0\\u202f\\u2009'’]";
const HAS_GROUP = new RegExp(GROUP);
const GROUPS = new RegExp(GROUP, "g");
/** Grouped digits must come in threes: "12 34" is two numbers or a typo, not 1234. */
const GROUPED = new RegExp(`^\\d{1,3}(?:${GROUP}\\d{3})+(?:[.,]\\d+)?$`);
const UNITS: Record<string, number> = { k: 1e3, m: 1e6, md: 1e9, mds: 1e9, mrd: 1e9 };

/** "1 234,56", "1.234,56", "1234.56", "12 k€", "1,2 M€" → number (in euros when a k€/M€ unit is written). */
export function parseFrenchNumber(input: string): Parsed<number> {
  const shown = input.trim();
  if (!shown) return EMPTY;
  const invalid = { error: `« ${shown} » n'est pas un nombre valide.` };
  let s = shown
    .toLowerCase()
    .replace(/\u2212/g, "-") // the typographic minus Word and some exports use
    .replace(/\s*(ht|ttc)$/, "")
    .replace(/^€\s*|\s*(€|eur|euros?)$/g, "");
  let multiplier = 1;
  const unit = /\s*(k|m|md|mds|mrd)$/.exec(s);
  if (unit) {
    multiplier = UNITS[unit[1]];
    s = s.slice(0, unit.index);
  }
  const sign = s.startsWith("-") ? -1 : 1;
  s = s.replace(/^[-+]\s*/, "");
  if (HAS_GROUP.test(s)) {
    if (!GROUPED.test(s)) return invalid;
    s = s.replace(GROUPS, "");
  }
  let plain: string;
  if (/^\d*[.,]?\d+$/.test(s)) {
    // One separator is a decimal point whichever it is: "1,234" is French for 1.234, and "1.234" is how a
    // number cell of an .xlsx reaches us (see spreadsheet.ts), so neither may be read as thousands.
    plain = s.replace(",", ".");
  } else if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^\d{1,3}(\.\d{3}){2,}$/.test(s)) {
    plain = s.replace(/\./g, "").replace(",", "."); // "1.234,56", "1.234.567"
  } else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^\d{1,3}(,\d{3}){2,}$/.test(s)) {
    plain = s.replace(/,/g, ""); // "1,234.56", "1,234,567" (English exports)
  } else if (/^\d+(\.\d+)?e[+-]?\d+$/.test(s)) {
    plain = s; // exponent notation, as String() writes very large or small numbers
  } else {
    return invalid;
  }
  const value = sign * Number(plain) * multiplier;
  if (!Number.isFinite(value)) return invalid;
  return { value: Number(value.toPrecision(15)) }; // 1,2 × 1e6 must be 1200000, not 1199999.9999999998
}

// ---------------------------------------------------------------- dates

/** Month spellings, French then English (Date.toString), one "|"-group per month. */
const MONTHS: Record<string, number> = Object.fromEntries(
  (
    "janvier janv jan|fevrier fevr fev feb|mars mar|avril avr apr|mai may|juin jun|juillet juil jul|aout aug|" +
    "septembre sept sep|octobre oct|novembre nov|decembre dec"
  )
    .split("|")
    .flatMap((names, i) => names.split(" ").map((name) => [name, i + 1])),
);
/** An optional time after the date ("14:30", "à 14h30", "T00:00:00.000Z"), ignored: members' dates are days. */
const TIME = String.raw`(?:[t\s]+(?:a\s+)?\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([/-])(\d{1,2})\2(\d{1,2})${TIME}$`);
const SPELLED = /^(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})$/;
/** Date.prototype.toString(), what `${cell.value}` gives for an exceljs date: "Tue Mar 05 2024 01:00:00 GMT…". */
const JS_DATE = /^[a-z]{3} ([a-z]{3}) (\d{2}) (\d{4}) \d{2}:\d{2}:\d{2} gmt/;

export interface DateOptions {
  /**
   * The text is an XLSX number cell (`Spreadsheet.numberCells`) read for a date field, so a bare number is an
   * Excel serial date (45123 → 2023-07-16). Never for CSV text, where "45123" is not a date.
   */
  serial?: boolean;
  /** The workbook counts serials from 1904 (`Spreadsheet.date1904`). */
  date1904?: boolean;
}

/**
 * French and ISO date spellings → "YYYY-MM-DD". Also takes a cell's typed value: a number is an Excel serial,
 * a Date is the calendar day exceljs means by it (its UTC fields), so no caller has to format them first.
 */
export function parseFrenchDate(input: string | number | Date, options: DateOptions = {}): Parsed<string> {
  if (input instanceof Date) return fromDate(input);
  if (typeof input === "number") return fromSerial(String(input), options.date1904);
  const shown = input.trim();
  if (!shown) return EMPTY;
  const s = shown
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\.(?=\s)/g, "");
  if (options.serial && /^\d+(\.\d+)?$/.test(s)) return fromSerial(shown, options.date1904);
  const parts = dateParts(s);
  if (!parts) return { error: `« ${shown} » n'est pas une date reconnue (attendu : jj/mm/aaaa).` };
  const [year, month, day] = parts;
  if (year < 1900 || year > 2100) return { error: `« ${shown} » : l'année ${year} semble erronée.` };
  const exists = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!exists) return { error: `« ${shown} » n'est pas une date valide : ce jour n'existe pas.` };
  return { value: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

/** [year, month, day] of the spellings a date cell may have, or undefined. */
function dateParts(s: string): [number, number, number] | undefined {
  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) {
    const y = Number(dayFirst[4]);
    // Two-digit years follow Excel's rule: 00–29 are 2000s, 30–99 are 1900s.
    const year = dayFirst[4].length === 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
    return [year, Number(dayFirst[3]), Number(dayFirst[1])];
  }
  const yearFirst = YEAR_FIRST.exec(s);
  if (yearFirst) return [Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4])];
  const spelled = SPELLED.exec(s);
  if (spelled && MONTHS[spelled[2]]) return [Number(spelled[3]), MONTHS[spelled[2]], Number(spelled[1])];
  const js = JS_DATE.exec(s);
  if (js && MONTHS[js[1]]) return [Number(js[3]), MONTHS[js[1]], Number(js[2])];
  return undefined;
}

function fromSerial(shown: string, date1904 = false): Parsed<string> {
  const serial = Math.floor(Number(shown)); // the fraction is the time of day
  // A year typed in a date column stays a bare number: 2019 read as a serial would be 11/07/1905.
  if (/^(19|20)\d\d$/.test(shown)) {
    return { error: `« ${shown} » est une année, pas une date : indiquez le jour (jj/mm/aaaa).` };
  }
  // Excel counts 1900 as a leap year (Lotus 1-2-3's bug): serial 60 is the fictitious 29/02/1900.
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || (!date1904 && serial === 60)) {
    return { error: `« ${shown} » n'est pas une date Excel valide.` };
  }
  const base = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(base + serial * 86_400_000);
  if (date.getUTCFullYear() > 2100) return { error: `« ${shown} » n'est pas une date Excel valide.` };
  return { value: date.toISOString().slice(0, 10) };
}

/** A date cell's value: exceljs gives the wall-clock time as a UTC instant, so UTC fields are the calendar day. */
function fromDate(date: Date): Parsed<string> {
  if (Number.isNaN(date.getTime())) return { error: "« Invalid Date » n'est pas une date valide." };
  const pad = (n: number) => String(n).padStart(2, "0");
  return parseFrenchDate(`${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`);
}

// ---------------------------------------------------------------- lists

/**
 * Separators: ";", ",", "/", "|", "•", tabs and line breaks. Two exceptions keep real names whole: a comma
 * between digits ("presse 1,5 t") and a slash between capitals ("ISO/TS 16949", "MIG/MAG").
 */
const LIST_SEPARATOR = /[;|\n\r\t•]+|,(?!\d)|(?<!\d),|(?<![A-Z]{2})\/|\/(?![A-Z])/;

/** "Usinage ; tournage / fraisage" → ["Usinage", "tournage", "fraisage"], deduplicated ignoring case and accents. */
export function parseList(input: string): Parsed<string[]> {
  const seen = new Set<string>();
  const value: string[] = [];
  for (const raw of input.split(LIST_SEPARATOR)) {
    const item = raw
      .replace(/^[\s\-–*·]+/, "") // bullets of lists typed inside a cell
      .replace(/\s+/g, " ")
      .trim();
    if (item && !seen.has(key(item))) {
      seen.add(key(item));
      value.push(item);
    }
  }
  return { value };
}

// ---------------------------------------------------------------- labels

/** Finds the label whose words start the input ("ecole d ingenieurs" → "ecole"), longest label first. */
function byLabel<T>(input: string, table: Record<string, T>): T | undefined {
  const k = key(input);
  if (k in table) return table[k];
  const labels = Object.keys(table).sort((a, b) => b.length - a.length);
  const found = labels.find((label) => k.startsWith(`${label} `));
  return found === undefined ? undefined : table[found];
}

function table<T extends string>(groups: Record<T, string>): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [target, labels] of Object.entries(groups) as [T, string][]) {
    for (const label of labels.split(",")) result[key(label)] = target;
  }
  return result;
}

const statuses = table<MembershipStatus>({
  member: "adhérent,adhérente,adhérents,membre,member,oui,o,yes,y,x,actif,active,vrai,true,1,à jour,cotisant",
  prospect: "prospect,prospects,non,no,n,faux,false,0,candidat,candidate,en cours,en attente,sympathisant,pas adhérent",
  former:
    "ancien,ancienne,anciens,radié,radiée,radiation,sorti,sortie,démissionnaire,démission,ex,inactif,inactive,former," +
    "résilié,résiliée,non renouvelé",
});

/** "Adhérent", "oui", "x" → member; "prospect", "non" → prospect; "ancien", "radié", "sorti" → former. */
export function parseStatus(input: string): Parsed<MembershipStatus> {
  if (!input.trim()) return EMPTY;
  const found = byLabel(input, statuses) ?? (key(input).startsWith("non ") ? "prospect" : undefined);
  if (found) return { value: found };
  return { error: `« ${input.trim()} » n'est pas un statut reconnu (adhérent, prospect ou ancien adhérent).` };
}

const kinds = table<MemberKind>({
  company: "entreprise,société,company,tpe,pme,eti,grand groupe,groupe,industriel,start-up,startup,artisan,sas,sarl,sa",
  school:
    "école,lycée,iut,université,cfa,collège,centre de formation,organisme de formation,formation,school,university",
  lab: "laboratoire,labo,lab,centre de recherche,centre technique,institut de recherche,laboratory",
  public_body:
    "collectivité,cci,cma,chambre de commerce,chambre de métiers,organisme public,mairie,commune,communauté de " +
    "communes,communauté d'agglomération,agglomération,métropole,région,département,conseil régional," +
    "conseil départemental,préfecture,public body",
  partner: "partenaire,uimm,fédération,syndicat,association,pôle de compétitivité,cluster,réseau,club,partner",
});

/** "Entreprise" → company, "École"/"IUT" → school, "Labo" → lab, "CCI" → public_body, "UIMM" → partner. */
export function parseKind(input: string): Parsed<MemberKind> {
  if (!input.trim()) return EMPTY;
  const found = byLabel(input, kinds);
  if (found) return { value: found };
  return {
    error: `« ${input.trim()} » n'est pas un type reconnu (entreprise, école, laboratoire, collectivité ou partenaire).`,
  };
}

// ---------------------------------------------------------------- contact details

/** "www.acme.fr" → "https://www.acme.fr"; rejects what no browser could open. */
export function parseUrl(input: string): Parsed<string> {
  const shown = input.trim();
  if (!shown) return EMPTY;
  const invalid = { error: `« ${shown} » n'est pas une adresse de site web valide.` };
  if (/\s/.test(shown)) return invalid;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(shown) ? shown : `https://${shown}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return invalid;
  }
  // "contact@acme.fr" parses as a user name on a host: it is an e-mail in the wrong column.
  const hostOk = /^([a-z0-9-]+\.)+([a-z]{2,}|xn--[a-z0-9-]+)$/.test(url.hostname);
  if (!/^https?:$/.test(url.protocol) || url.username || !hostOk) return invalid;
  const path = url.pathname === "/" && !url.search && !url.hash ? "" : url.pathname;
  return { value: `${url.protocol}//${url.host}${path}${url.search}${url.hash}` };
}

const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

/** Trims, drops "mailto:" and "Nom <adresse>", lower-cases; one address per cell. */
export function parseEmail(input: string): Parsed<string> {
  const shown = input.trim();
  if (!shown) return EMPTY;
  if ((shown.match(/@/g) ?? []).length > 1) {
    return { error: `« ${shown} » contient plusieurs adresses e-mail : une seule est possible par cellule.` };
  }
  const bare = (/<([^>]+)>\s*$/.exec(shown)?.[1] ?? shown)
    .replace(/^mailto:/i, "")
    .trim()
    .toLowerCase();
  if (!EMAIL.test(bare)) return { error: `« ${shown} » n'est pas une adresse e-mail valide.` };
  return { value: bare };
}

/** French numbers → "+33 4 77 12 34 56"; numbers of other countries are kept as written, in "+" form. */
export function parsePhone(input: string): Parsed<string> {
  const shown = input.trim();
  if (!shown) return EMPTY;
  const compact = shown.replace(/\(0\)/g, "").replace(/[\s.\-()\u00a0\u202f]/g, "");
  if ((compact.match(/\d/g) ?? []).length > 13 && /[;,/]/.test(compact)) {
    return { error: `« ${shown} » contient plusieurs numéros : un seul est possible par cellule.` };
  }
  let national: string | undefined;
  if (/^(\+33|0033|33)[1-9]\d{8}$/.test(compact)) national = compact.slice(-9);
  else if (/^0[1-9]\d{8}$/.test(compact)) national = compact.slice(1);
  // A phone typed into a number cell loses its leading zero: 477123456 is 04 77 12 34 56.
  else if (/^[1-9]\d{8}$/.test(compact)) national = compact;
  if (national) {
    const pairs = national.slice(1).match(/\d{2}/g) ?? [];
    return { value: `+33 ${national[0]} ${pairs.join(" ")}` };
  }
  // Other countries (a Swiss or Italian partner) are kept as written; "+33" here is a French number cut short, and
  // "00" plus 8 digits is a mistyped French number (0077123456) far more often than a foreign one.
  if (/^\+(?!33)[1-9]\d{7,14}$/.test(compact) || /^00(?!33)[1-9]\d{8,13}$/.test(compact)) {
    return {
      value: shown
        .replace(/^00/, "+")
        .replace(/[.\-\u00a0\u202f]/g, " ")
        .replace(/\s+/g, " "),
    };
  }
  return { error: `« ${shown} » n'est pas un numéro de téléphone valide.` };
}
