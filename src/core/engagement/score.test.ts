import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENGAGEMENT_COMPONENTS, ENGAGEMENT_WEIGHTS, engagementScore } from "./score.js";

const none = { events: 0, groups: 0, needs: 0, meetings: 0 };
const counts = fc.record({
  events: fc.integer({ min: 0, max: 60 }),
  groups: fc.integer({ min: 0, max: 10 }),
  needs: fc.integer({ min: 0, max: 20 }),
  meetings: fc.integer({ min: 0, max: 20 }),
});

describe("engagement score", () => {
  it("weights sum to 100", () => {
    expect(ENGAGEMENT_COMPONENTS.reduce((sum, key) => sum + ENGAGEMENT_WEIGHTS[key].max, 0)).toBe(100);
  });

  it("is 0 for a member that did nothing", () => {
    const result = engagementScore(none);
    expect(result.score).toBe(0);
    expect(result.components.events).toEqual({ count: 0, points: 0, max: 40 });
  });

  it("adds points per unit, each component capped", () => {
    const result = engagementScore({ events: 3, groups: 1, needs: 1, meetings: 1 });
    expect(result.components).toEqual({
      events: { count: 3, points: 24, max: 40 },
      groups: { count: 1, points: 15, max: 30 },
      needs: { count: 1, points: 5, max: 10 },
      meetings: { count: 1, points: 10, max: 20 },
    });
    expect(result.score).toBe(54);
    expect(engagementScore({ ...none, events: 11 }).components.events).toEqual({ count: 11, points: 40, max: 40 });
    expect(engagementScore({ ...none, events: 11 }).score).toBe(40);
  });

  it("reaches 100 when every component is at its cap", () => {
    expect(engagementScore({ events: 5, groups: 2, needs: 2, meetings: 2 }).score).toBe(100);
    expect(engagementScore({ events: 12, groups: 4, needs: 9, meetings: 7 }).score).toBe(100);
  });

  it("treats impossible counts as nothing or their whole part", () => {
    expect(engagementScore({ events: -3, groups: Number.NaN, needs: Number.POSITIVE_INFINITY, meetings: 1.7 })).toEqual(
      {
        score: 10,
        components: {
          events: { count: 0, points: 0, max: 40 },
          groups: { count: 0, points: 0, max: 30 },
          needs: { count: 0, points: 0, max: 10 },
          meetings: { count: 1, points: 10, max: 20 },
        },
      },
    );
  });

  it("scales weights that do not sum to 100", () => {
    const weights = {
      events: { perUnit: 1, max: 10 },
      groups: { perUnit: 1, max: 10 },
      needs: { perUnit: 1, max: 10 },
      meetings: { perUnit: 1, max: 20 },
    };
    expect(engagementScore({ events: 10, groups: 10, needs: 10, meetings: 20 }, weights).score).toBe(100);
    expect(engagementScore({ ...none, meetings: 5 }, weights).score).toBe(10);
  });

  it("is an integer in 0–100, the sum of its components", () => {
    fc.assert(
      fc.property(counts, (c) => {
        const { score, components } = engagementScore(c);
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(score).toBe(ENGAGEMENT_COMPONENTS.reduce((sum, key) => sum + components[key].points, 0));
      }),
    );
  });

  it("never drops when a member does one thing more", () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(...ENGAGEMENT_COMPONENTS), (c, key) => {
        expect(engagementScore({ ...c, [key]: c[key] + 1 }).score).toBeGreaterThanOrEqual(engagementScore(c).score);
      }),
    );
  });
});
