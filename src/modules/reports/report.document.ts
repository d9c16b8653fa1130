import type { ActivityReport, ReportSection } from "./reports.contract.js";

/**
 * The activity report laid out once, in French, as titled sections of narrative, paragraphs and tables:
 * the PDF and the DOCX both render this, so they say the same thing.
 */
export interface ReportTable {
  head: string[];
  rows: string[][];
}
export interface DocumentSection {
  key: ReportSection;
  title: string;
  narrative: string | null;
  paragraphs: string[];
  tables: ReportTable[];
}
export interface ReportDocument {
  title: string;
  subtitle: string;
  sections: DocumentSection[];
  footer: string;
}

const EVENT_KINDS: Record<string, string> = {
  breakfast: "Petits déjeuners",
  thematic_lunch: "Déjeuners thématiques",
  company_visit: "Visites d'entreprises",
  afterwork: "Afterworks",
  business_corner: "Business corners",
  peer_challenge: "Défis entre pairs",
  training: "Formations",
  webinar: "Webinaires",
  trade_show: "Salons",
  general_assembly: "Assemblées générales",
  working_group_meeting: "Réunions de groupes de travail",
  business_meetings: "Journées de rendez-vous d'affaires",
};
const MEMBER_KINDS: Record<string, string> = {
  company: "Entreprises",
  school: "Écoles",
  lab: "Laboratoires",
  public_body: "Organismes publics",
  partner: "Partenaires",
};
const SIZES: Record<string, string> = {
  micro: "TPE (< 10 salariés)",
  sme: "PME (< 250)",
  midcap: "ETI (< 5 000)",
  large: "Grandes entreprises",
  unknown: "Taille non renseignée",
};
const CONTACT_KINDS: Record<string, string> = {
  call: "Appels",
  visit: "Visites",
  email: "Courriels",
  meeting: "Rendez-vous",
};
const WORKSTREAMS: Record<string, string> = {
  innovation: "Innovation, industrie du futur",
  internal_performance: "Performance interne",
  business_development: "Développement commercial et international",
  network_animation: "Animation du réseau",
  production_france: "Production France",
  communication: "Communication",
  governance: "Gouvernance",
  training: "Formation",
  other: "Autre",
};
export const SECTION_TITLES: Record<ReportSection, string> = {
  summary: "Synthèse",
  members: "Les membres",
  events: "Animation : événements",
  groups: "Groupes de travail",
  programmes: "Programmes d'accompagnement",
  support: "Accompagnement aux appels à projets",
  business: "Rendez-vous d'affaires et opportunités",
  communication: "Communication",
  funding: "Financement",
  targets: "Actions financées : objectifs et réalisations",
  labels: "Indicateurs du label européen de gestion de cluster",
};

const integer = new Intl.NumberFormat("fr-FR");
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });
const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const longDay = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
export const n = (v: number) => integer.format(v);
export const money = (cents: number) => euros.format(Math.round(cents / 100));
const share = (v: number | null) => (v === null ? "—" : percent.format(v));
const dayText = (d: string) => longDay.format(new Date(`${d}T00:00:00Z`));
const label = (map: Record<string, string>, key: string) => map[key] ?? key;

