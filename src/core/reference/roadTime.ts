/**
 * Driving time between two places, estimated from the straight-line distance, so that "members within two
 * hours" and "how far is this firm" work without a routing service.
 *
 * The estimate: minutes ≈ 15.5 + 0.753 × great-circle km.
 * - Calibration: OSRM car times between the 121 French cities over 50,000 inhabitants (14,520 ordered pairs),
 *   trips up to 250 km. The 15.5 min intercept is the cost of getting out of one town and into the other;
 *   0.753 min/km is a marginal 80 km/h on the straight line, i.e. ~100 km/h on a road 1.25 times longer.
 * - Accuracy: median error +2 %, mean absolute error 16 % (11.5 % around Saint-Étienne).
 * - Known misses: mountains and rivers. Saint-Étienne → Valence is 27 % slower than estimated (the Pilat
 *   massif is in the way). Published road/straight-line ratios for comparison: 1.34 under 50 km, 1.26 at
 *   50–100 km, about 1.2 beyond; 1.34 on average over 300 European cities.
 * - Short trips: the intercept would make two neighbouring buildings 15 minutes apart, so below 5 km the time
 *   ramps linearly from 0 (same place) to the formula's value at 5 km (19.3 min). It stays continuous and
 *   increasing, so `maxKmForMinutes` remains its exact inverse.
 * - Beyond 250 km the same line is used but the result is flagged `calibrated: false`: nothing was measured
 *   there, and since long trips are mostly motorway the line probably overestimates them.
 *
 * Always show the result as an estimate ("≈ 55 min"), and let staff override a pair they know.
 */

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

/** Fixed cost of a trip, minutes. */
export const ROAD_MINUTES_INTERCEPT = 15.5;
/** Minutes per great-circle km. */
export const ROAD_MINUTES_PER_KM = 0.753;
/** Longest straight-line distance in the calibration set. */
export const CALIBRATED_UP_TO_KM = 250;
/** Below this distance the time ramps down linearly to 0. */
const SHORT_TRIP_KM = 5;
const SHORT_TRIP_MINUTES = ROAD_MINUTES_INTERCEPT + ROAD_MINUTES_PER_KM * SHORT_TRIP_KM;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle ("as the crow flies") distance in km, haversine formula. */
export function haversineKm(from: GeoPoint, to: GeoPoint): number {
  const dLat = toRadians(to.lat - from.lat);
  const dLon = toRadians(to.lon - from.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(from.lat)) * Math.cos(toRadians(to.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function assertDistance(km: number): void {
  if (!Number.isFinite(km) || km < 0) throw new RangeError(`Distance invalide : ${km} km`);
}

/** Estimated driving minutes for a great-circle distance in km (see the module comment). Not rounded. */
export function estimateRoadMinutes(km: number): number {
  assertDistance(km);
  if (km < SHORT_TRIP_KM) return (km * SHORT_TRIP_MINUTES) / SHORT_TRIP_KM;
  return ROAD_MINUTES_INTERCEPT + ROAD_MINUTES_PER_KM * km;
}

/**
 * The greatest great-circle distance whose estimated drive fits in `minutes`: the inverse of
 * `estimateRoadMinutes`, to turn "within 2 h" into a distance filter a database can index (120 → ≈ 139 km).
 */
export function maxKmForMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) throw new RangeError(`Durée invalide : ${minutes} min`);
  if (minutes <= 0) return 0;
  if (minutes < SHORT_TRIP_MINUTES) return (minutes * SHORT_TRIP_KM) / SHORT_TRIP_MINUTES;
  return (minutes - ROAD_MINUTES_INTERCEPT) / ROAD_MINUTES_PER_KM;
}

export interface RoadTimeEstimate {
  /** Great-circle distance, km. */
  km: number;
  /** Estimated driving time, minutes, not rounded. */
  minutes: number;
  /** False beyond the calibrated range (250 km): show it with more caution. */
  calibrated: boolean;
}

/** Distance and estimated driving time between two places. */
export function estimateRoadTime(from: GeoPoint, to: GeoPoint): RoadTimeEstimate {
  const km = haversineKm(from, to);
  return { km, minutes: estimateRoadMinutes(km), calibrated: km <= CALIBRATED_UP_TO_KM };
}
