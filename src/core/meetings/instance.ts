/**
 * The business-meeting instance and schedule of docs/formats/meetings.md
 * (copied from the shared format), and their validation with messages that
 * name the offending entry.
 */

export interface InstanceParticipant {
  id: string;
  /** Slots in which the participant can meet; absent = every slot. */
  available?: number[];
}
export interface InstanceRequest {
  a: string;
  b: string;
  weight?: number;
}
export interface Instance {
  slots: number;
  tables?: number;
  participants: InstanceParticipant[];
  requests: InstanceRequest[];
}

export interface ScheduledMeeting {
  a: string;
  b: string;
  slot: number;
  table?: number;
}
export interface Schedule {
  meetings: ScheduledMeeting[];
  weight: number;
  upperBound: number;
  breaks: number;
}

export class InstanceError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks an instance read from JSON; throws InstanceError naming the first bad entry. */
export function validateInstance(input: unknown): Instance {
  if (!isObject(input))
    throw new InstanceError("the instance must be a JSON object with slots, participants, requests");
  const { slots, tables, participants, requests } = input;
  if (!Number.isInteger(slots) || (slots as number) < 1 || (slots as number) > 200) {
    throw new InstanceError(`slots must be an integer from 1 to 200 (got ${JSON.stringify(slots)})`);
  }
  const T = slots as number;
  if (tables !== undefined && (!Number.isInteger(tables) || (tables as number) < 1)) {
    throw new InstanceError(`tables must be a positive integer when given (got ${JSON.stringify(tables)})`);
  }
  if (!Array.isArray(participants)) throw new InstanceError("participants must be an array");
  if (!Array.isArray(requests)) throw new InstanceError("requests must be an array");
  const ids = new Set<string>();
  const outParticipants: InstanceParticipant[] = participants.map((p, i) => {
    if (!isObject(p) || typeof p.id !== "string" || p.id === "") {
      throw new InstanceError(`participants[${i}] must be an object with a non-empty string id`);
    }
    if (ids.has(p.id)) throw new InstanceError(`participants[${i}]: duplicate participant id "${p.id}"`);
    ids.add(p.id);
    if (p.available === undefined) return { id: p.id };
    if (!Array.isArray(p.available)) {
      throw new InstanceError(`participants[${i}] ("${p.id}"): available must be an array of slot numbers`);
    }
    for (const s of p.available) {
      if (!Number.isInteger(s) || s < 0 || s >= T) {
        throw new InstanceError(`participants[${i}] ("${p.id}"): slot ${JSON.stringify(s)} is out of range 0…${T - 1}`);
      }
    }
    return { id: p.id, available: [...new Set(p.available as number[])].sort((x, y) => x - y) };
  });
  const outRequests: InstanceRequest[] = requests.map((r, i) => {
    if (!isObject(r)) throw new InstanceError(`requests[${i}] must be an object with a, b and weight`);
    const { a, b, weight } = r;
    if (typeof a !== "string" || !ids.has(a)) {
      throw new InstanceError(`requests[${i}]: unknown participant a = ${JSON.stringify(a)}`);
    }
    if (typeof b !== "string" || !ids.has(b)) {
      throw new InstanceError(`requests[${i}]: unknown participant b = ${JSON.stringify(b)}`);
    }
    if (a === b) throw new InstanceError(`requests[${i}]: participant "${a}" cannot meet itself`);
    if (weight !== undefined && (typeof weight !== "number" || !Number.isFinite(weight) || weight < 1)) {
      throw new InstanceError(
        `requests[${i}] (${a}–${b}): weight must be a number ≥ 1 (got ${JSON.stringify(weight)})`,
      );
    }
    return { a, b, weight: (weight as number | undefined) ?? 1 };
  });
  return { slots: T, tables: tables as number | undefined, participants: outParticipants, requests: outRequests };
}

/** Parses JSON text into a checked instance. */
export function parseInstance(text: string): Instance {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InstanceError(`malformed JSON: ${(error as Error).message}`);
  }
  return validateInstance(data);
}
