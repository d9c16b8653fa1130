import { analyze, type Term } from "./analyze.js";

/**
 * How alike two needs are, from 0 to 1: a TF-IDF cosine over stems and vocabulary concepts
 * (analyze.ts), where a word with no exact counterpart may still meet a close spelling of it
 * ("énergie" / "énergétique", "cybersécurité" / "cyber-sécurité") through character trigrams.
 *
 * Chosen on src/core/similarity/fixtures/needs-pairs.json: `npm run bench:similarity` prints the
 * precision and recall behind this threshold and the best threshold on that set.
 */
export const SIMILARITY_THRESHOLD = 0.5;

/** A close spelling counts when its trigrams overlap this much (Dice), at this fraction of an exact match. */
const FUZZY_MIN_DICE = 0.6;
const FUZZY_WEIGHT = 0.8;

interface Vector {
  /** term → TF-IDF weight */
  weights: Map<string, number>;
  /** term → folded word, for terms that came from a word */
  surfaces: Map<string, string>;
  norm: number;
}

const trigramCache = new Map<string, Set<string>>();
function trigrams(word: string): Set<string> {
  let grams = trigramCache.get(word);
  if (!grams) {
    const padded = `#${word}#`;
    grams = new Set<string>();
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
    if (trigramCache.size < 50_000) trigramCache.set(word, grams);
  }
  return grams;
}

/** Dice coefficient of two words' character trigrams. */
export function trigramDice(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  let common = 0;
  for (const g of ga) if (gb.has(g)) common++;
  return (2 * common) / (ga.size + gb.size);
}

function termSimilarity(a: string, b: string, surfaceA?: string, surfaceB?: string): number {
  if (a === b) return 1;
  if (!surfaceA || !surfaceB) return 0; // concepts match exactly or not at all
  const dice = trigramDice(surfaceA, surfaceB);
  return dice >= FUZZY_MIN_DICE ? dice * FUZZY_WEIGHT : 0;
}

function softDot(a: Vector, b: Vector): number {
  let sum = 0;
  for (const [ta, wa] of a.weights) {
    const exact = b.weights.get(ta);
    if (exact !== undefined) {
      sum += wa * exact;
      continue;
    }
    const sa = a.surfaces.get(ta);
    if (!sa) continue;
    let best = 0;
    let bestWeight = 0;
    for (const [tb, wb] of b.weights) {
      if (a.weights.has(tb)) continue; // already counted as an exact match of another term
      const s = termSimilarity(ta, tb, sa, b.surfaces.get(tb));
      if (s * wb > best * bestWeight) {
        best = s;
        bestWeight = wb;
      }
    }
    sum += wa * bestWeight * best;
  }
  return sum;
}

/**
 * The needs of a cluster, ready to be compared with a text being typed or with each other.
 * Document frequencies come from the needs themselves: a word every need uses weighs little.
 */
export class SimilarityIndex<Id = string> {
  private readonly documentFrequency = new Map<string, number>();
  private readonly vectors = new Map<Id, Vector>();
  private readonly size: number;

  constructor(documents: Iterable<{ id: Id; text: string }>) {
    const analysed: { id: Id; terms: Term[] }[] = [];
    for (const doc of documents) {
      const terms = analyze(doc.text);
      analysed.push({ id: doc.id, terms });
      for (const term of new Set(terms.map((t) => t.term)))
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.size = analysed.length;
    for (const doc of analysed) this.vectors.set(doc.id, this.vectorOf(doc.terms));
  }

  private idf(term: string): number {
    return Math.log(1 + (this.size + 1) / ((this.documentFrequency.get(term) ?? 0) + 1));
  }

  private vectorOf(terms: Term[]): Vector {
    const counts = new Map<string, number>();
    const boosts = new Map<string, number>();
    const surfaces = new Map<string, string>();
    for (const t of terms) {
      counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
      boosts.set(t.term, Math.max(boosts.get(t.term) ?? 0, t.weight));
      if (t.surface && !surfaces.has(t.term)) surfaces.set(t.term, t.surface);
    }
    const weights = new Map<string, number>();
    for (const [term, count] of counts)
      weights.set(term, (1 + Math.log(count)) * this.idf(term) * (boosts.get(term) ?? 1));
    const vector: Vector = { weights, surfaces, norm: 0 };
    vector.norm = Math.sqrt(softDot(vector, vector));
    return vector;
  }

  private cosine(a: Vector, b: Vector): number {
    if (!a.norm || !b.norm) return 0;
    // Averaged both ways: the fuzzy matching looks for the best counterpart of each side's words.
    const dot = (softDot(a, b) + softDot(b, a)) / 2;
    return Math.min(1, dot / (a.norm * b.norm));
  }

  /** Similarity of two indexed needs. */
  between(a: Id, b: Id): number {
    const va = this.vectors.get(a);
    const vb = this.vectors.get(b);
    return va && vb ? this.cosine(va, vb) : 0;
  }

  /** Similarity of any two texts, weighted by this index's document frequencies. */
  compare(a: string, b: string): number {
    return this.cosine(this.vectorOf(analyze(a)), this.vectorOf(analyze(b)));
  }

  /** The indexed needs most like `text`, best first, at or above the threshold. */
  search(text: string, options: { limit?: number; threshold?: number; exclude?: Id } = {}) {
    const query = this.vectorOf(analyze(text));
    const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
    const hits: { id: Id; score: number }[] = [];
    for (const [id, vector] of this.vectors) {
      if (id === options.exclude) continue;
      const score = this.cosine(query, vector);
      if (score >= threshold) hits.push({ id, score });
    }
    return hits.sort((x, y) => y.score - x.score).slice(0, options.limit ?? 5);
  }
}
