import snowball from "snowball-stemmers";
import { foldText } from "../reference/text.js";
import { CONCEPTS } from "./concepts.js";
import { FRAMING_WORDS, STOP_WORDS } from "./stopwords.js";

const french = snowball.newStemmer("french");
const stemCache = new Map<string, string>();

/** Snowball French stem of one lower-case word, accents folded afterwards (the algorithm reads them). */
export function stem(word: string): string {
  let out = stemCache.get(word);
  if (out === undefined) {
    out = foldText(french.stem(word)).replace(/ /g, "");
    if (stemCache.size < 50_000) stemCache.set(word, out);
  }
  return out;
}

/** A word of the text: its folded form (for stop words and n-grams) and its stem. */
interface Word {
  folded: string;
  stem: string;
}

/** Words in reading order, stop words dropped; "l'usinage" → "usinage", "tourneurs-fraiseurs" → two words. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const lower = text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/(\d)[.,](\d)/g, "$1$2") // "4.0" is one word
    .replace(/\bsous-/g, "sous"); // "sous-traitant" is not about "traitant"
  for (const raw of lower.split(/[^\p{L}\p{N}']+/u)) {
    for (const part of raw.split("'")) {
      if (!part) continue;
      const folded = foldText(part).replace(/ /g, "");
      if (folded.length < 2 || STOP_WORDS.has(folded)) continue;
      out.push({ folded, stem: /^\d+$/.test(folded) ? folded : stem(part) });
    }
  }
  return out;
}

interface Expression {
  stems: string[];
  concept: string;
}

/** Expressions by their first stem, longest first, so "gaz à effet de serre" wins over "gaz". */
const expressions: Map<string, Expression[]> = (() => {
  const byFirst = new Map<string, Expression[]>();
  for (const [concept, phrases] of Object.entries(CONCEPTS)) {
    for (const phrase of phrases) {
      const stems = words(phrase).map((w) => w.stem);
      if (!stems.length) continue;
      const list = byFirst.get(stems[0]) ?? [];
      list.push({ stems, concept: `@${concept}` });
      byFirst.set(stems[0], list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return byFirst;
})();

/** A concept names a need's subject: it weighs more than an ordinary word. */
export const CONCEPT_WEIGHT = 2;
const FRAMING_WEIGHT = 0.5;

/** One term of a text: a stem, or a concept ("@cyber"). */
export interface Term {
  term: string;
  /** Folded word, for the character n-gram comparison; empty for concepts. */
  surface: string;
  weight: number;
}

/**
 * The terms of a need's text: a concept for each expression of the cluster's vocabulary it contains,
 * and the stems of its other content words.
 */
export function analyze(text: string): Term[] {
  const list = words(text);
  const out: Term[] = [];
  for (let i = 0; i < list.length; ) {
    const candidates = expressions.get(list[i].stem) ?? [];
    const match = candidates.find((e) => e.stems.every((s, k) => list[i + k]?.stem === s));
    if (match) {
      out.push({ term: match.concept, surface: "", weight: CONCEPT_WEIGHT });
      i += match.stems.length;
    } else {
      const { stem, folded } = list[i];
      out.push({ term: stem, surface: folded, weight: FRAMING_WORDS.has(folded) ? FRAMING_WEIGHT : 1 });
      i += 1;
    }
  }
  return out;
}
