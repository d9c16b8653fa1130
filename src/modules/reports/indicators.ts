import type { Indicator, IndicatorFilter } from "../funding/funding.schema.js";
import type { HeldOccurrence } from "./activity.reads.js";

/** What a year's report counted: the figures a funded action's indicator reads its actual from. */
export interface YearFigures {
  occurrences: HeldOccurrence[];
  programmes: { programmeId: string; members: number }[];
  supportCases: number;
  workingGroups: number;
  workingGroupMeetings: number;
  businessMeetings: number;
  opportunities: number;
  opportunitiesPending: boolean;
  newsletters: number;
  joins: number;
  atEnd: number;
  staffContacts: number;
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** The occurrences an event indicator covers: of the kinds named (any if none), titles containing the words. */
export function matchingOccurrences(occurrences: HeldOccurrence[], filter: IndicatorFilter) {
  const words = filter.titleContains ? fold(filter.titleContains).split(/\s+/).filter(Boolean) : [];
  return occurrences.filter(
    (o) =>
      (!filter.eventKinds?.length || filter.eventKinds.includes(o.kind)) &&
      words.every((w) => fold(o.title).includes(w)),
  );
}

/** A funded action's actual figure for the year, and whether it can be computed yet. */
export function actualOf(
  indicator: Indicator,
  filter: IndicatorFilter,
  f: YearFigures,
): { actual: number; pending: boolean } {
  const done = (actual: number) => ({ actual, pending: false });
  switch (indicator) {
    case "programme_members":
      return done(
        filter.programmeId
          ? (f.programmes.find((p) => p.programmeId === filter.programmeId)?.members ?? 0)
          : f.programmes.reduce((s, p) => s + p.members, 0),
      );
    case "support_cases":
      return done(f.supportCases);
    case "events_held":
      return done(matchingOccurrences(f.occurrences, filter).length);
    case "event_attendance":
      return done(matchingOccurrences(f.occurrences, filter).reduce((s, o) => s + o.attendance, 0));
    case "working_groups":
      return done(f.workingGroups);
    case "working_group_meetings":
      return done(f.workingGroupMeetings);
    case "business_meetings":
      return done(f.businessMeetings);
    case "opportunities":
      return { actual: f.opportunities, pending: f.opportunitiesPending };
    case "newsletters":
      return done(f.newsletters);
    case "new_members":
      return done(f.joins);
    case "members_at_end":
      return done(f.atEnd);
    case "staff_contacts":
      return done(f.staffContacts);
  }
}

export interface LabelInputs {
  atEnd: number;
  joins: number;
  retention: number | null;
  byKind: { key: string; count: number }[];
  bySize: { key: string; count: number }[];
  staffContacts: number;
  membersReached: number;
  privateShare: number | null;
  workingGroups: number;
  eventsHeld: number;
  companiesAtEvents: number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const countOf = (list: { key: string; count: number }[], key: string) => list.find((c) => c.key === key)?.count ?? 0;

/**
 * The indicators of the European cluster-management excellence labels (ECEI, bronze to gold) that the data
 * recorded here gives: composition of the membership, its renewal, direct contacts by the staff, the
 * private share of the budget, working groups and events. Those it cannot give (staff qualifications,
 * strategy documents, international links) are the assessor's, not listed.
 */
export function labelIndicators(x: LabelInputs) {
  const companies = countOf(x.byKind, "company");
  const smes = countOf(x.bySize, "micro") + countOf(x.bySize, "sme");
  const known = x.bySize.filter((s) => s.key !== "unknown").reduce((s, c) => s + c.count, 0);
  const research = countOf(x.byKind, "lab") + countOf(x.byKind, "school");
  return [
    {
      key: "members",
      label: "Membres à la fin de l'année",
      labelEn: "Members at year end",
      value: x.atEnd,
      unit: "count" as const,
      detail: `${companies} entreprises, ${research} écoles et laboratoires`,
    },
    {
      key: "company_share",
      label: "Part des entreprises parmi les membres",
      labelEn: "Share of companies among members",
      value: ratio(companies, x.atEnd),
      unit: "share" as const,
      detail: null,
    },
    {
      key: "sme_share",
      label: "Part des TPE et PME (taille connue)",
      labelEn: "Share of micro and SMEs (known size)",
      value: ratio(smes, known),
      unit: "share" as const,
      detail: `${smes} sur ${known}`,
    },
    {
      key: "retention",
      label: "Fidélisation (membres au 1er janvier encore membres au 31 décembre)",
      labelEn: "Retention (members on 1 January still members on 31 December)",
      value: x.retention,
      unit: "share" as const,
      detail: null,
    },
    {
      key: "new_members",
      label: "Nouveaux membres",
      labelEn: "New members",
      value: x.joins,
      unit: "count" as const,
      detail: null,
    },
    {
      key: "staff_contacts_per_member",
      label: "Contacts directs de l'équipe par membre",
      labelEn: "Direct staff contacts per member",
      value: ratio(x.staffContacts, x.atEnd),
      unit: "per_member" as const,
      detail: `${x.staffContacts} contacts`,
    },
    {
      key: "members_reached",
      label: "Part des membres contactés directement par l'équipe",
      labelEn: "Share of members contacted directly by staff",
      value: ratio(x.membersReached, x.atEnd),
      unit: "share" as const,
      detail: `${x.membersReached} membres`,
    },
    {
      key: "private_funding",
      label: "Part du financement privé (cotisations)",
      labelEn: "Share of private funding (dues)",
      value: x.privateShare,
      unit: "share" as const,
      detail: null,
    },
    {
      key: "working_groups",
      label: "Groupes de travail actifs",
      labelEn: "Active working groups",
      value: x.workingGroups,
      unit: "count" as const,
      detail: null,
    },
    {
      key: "event_reach",
      label: "Part des membres venus à au moins un événement",
      labelEn: "Share of members at one event or more",
      value: ratio(x.companiesAtEvents, x.atEnd),
      unit: "share" as const,
      detail: `${x.eventsHeld} événements tenus`,
    },
  ];
}
