import { z } from "zod";
import { MAX_STEPS } from "./solver.js";
import type { ConsortiumNeed } from "./types.js";

/**
 * Reading a need from JSON (docs/formats/consortium.md), with one-line messages naming the bad entry.
 *
 * Steps and capabilities are trade codes of the taxonomy ("machining", "heat-treatment"). A cluster's
 * taxonomy lives in its database and staff extend it, so a file on its own cannot be checked against it:
 * a step is "unknown" here when it is not a trade code at all (a label such as "Usinage", spaces,
 * capitals). A well-formed step that no company lists is not an error: it comes back in `uncovered`.
 * `certifications` and `incompatible` may be omitted (none); a company's `canLead` defaults to false.
 */

export class NeedError extends Error {}

const TRADE_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const tradeCode = z.string().regex(TRADE_CODE, { error: (issue) => `unknown step ${JSON.stringify(issue.input)}` });
const point = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });

const needSchema = z.object({
  steps: z.array(tradeCode).min(1, { error: "at least one step is needed" }).max(MAX_STEPS),
  certifications: z.array(z.string().trim().min(1)).default([]),
  site: point,
  maxTravelMinutes: z.number().positive(),
  companies: z.array(
    z.object({
      id: z.string().min(1),
      capabilities: z.array(z.string()),
      certifications: z.array(z.string()).default([]),
      location: point,
      canLead: z.boolean().default(false),
      proposedCount: z.number().int().min(0).optional(),
    }),
  ),
  incompatible: z.array(z.tuple([z.string(), z.string()])).default([]),
});

const pathOf = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("");

/** Checks a need already parsed from JSON; throws NeedError naming the first bad entry. */
export function validateNeed(input: unknown): ConsortiumNeed {
  const parsed = needSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message = /received undefined$/.test(issue.message) ? "is missing" : issue.message;
    const path = pathOf(issue.path);
    throw new NeedError(path ? `${path}: ${message}` : message);
  }
  const need = parsed.data;
  const seenSteps = new Set<string>();
  need.steps.forEach((s, i) => {
    if (seenSteps.has(s)) throw new NeedError(`steps[${i}]: duplicate step "${s}"`);
    seenSteps.add(s);
  });
  const ids = new Set<string>();
  need.companies.forEach((c, i) => {
    if (ids.has(c.id)) throw new NeedError(`companies[${i}]: duplicate company id "${c.id}"`);
    ids.add(c.id);
  });
  need.incompatible.forEach((pair, i) => {
    pair.forEach((id, k) => {
      if (!ids.has(id)) throw new NeedError(`incompatible[${i}][${k}]: unknown company "${id}"`);
    });
    if (pair[0] === pair[1]) throw new NeedError(`incompatible[${i}]: "${pair[0]}" cannot be incompatible with itself`);
  });
  return need;
}

/** Parses and checks the text of a need file. */
export function parseNeed(text: string): ConsortiumNeed {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new NeedError(`malformed JSON: ${(error as Error).message}`);
  }
  return validateNeed(input);
}