export function reportDocument(r: ActivityReport): ReportDocument {
  const s = (key: ReportSection, paragraphs: string[], tables: ReportTable[] = []): DocumentSection => ({
    key,
    title: SECTION_TITLES[key],
    narrative: r.narratives[key]?.body ?? null,
    paragraphs,
    tables,
  });
  const programmes = r.programmes.filter((p) => p.members > 0);
  const sections: DocumentSection[] = [
    s("summary", [
      `${n(r.members.atEnd)} membres, ${n(r.events.held)} événements tenus (${n(r.events.attendance)} participations), ${n(r.groups.active)} groupes de travail, ${n(r.support.cases)} accompagnements aux appels à projets, ${n(r.communication.newsletters)} lettres d'information.`,
    ]),
    s(
      "members",
      [
        `${n(r.members.atStart)} membres au 1er janvier, ${n(r.members.joins)} adhésions et ${n(r.members.leaves)} départs dans l'année, ${n(r.members.atEnd)} membres au 31 décembre. Fidélisation : ${share(r.members.retention)}.`,
        `${n(r.contacts.direct)} contacts directs de l'équipe avec ${n(r.contacts.membersReached)} membres.`,
      ],
      [
        { head: ["Nature", "Membres"], rows: r.members.byKind.map((k) => [label(MEMBER_KINDS, k.key), n(k.count)]) },
        {
          head: ["Taille des entreprises", "Membres"],
          rows: r.members.bySize.map((k) => [label(SIZES, k.key), n(k.count)]),
        },
        {
          head: ["Contacts directs de l'équipe", "Nombre"],
          rows: r.contacts.byKind.map((k) => [label(CONTACT_KINDS, k.key), n(k.count)]),
        },
      ],
    ),
    s(
      "events",
      [
        `${n(r.events.held)} événements tenus, ${n(r.events.attendance)} participations, ${n(r.events.companies)} entreprises membres venues au moins une fois.`,
      ],
      [
        {
          head: ["Type", "Tenus", "Participations"],
          rows: r.events.byKind.map((k) => [label(EVENT_KINDS, k.kind), n(k.held), n(k.attendance)]),
        },
      ],
    ),
    s(
      "groups",
      [`${n(r.groups.active)} groupes de travail actifs, ${n(r.groups.meetings)} réunions.`],
      [
        {
          head: ["Groupe", "Chantier", "Entreprises", "Réunions"],
          rows: r.groups.list.map((g) => [g.name, label(WORKSTREAMS, g.workstream), n(g.members), n(g.meetings)]),
        },
      ],
    ),
    s(
      "programmes",
      programmes.length ? [] : ["Aucune inscription à un programme cette année."],
      programmes.length
        ? [
            {
              head: ["Programme", "Entreprises", "dont nouvelles", "Terminés", "Partenaires"],
              rows: programmes.map((p) => [
                p.name,
                n(p.members),
                n(p.newMembers),
                n(p.completed),
                p.partnerBodies.join(", "),
              ]),
            },
          ]
        : [],
    ),
    s(
      "support",
      [
        `${n(r.support.cases)} accompagnements pour ${n(r.support.members)} entreprises, ${n(r.support.granted)} aides obtenues : ${money(r.support.amountObtainedCents)} obtenus pour ${money(r.support.amountAskedCents)} demandés.`,
      ],
      r.support.calls.length
        ? [{ head: ["Appel à projets", "Accompagnements"], rows: r.support.calls.map((c) => [c.label, n(c.cases)]) }]
        : [],
    ),
    s("business", [
      `${n(r.business.meetingsHeld)} rendez-vous d'affaires tenus sur ${n(r.business.days)} journée(s), ${n(r.business.followUps)} avec une suite prévue.`,
      r.business.opportunitiesPending
        ? "Opportunités et affaires entre membres : le suivi n'est pas encore disponible."
        : `${n(r.business.opportunities)} opportunités d'affaires, ${n(r.business.businessBetweenMembers)} affaires conclues entre membres (${money(r.business.businessAmountCents)}).`,
    ]),
    s(
      "communication",
      [`${n(r.communication.newsletters)} lettres d'information envoyées.`],
      r.communication.list.length
        ? [
            {
              head: ["Date", "Lettre", "Destinataires"],
              rows: r.communication.list.map((l) => [
                dayText(l.sentOn),
                l.title,
                l.recipients === null ? "—" : n(l.recipients),
              ]),
            },
          ]
        : [],
    ),
    s(
      "funding",
      [
        `Cotisations : ${money(r.funding.duesCents)} ; subventions : ${money(r.funding.grantsCents)}. Part du financement privé : ${share(r.funding.privateShare)}.`,
      ],
      r.funding.grants.length
        ? [
            {
              head: ["Subvention", "Financeur", "Montant", "Sur l'année", "Période", "Convention", "Imputation"],
              rows: r.funding.grants.map((g) => [
                g.title,
                g.funder,
                money(g.amountCents),
                money(g.inYearCents),
                `${dayText(g.periodStart)} – ${dayText(g.periodEnd)}`,
                g.agreementRef ?? "—",
                g.budgetLine ?? "—",
              ]),
            },
          ]
        : [],
    ),
    s(
      "targets",
      r.targets.length ? [] : ["Aucune action financée avec objectif pour cette année."],
      r.targets.length
        ? [
            {
              head: ["Action", "Objectif", "Réalisé", "Atteint"],
              rows: r.targets.map((t) => [
                t.title,
                n(t.target),
                t.pending ? "à venir" : n(t.actual),
                t.pending ? "—" : t.met ? "oui" : "non",
              ]),
            },
          ]
        : [],
    ),
    s(
      "labels",
      [],
      [
        {
          head: ["Indicateur", "Valeur", "Détail"],
          rows: r.labels.map((l) => [
            l.label,
            l.value === null
              ? "—"
              : l.unit === "share"
                ? share(l.value)
                : l.unit === "per_member"
                  ? decimal.format(l.value)
                  : n(l.value),
            l.detail ?? "",
          ]),
        },
      ],
    ),
  ];
  return {
    title: `${r.cluster.name} — bilan d'activité ${r.year}`,
    subtitle: r.funder ? `Pour ${r.funder.name}` : `Du ${dayText(r.period.from)} au ${dayText(r.period.to)}`,
    sections,
    footer: `Établi le ${longDay.format(new Date(r.generatedAt))} à partir des données enregistrées dans Grappe.`,
  };
}
