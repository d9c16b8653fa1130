import { createEvent } from "../../modules/events/events.service.js";
import {
  addParticipant,
  configureDay,
  createRequest,
  setPhase,
  updateRequest,
} from "../../modules/meetings/meetings.service.js";
import type { ClusterContext } from "../../server/context.js";
import { type DemoCluster, Rng } from "./demo-data.js";

const DAY = 86_400_000;
const parisDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });

/**
 * An upcoming business-meeting day with its request phase under way: suppliers (the smaller member
 * companies) and buyers (the largest ones) with profiles, requests with priorities 1–3, most answered.
 * Staff can close requests, compute the schedule and publish it live in the demo; the two member logins
 * take part, one as a supplier and one as a buyer with requests to answer.
 */
export async function loadMeetingDay(
  ctx: ClusterContext,
  demo: DemoCluster,
  now: Date,
  memberById: (key: string) => string,
) {
  const rng = new Rng(4);
  const day = parisDayFormat.format(new Date(now.getTime() + 24 * DAY));
  const event = await createEvent(ctx, {
    kind: "business_meetings",
    title: "Rendez-vous d'affaires donneurs d'ordre – sous-traitants",
    description:
      "Une matinée de rendez-vous de 20 minutes, préparés à l'avance, entre les donneurs d'ordre du territoire et les sous-traitants de la grappe.",
    startsAt: `${day}T09:00`,
    durationMinutes: 280,
    audience: "members",
    addressLine: "Centre de congrès, 23 rue Ponchardier",
    postcode: "42000",
    communeInsee: "42218",
  });
  await configureDay(ctx, event.id, {
    startTime: "09:00",
    slotMinutes: 20,
    slotCount: 14,
    pauses: [
      { label: "Café", from: 4, to: 4 },
      { label: "Déjeuner", from: 11, to: 13 },
    ],
    tables: 8,
    categories: [
      { code: "donneurs", label: "Donneurs d'ordre" },
      { code: "sous-traitants", label: "Sous-traitants" },
    ],
    allowedPairs: [["donneurs", "sous-traitants"]],
    timeLimitSeconds: 10,
  });
  await setPhase(ctx, event.id, "requests_open");

  const [supplierLogin, buyerLogin] = demo.users.flatMap((u) => (u.memberKey ? [u.memberKey] : []));
  const companies = demo.members
    .filter((m) => m.kind === "company" && m.status === "member" && m.people.length > 0)
    .sort((a, b) => (b.headcount ?? 0) - (a.headcount ?? 0) || a.key.localeCompare(b.key));
  const login = (key: string | undefined) => companies.filter((m) => m.key === key);
  const others = companies.filter((m) => m.key !== supplierLogin && m.key !== buyerLogin);
  // The largest companies buy; the first member login supplies and the second buys, whatever their size.
  const buyers = [...others.slice(0, 5), ...login(buyerLogin)];
  const suppliers = [...login(supplierLogin), ...others.slice(5, 18)];
  const ids = new Map<string, string>();
  for (const [category, list] of [
    ["donneurs", buyers],
    ["sous-traitants", suppliers],
  ] as const) {
    for (const m of list) {
      const p = await addParticipant(ctx, event.id, {
        memberId: memberById(m.key),
        category,
        seeks:
          category === "donneurs"
            ? "Sous-traitants en usinage, chaudronnerie et traitements de surface, capables de petites séries"
            : "Donneurs d'ordre en mécanique, ferroviaire, aéronautique et énergie",
        // Someone arrives late: their window starts after the coffee break.
        availableFrom: list === suppliers && m === suppliers.at(-1) ? 5 : null,
      });
      ids.set(m.key, p.id);
    }
  }
  // Each supplier asks two to four buyers; buyers answer most requests, a few are still pending.
  for (const s of suppliers) {
    for (const b of rng.sample(buyers, rng.int(2, 4))) {
      const priority = rng.int(1, 3);
      const request = await createRequest(ctx, event.id, {
        fromId: ids.get(s.key)!,
        toId: ids.get(b.key)!,
        priority,
        force: false,
      });
      const roll = rng.next();
      // The buyer login leaves a few pending, so a member sees requests to answer.
      if (b.key === buyerLogin && roll >= 0.5) continue;
      if (roll < 0.75) await updateRequest(ctx, event.id, request.id, { status: "accepted" });
      else if (roll < 0.85) await updateRequest(ctx, event.id, request.id, { status: "declined" });
    }
  }
  return event.id;
}
