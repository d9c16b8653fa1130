import { type Commune, communeRegister, readEtalab } from "./communeRegister.js";
import { foldText } from "./text.js";

/**
 * French communes as cluster spreadsheets and forms give them: by INSEE code, by postcode and name written
 * any way, or by the first letters typed in a picker. The data and how its two sources are joined are in
 * `communeRegister.ts`.
 */

export type { Commune };
export type CommuneLookup = { commune: Commune } | { error: string };

/**
 * Key for matching a commune name however a spreadsheet writes it: folded (accents, case, hyphens), La Poste's
 * "CHAMBON FEUGEROLLES (LE)" and "CHALON S/ SAONE" spelled out, "Cedex n" dropped, "St"/"Ste" read as Saint(e).
 * `expandLastWord` is off while the user is still typing the last word ("st" may become "Strasbourg").
 */
export function communeNameKey(name: string, expandLastWord = true): string {
  let spelledOut = name;
  if (spelledOut.includes("(")) spelledOut = spelledOut.trim().replace(/^(.*?)\s*\((les?|la|l')\)$/i, "$2 $1");
  if (spelledOut.includes("/")) spelledOut = spelledOut.replace(/\bs\/\s*/gi, "sur ");
  const folded = foldText(spelledOut).replace(/ cedex( \d+)?$/, "");
  const abbreviation = expandLastWord ? /\bst(e?)\b/g : /\bst(e?)(?= )/g;
  return folded.replace(abbreviation, (_, feminine: string) => (feminine ? "sainte" : "saint"));
}

/** What lookups by name need; built on the first name lookup, since folding 37,000 names is the slow part. */
interface CommuneNames {
  byName: Map<string, Commune[]>;
  byFormerName: Map<string, Commune[]>;
  /** Every name key of a commune, current first, for partial matches among the communes of a postcode. */
  keysOf: Map<Commune, string[]>;
  /** Biggest population first, each with its name key, for autocomplete. */
  byPopulation: { commune: Commune; nameKey: string }[];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexNames(): CommuneNames {
  const register = communeRegister();
  const names: CommuneNames = { byName: new Map(), byFormerName: new Map(), keysOf: new Map(), byPopulation: [] };
  for (const commune of register.byInsee.values()) {
    const nameKey = communeNameKey(commune.name);
    pushTo(names.byName, nameKey, commune);
    pushTo(names.keysOf, commune, nameKey);
    names.byPopulation.push({ commune, nameKey });
  }
  for (const { name, commune } of register.otherNames) {
    const nameKey = communeNameKey(name);
    pushTo(names.byFormerName, nameKey, commune);
    pushTo(names.keysOf, commune, nameKey);
  }
  names.byPopulation.sort((a, b) => (b.commune.population ?? 0) - (a.commune.population ?? 0));
  return names;
}

let loadedNames: CommuneNames | undefined;
function communeNames(): CommuneNames {
  loadedNames ??= indexNames();
  return loadedNames;
}

/** "1400" → "01400": spreadsheets store postcodes and INSEE codes as numbers and drop the leading zero. */
function restoreLeadingZero(code: string): string {
  const compact = code.replace(/\s/g, "").toUpperCase();
  return /^\d{4}$/.test(compact) ? `0${compact}` : compact;
}

/** The commune with this current INSEE code (as stored on a member), or undefined. */
export function getCommune(insee: string): Commune | undefined {
  return communeRegister().byInsee.get(insee.trim().toUpperCase());
}

/** Communes served by a postcode (several for most rural postcodes), in the list's order. */
export function communesByPostcode(postcode: string): Commune[] {
  return [...(communeRegister().byPostcode.get(restoreLeadingZero(postcode)) ?? [])];
}

/** Department codes a postcode can belong to, to place a Cedex or out-of-list postcode. */
function departmentsOfPostcode(postcode: string): string[] {
  if (postcode.startsWith("20")) return ["2A", "2B"];
  return [postcode.slice(0, postcode.startsWith("97") || postcode.startsWith("98") ? 3 : 2)];
}

function unique(candidates: Commune[]): Commune | undefined {
  const distinct = [...new Set(candidates)];
  return distinct.length === 1 ? distinct[0] : undefined;
}

/** Words that say nothing about which commune is meant: "Saint" or "sur" alone must not pick one. */
const FILLER_WORDS = new Set("le la les l saint sainte sur sous en de du des d et aux au lez".split(" "));

/**
 * Communes among `candidates` that one of whose names (current, delegated, former) holds the typed name as whole
 * words: "Grigny" in "Grigny-sur-Rhône", "Oissel" in "Oissel-sur-Seine", "Chambon" in "Le Chambon-Feugerolles".
 * Nothing when the typed name is only filler words.
 */
function partialMatches(key: string, candidates: readonly Commune[]): Commune[] {
  if (!key.split(" ").some((word) => word.length >= 3 && !FILLER_WORDS.has(word))) return [];
  const keysOf = communeNames().keysOf;
  return candidates.filter((commune) =>
    (keysOf.get(commune) ?? []).some((nameKey) => ` ${nameKey} `.includes(` ${key} `)),
  );
}

/** "A, B et C" (at most `max` names, then "…"), for error messages. */
function listNames(communes: readonly Commune[], max = 5): string {
  const names = communes.slice(0, max).map((commune) => commune.name);
  if (communes.length > max) return `${names.join(", ")}…`;
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} et ${names.at(-1)}` : (names[0] ?? "");
}

/**
 * The commune a spreadsheet row or a form means, from what it gives:
 * - an INSEE code, current or not (former codes, delegated communes and the arrondissements of Paris, Lyon and
 *   Marseille, which SIRENE uses, resolve to today's commune);
 * - or a postcode and a name (matched with `communeNameKey`; a Cedex postcode falls back to the department),
 *   current or former (renamed or merged communes: "Cransac" 12110 is Cransac-les-Thermes), else, when exactly one
 *   of the postcode's communes bears it as whole words, the short name ("Grigny" 69520 is Grigny-sur-Rhône);
 * - or a name alone when only one commune bears it, or a postcode alone when it serves one commune.
 * The error is French, for the person fixing the row.
 */
export function findCommune(query: { insee?: string; postcode?: string; name?: string }): CommuneLookup {
  const register = communeRegister();
  const insee = query.insee?.trim() ? restoreLeadingZero(query.insee) : undefined;
  const postcode = query.postcode?.trim() ? restoreLeadingZero(query.postcode) : undefined;
  const name = query.name?.trim() || undefined;

  if (insee) {
    const commune = register.byInsee.get(insee) ?? register.byInsee.get(register.currentCodeOf.get(insee) ?? "");
    return commune ? { commune } : { error: `Code commune INSEE inconnu : ${insee}` };
  }
  if (postcode && !/^\d{5}$/.test(postcode)) return { error: `Code postal invalide : ${query.postcode?.trim()}` };

  if (name) {
    const key = communeNameKey(name);
    const named = communeNames().byName.get(key) ?? [];
    const formerlyNamed = communeNames().byFormerName.get(key) ?? [];
    if (!postcode) {
      const commune = unique(named) ?? (named.length === 0 ? unique(formerlyNamed) : undefined);
      if (commune) return { commune };
      return named.length > 1
        ? { error: `Commune ambiguë : ${named.length} communes s'appellent ${name}, précisez le code postal` }
        : { error: `Commune inconnue : ${name}` };
    }
    const servedBy = (candidates: Commune[]) => candidates.filter((c) => c.postcodes.includes(postcode));
    const inDepartments = departmentsOfPostcode(postcode);
    const inDepartment = (candidates: Commune[]) => candidates.filter((c) => inDepartments.includes(c.department));
    const commune =
      unique(servedBy(named)) ??
      unique(servedBy(formerlyNamed)) ??
      unique(inDepartment(named)) ??
      unique(inDepartment(formerlyNamed));
    if (commune) return { commune };
    // Not an exact name: the short or former name of one of the postcode's communes ("Grigny" 69520 for
    // Grigny-sur-Rhône), or, for a Cedex postcode that serves no commune, of one of its department's.
    const served = register.byPostcode.get(postcode) ?? [];
    const pool = served.length
      ? served
      : [...register.byInsee.values()].filter((c) => inDepartments.includes(c.department));
    const partial = [...new Set(partialMatches(key, pool))];
    if (partial.length === 1) return { commune: partial[0] };
    if (partial.length > 1) {
      return { error: `Commune ambiguë : ${name} (${postcode}) peut désigner ${listNames(partial)}, précisez le nom` };
    }
    return {
      error: served.length
        ? `Commune inconnue : ${name} (${postcode}) ; ce code postal dessert ${listNames(served)}`
        : `Commune inconnue : ${name} (${postcode})`,
    };
  }

  if (postcode) {
    const served = register.byPostcode.get(postcode) ?? [];
    if (served.length === 1) return { commune: served[0] };
    return served.length > 1
      ? { error: `Code postal ${postcode} : plusieurs communes, précisez la commune` }
      : { error: `Code postal inconnu : ${postcode}` };
  }
  return { error: "Commune non renseignée" };
}

/**
 * Autocomplete: communes whose name starts with the text typed (accent-, case- and "St"-insensitive), or,
 * when it starts with a digit, one of whose postcodes starts with it. Biggest population first, since the
 * big town is the likely one among namesakes.
 */
export function searchCommunes(prefix: string, limit = 10): Commune[] {
  const typed = prefix.trim();
  if (foldText(typed) === "" || limit <= 0) return [];
  const matches: (entry: { commune: Commune; nameKey: string }) => boolean = /^\d/.test(typed)
    ? ({ commune }) => commune.postcodes.some((postcode) => postcode.startsWith(typed))
    : (() => {
        const asTyped = communeNameKey(typed, false);
        const expanded = communeNameKey(typed);
        return ({ nameKey }) => nameKey.startsWith(asTyped) || nameKey.startsWith(expanded);
      })();
  const found: Commune[] = [];
  for (const entry of communeNames().byPopulation) {
    if (!matches(entry)) continue;
    found.push(entry.commune);
    if (found.length >= limit) break;
  }
  return found;
}

let departmentNames: Map<string, string> | undefined;

/** "42" → "Loire"; also "2a", "1" or "974". Undefined for an unknown code. Does not load the communes. */
export function departmentName(code: string): string | undefined {
  departmentNames ??= new Map(
    readEtalab<{ code: string; nom: string }[]>("departements.json").map((department) => [
      department.code,
      department.nom,
    ]),
  );
  const normalized = code.trim().toUpperCase();
  return departmentNames.get(/^\d$/.test(normalized) ? `0${normalized}` : normalized);
}
