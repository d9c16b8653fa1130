/**
 * The engagement score of a member over a window (the last 12 months): 0–100, the sum of four capped
 * components, so staff can read why a member scores what it does ("3 events × 8 = 24 of 40").
 *
 * | component | counts                                                          | points each | cap |
 * |-----------|-----------------------------------------------------------------|-------------|-----|
 * | events    | occurrences the company attended (at least one person present)  | 8           | 40  |
 * | groups    | working groups it took part in (active membership)               | 15          | 30  |
 * | needs     | common needs it posted or supported ("me too")                   | 5           | 10  |
 * | meetings  | meetings and visits (staff contacts for now; business meetings later) | 10     | 20  |
 *
 * Events weigh most because the monthly breakfast and its siblings are the cluster's heartbeat; a working
 * group is the deepest commitment, so two of them reach the cap; needs are rarer and weigh least.
 * Caps keep one very busy habit (every breakfast) from hiding the absence of everything else.
 */

export const ENGAGEMENT_COMPONENTS = ["events", "groups", "needs", "meetings"] as const;
export type EngagementComponent = (typeof ENGAGEMENT_COMPONENTS)[number];

export interface ComponentWeight {
  /** Points one unit (an event, a group…) earns. */
  perUnit: number;
  /** Points the component cannot exceed. */
  max: number;
}
export type EngagementWeights = Readonly<Record<EngagementComponent, ComponentWeight>>;

export const ENGAGEMENT_WEIGHTS: EngagementWeights = {
  events: { perUnit: 8, max: 40 },
  groups: { perUnit: 15, max: 30 },
  needs: { perUnit: 5, max: 10 },
  meetings: { perUnit: 10, max: 20 },
};

export type EngagementCounts = Record<EngagementComponent, number>;

export interface ScoredComponent {
  count: number;
  points: number;
  max: number;
}
export interface EngagementScore {
  /** 0–100, an integer: the sum of the components' points. */
  score: number;
  components: Record<EngagementComponent, ScoredComponent>;
}

/** A count that cannot be one (negative, NaN, fractional) counts as its nearest sensible value. */
const clean = (count: number) => (Number.isFinite(count) && count > 0 ? Math.floor(count) : 0);

export function engagementScore(counts: EngagementCounts, weights: EngagementWeights = ENGAGEMENT_WEIGHTS) {
  const components = {} as Record<EngagementComponent, ScoredComponent>;
  let score = 0;
  for (const key of ENGAGEMENT_COMPONENTS) {
    const count = clean(counts[key]);
    const { perUnit, max } = weights[key];
    const points = Math.min(count * perUnit, max);
    components[key] = { count, points, max };
    score += points;
  }
  const total = ENGAGEMENT_COMPONENTS.reduce((sum, key) => sum + weights[key].max, 0);
  // Weights that do not sum to 100 are scaled, so the score stays on 0–100 whatever a cluster configures.
  return { score: total === 100 ? score : Math.round((score / total) * 100), components } satisfies EngagementScore;
}
