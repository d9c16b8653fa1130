import { estimateRoadTime } from "../reference/roadTime.js";
import type { ConsortiumNeed, ConsortiumResult } from "./types.js";

/**
 * An independent reading of the rules of docs/formats/consortium.md, for tests and the benchmark: every
 * proposal covers the steps with companies that may take them, has no incompatible pair and a canLead
 * leader, needs every member, shows its travel right; proposals are distinct and in ranking order; only the
 * first may say optimal. Returns the problems found (none = valid).
 */
export function checkProposals(need: ConsortiumNeed, result: ConsortiumResult): string[] {
  const problems: string[] = [];
  const byId = new Map(need.companies.map((c) => [c.id, c]));
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("fr");
  const steps = [...new Set(need.steps)];
  const minutes = (id: string) => estimateRoadTime(byId.get(id)!.location, need.site).minutes;
  const mayTake = (id: string, step: string) => {
    const c = byId.get(id);
    if (c === undefined || !c.capabilities.includes(step)) return false;
    const held = new Set(c.certifications.map(norm));
    return need.certifications.every((r) => held.has(norm(r))) && minutes(id) <= need.maxTravelMinutes;
  };
  const banned = new Set(need.incompatible.map(([a, b]) => [a, b].sort().join("\u0000")));
  const seen = new Set<string>();
  let previous: [number, number] | null = null;

  result.proposals.forEach((p, k) => {
    const at = `proposal ${k + 1}`;
    const members = new Set(p.members);
    if (members.size !== p.members.length) problems.push(`${at}: a member is listed twice`);
    for (const m of p.members) if (!byId.has(m)) problems.push(`${at}: unknown member ${m}`);
    if (problems.length > 0) return;
    const key = [...members].sort().join("\u0000");
    if (seen.has(key)) problems.push(`${at}: same team as an earlier proposal`);
    seen.add(key);
    for (const step of steps) {
      const who = p.assignments[step];
      if (who === undefined) problems.push(`${at}: step ${step} not assigned`);
      else if (!members.has(who)) problems.push(`${at}: step ${step} given to non-member ${who}`);
      else if (!mayTake(who, step)) problems.push(`${at}: ${who} may not take ${step}`);
    }
    for (const s of Object.keys(p.assignments)) if (!steps.includes(s)) problems.push(`${at}: extra step ${s}`);
    for (const m of members) {
      if (!Object.values(p.assignments).includes(m)) problems.push(`${at}: ${m} takes no step`);
    }
    const list = [...members];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if (banned.has([list[i]!, list[j]!].sort().join("\u0000")))
          problems.push(`${at}: ${list[i]} and ${list[j]} are incompatible`);
    if (!members.has(p.leader) || !byId.get(p.leader)!.canLead) problems.push(`${at}: leader ${p.leader} cannot lead`);
    // Every member needed: without it, some step has no one left or no one left can lead.
    for (const m of list) {
      const rest = list.filter((x) => x !== m);
      const coversAll = steps.every((s) => rest.some((x) => mayTake(x, s)));
      if (coversAll && rest.some((x) => byId.get(x)!.canLead)) problems.push(`${at}: ${m} is not needed`);
    }
    const travel = list.reduce((sum, m) => sum + Math.round(minutes(m)), 0);
    if (p.travelMinutes !== travel) problems.push(`${at}: travelMinutes ${p.travelMinutes}, expected ${travel}`);
    const rank: [number, number] = [list.length, p.travelMinutes];
    if (previous && (rank[0] < previous[0] || (rank[0] === previous[0] && rank[1] < previous[1])))
      problems.push(`${at}: ranked after a worse team`);
    previous = rank;
    if (k > 0 && p.optimal) problems.push(`${at}: only the first proposal may say optimal`);
  });
  if (result.proposals.length > 0 && result.uncovered.length > 0) problems.push("uncovered steps beside proposals");
  for (const s of result.uncovered) {
    if (!steps.includes(s)) problems.push(`uncovered ${s} is not a step`);
    else if (need.companies.some((c) => mayTake(c.id, s))) problems.push(`uncovered ${s} can be taken`);
  }
  return problems;
}
