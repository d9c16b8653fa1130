import type { ConsortiumCompany, ConsortiumNeed } from "../../src/core/consortium/index.js";
import { mechanicalTrades } from "../../src/modules/members/trades.seed.js";

/**
 * Synthetic buyers' needs and member bases, deterministic for a seed, shaped like a metalworking cluster:
 * companies scattered around Saint-Étienne (up to ~250 km), 1–4 trades each with some trades much rarer
 * than others, ISO 9001 held by most and sector certifications by few, about a third able to lead, a
 * sprinkling of incompatible pairs (competitors who will not bid together), and how often each was proposed
 * over the last year.
 */
export interface NeedOptions {
  companies: number;
  steps: number;
  seed: number;
  /** Incompatible pairs per company (default 0.1). */
  incompatibility?: number;
  /** Road-time radius, minutes (default 120). */
  maxTravelMinutes?: number;
  /** Certifications the need requires (default ["ISO 9001"]). */
  certifications?: string[];
  /** Share of companies with canLead (default 0.3). */
  leaders?: number;
  /**
   * Chance that two companies less than 20 km apart sharing a trade are incompatible (local competitors
   * who will not bid together), on top of the random pairs (default 0).
   */
  competitors?: number;
}

/** Small, fast, seedable (mulberry32). */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAINT_ETIENNE = { lat: 45.4397, lon: 4.3872 };
export const TRADE_CODES = mechanicalTrades.map((t) => t.code);
const CERTIFICATIONS = ["ISO 9001", "ISO 14001", "EN 9100", "IATF 16949", "MASE"];
const CERTIFICATION_SHARE = [0.75, 0.35, 0.12, 0.15, 0.1];

export function generateNeed(options: NeedOptions): ConsortiumNeed {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  // Trade popularity: a few common trades (machining, boiler-making…), a long tail of rare ones.
  const weights = TRADE_CODES.map((_, i) => 1 / (1 + i * 0.35) + random() * 0.2);
  const total = weights.reduce((a, b) => a + b, 0);
  const trade = () => {
    let r = random() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return TRADE_CODES[i]!;
    }
    return TRADE_CODES[TRADE_CODES.length - 1]!;
  };

  const companies: ConsortiumCompany[] = [];
  for (let i = 0; i < options.companies; i++) {
    // Denser near the centre: distance ~ 250 km × u².
    const km = 250 * random() ** 2;
    const bearing = random() * 2 * Math.PI;
    const location = {
      lat: SAINT_ETIENNE.lat + (km / 111.2) * Math.cos(bearing),
      lon: SAINT_ETIENNE.lon + (km / (111.2 * Math.cos((SAINT_ETIENNE.lat * Math.PI) / 180))) * Math.sin(bearing),
    };
    const count = 1 + Math.floor(random() ** 1.5 * 4);
    const capabilities = [...new Set(Array.from({ length: count }, trade))];
    const certifications = CERTIFICATIONS.filter((_, k) => random() < CERTIFICATION_SHARE[k]!);
    companies.push({
      id: `m${String(i + 1).padStart(4, "0")}`,
      capabilities,
      certifications,
      location,
      canLead: random() < (options.leaders ?? 0.3),
      proposedCount: Math.floor(random() ** 2 * 9),
    });
  }

  const incompatible: [string, string][] = [];
  const pairs = Math.round(options.companies * (options.incompatibility ?? 0.1));
  for (let k = 0; k < pairs && companies.length > 1; k++) {
    const a = pick(companies).id;
    const b = pick(companies).id;
    if (a !== b) incompatible.push([a, b]);
  }

  if (options.competitors) {
    const kmApart = (a: ConsortiumCompany, b: ConsortiumCompany) =>
      Math.hypot((a.location.lat - b.location.lat) * 111.2, (a.location.lon - b.location.lon) * 78.1);
    for (let i = 0; i < companies.length; i++)
      for (let j = i + 1; j < companies.length; j++) {
        const a = companies[i]!;
        const b = companies[j]!;
        if (
          kmApart(a, b) < 20 &&
          a.capabilities.some((t) => b.capabilities.includes(t)) &&
          random() < options.competitors
        )
          incompatible.push([a.id, b.id]);
      }
  }

  // The need: distinct steps, the common trades more likely, so needs are answerable but not trivially.
  const steps = new Set<string>();
  while (steps.size < Math.min(options.steps, TRADE_CODES.length))
    steps.add(random() < 0.7 ? trade() : pick(TRADE_CODES));
  return {
    steps: [...steps],
    certifications: options.certifications ?? ["ISO 9001"],
    site: { lat: SAINT_ETIENNE.lat + (random() - 0.5) * 0.6, lon: SAINT_ETIENNE.lon + (random() - 0.5) * 0.8 },
    maxTravelMinutes: options.maxTravelMinutes ?? 120,
    companies,
    incompatible,
  };
}
