import { SimilarityIndex } from "./similarity.js";

export interface LabelledPair {
  a: string;
  b: string;
  similar: boolean;
  note?: string;
}

export interface Scores {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Each pair's score, with document frequencies taken over every text of the set (as over a cluster's needs). */
export function scorePairs(pairs: LabelledPair[]): { pair: LabelledPair; score: number }[] {
  const texts = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const index = new SimilarityIndex(texts.map((text) => ({ id: text, text })));
  return pairs.map((pair) => ({ pair, score: index.between(pair.a, pair.b) }));
}

export function scoresAt(scored: { pair: LabelledPair; score: number }[], threshold: number): Scores {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { pair, score } of scored) {
    const predicted = score >= threshold;
    if (predicted && pair.similar) truePositives++;
    else if (predicted) falsePositives++;
    else if (pair.similar) falseNegatives++;
  }
  const precision = truePositives + falsePositives ? truePositives / (truePositives + falsePositives) : 1;
  const recall = truePositives + falseNegatives ? truePositives / (truePositives + falseNegatives) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold, precision, recall, f1, truePositives, falsePositives, falseNegatives };
}

/** The threshold (in steps of 0.01) with the best F1; ties go to the higher, more precise one. */
export function bestThreshold(scored: { pair: LabelledPair; score: number }[]): Scores {
  let best = scoresAt(scored, 0);
  for (let step = 1; step <= 100; step++) {
    const candidate = scoresAt(scored, step / 100);
    if (candidate.f1 >= best.f1) best = candidate;
  }
  return best;
}
