import { describe, expect, it } from "vitest";
import {
  CALIBRATED_UP_TO_KM,
  estimateRoadMinutes,
  estimateRoadTime,
  haversineKm,
  maxKmForMinutes,
} from "./roadTime.js";

const SAINT_ETIENNE = { lat: 45.4241, lon: 4.36647 };
const LYON_BELLECOUR = { lat: 45.7578, lon: 4.832 };
const PARIS = { lat: 48.8564, lon: 2.3525 };
const MARSEILLE = { lat: 43.2961, lon: 5.3695 };

describe("haversineKm", () => {
  it("measures Saint-Étienne to Lyon at about 50 km", () => {
    expect(haversineKm(SAINT_ETIENNE, LYON_BELLECOUR)).toBeGreaterThan(50);
    expect(haversineKm(SAINT_ETIENNE, LYON_BELLECOUR)).toBeLessThan(53);
  });

  it("measures Paris to Marseille at about 660 km, both ways", () => {
    expect(haversineKm(PARIS, MARSEILLE)).toBeCloseTo(661, -1);
    expect(haversineKm(MARSEILLE, PARIS)).toBeCloseTo(haversineKm(PARIS, MARSEILLE), 9);
  });

  it("is zero for the same place", () => {
    expect(haversineKm(SAINT_ETIENNE, SAINT_ETIENNE)).toBe(0);
  });
});

describe("estimateRoadMinutes", () => {
  it("applies 15.5 + 0.753 × km", () => {
    expect(estimateRoadMinutes(50)).toBeCloseTo(53.15, 2);
    expect(estimateRoadMinutes(100)).toBeCloseTo(90.8, 2);
  });

  it("puts Saint-Étienne about 53 minutes from Lyon", () => {
    const minutes = estimateRoadMinutes(haversineKm(SAINT_ETIENNE, LYON_BELLECOUR));
    expect(minutes).toBeGreaterThan(52);
    expect(minutes).toBeLessThan(56);
  });

  it("gives 0 for the same place and ramps up to the formula at 5 km", () => {
    expect(estimateRoadMinutes(0)).toBe(0);
    expect(estimateRoadMinutes(2.5)).toBeCloseTo(19.265 / 2, 6);
    expect(estimateRoadMinutes(5)).toBeCloseTo(19.265, 6);
    expect(estimateRoadMinutes(4.9999)).toBeCloseTo(19.265, 3);
  });

  it("never decreases with distance", () => {
    let previous = -1;
    for (let km = 0; km <= 300; km += 0.5) {
      const minutes = estimateRoadMinutes(km);
      expect(minutes).toBeGreaterThanOrEqual(previous);
      previous = minutes;
    }
  });

  it("refuses negative or non-finite distances", () => {
    expect(() => estimateRoadMinutes(-1)).toThrow(RangeError);
    expect(() => estimateRoadMinutes(Number.NaN)).toThrow(RangeError);
  });
});

describe("maxKmForMinutes", () => {
  it("turns two hours into about 139 km", () => {
    expect(maxKmForMinutes(120)).toBeCloseTo(138.8, 1);
  });

  it("is the inverse of estimateRoadMinutes, on the ramp too", () => {
    for (const km of [0, 1, 4.5, 5, 12, 138.8, 400]) {
      expect(maxKmForMinutes(estimateRoadMinutes(km))).toBeCloseTo(km, 9);
    }
  });

  it("gives 0 km for no time", () => {
    expect(maxKmForMinutes(0)).toBe(0);
    expect(maxKmForMinutes(-10)).toBe(0);
  });
});

describe("estimateRoadTime", () => {
  it("flags trips beyond the calibrated range", () => {
    expect(estimateRoadTime(SAINT_ETIENNE, LYON_BELLECOUR).calibrated).toBe(true);
    const parisMarseille = estimateRoadTime(PARIS, MARSEILLE);
    expect(parisMarseille.km).toBeGreaterThan(CALIBRATED_UP_TO_KM);
    expect(parisMarseille.calibrated).toBe(false);
    expect(parisMarseille.minutes).toBeCloseTo(15.5 + 0.753 * parisMarseille.km, 9);
  });
});
