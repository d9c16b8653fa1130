/**
 * A lived-in year of the demo cluster, as data: which companies come to everything and which went quiet,
 * the events, working groups, common needs and the staff's contact log. Days are counted from "now"
 * (negative = in the past) so the demo stays current whenever it is loaded; demo-activity.ts writes it.
 */

import type { ContactKind } from "../../modules/contacts/contacts.schema.js";
import type { EventKind } from "../../modules/events/events.schema.js";
import type { ActionStatus, Workstream } from "../../modules/groups/groups.schema.js";

/** Come to most things: the cluster's core (and the two member logins of the demo). */
export const coreMembers = [
  "granjon-mecanique",
  "ressorts-vialatte",
  "thermolys",
  "chaudronnerie-du-gier",
  "forge-janon",
  "visserie-cotatay",
  "gier-traitements-surface",
  "usinage-du-furan",
  "atelier-stephanois-chaudronnerie",
  "metrologie-jacquard",
  "decolletage-izieux",
  "couronne-outillage",
];

/** Took part in nothing this year: what the churn-risk list and the to-call list are for. */
export const silentMembers = [
  "mecanique-roannaise-precision",
  "riorges-peinture",
  "durolle-forge",
  "viennoise-tuyauterie",
  "mecanique-cance",
  "galmier-ingenierie",
  "ateliers-vizezy",
  "roanne-structures",
  "givors-fonderie-acier",
];

/** Board members ("administrateurs"): the people who may lead a working group. */
export const boardMembers = [
  "granjon-mecanique",
  "thermolys",
  "chaudronnerie-du-gier",
  "forge-janon",
  "ressorts-vialatte",
  "visserie-cotatay",
];

const addressOfHouse = {
  addressLine: "Maison de l'Industrie, 21 rue Michelet",
  postcode: "42000",
  communeInsee: "42218",
};

export const breakfast = {
  kind: "breakfast" as EventKind,
  title: "Petit-déjeuner des adhérents",
  description:
    "Chaque premier jeudi du mois, les adhérents se retrouvent autour d'un café : tour de table des actualités, une intervention courte d'un membre ou d'un partenaire, et du temps pour se parler.",
  agenda: "Accueil café\nTour de table : actualités, besoins, bonnes nouvelles\nIntervention du mois\nÉchanges libres",
  expectedResult: "Chaque participant repart avec au moins un contact utile et une information à exploiter.",
  timing: [
    { at: "08:00", label: "Accueil café" },
    { at: "08:20", label: "Tour de table" },
    { at: "08:50", label: "Intervention du mois" },
    { at: "09:30", label: "Échanges libres" },
  ],
  rrule: "FREQ=MONTHLY;BYDAY=1TH",
  durationMinutes: 120,
  capacity: 40,
  ...addressOfHouse,
};

export interface OneOffEvent {
  key: string;
  kind: EventKind;
  title: string;
  description: string;
  expectedResult?: string;
  /** Days from now (negative: past), at `time` Paris time. */
  day: number;
  time: string;
  durationMinutes: number;
  hostKey?: string;
  capacity?: number;
  /** Companies expected, besides the regulars drawn at random. */
  size: number;
  address: { addressLine: string; postcode: string; communeInsee: string };
  group?: "energy" | "hiring";
}

export const oneOffEvents: OneOffEvent[] = [
  {
    key: "lunch-cyber",
    kind: "thematic_lunch",
    title: "Déjeuner thématique : la cybersécurité dans les PME industrielles",
    description:
      "Rançongiciel, machines connectées, messagerie : ce qui arrive vraiment aux PME de la mécanique, et les premières mesures à prendre. Avec le témoignage d'un adhérent touché en 2025.",
    expectedResult: "Une liste des dix mesures prioritaires, et les volontaires pour un diagnostic partagé.",
    day: -270,
    time: "12:00",
    durationMinutes: 120,
    hostKey: "metrologie-jacquard",
    capacity: 20,
    size: 14,
    address: { addressLine: "Restaurant La Forge, 3 place Jean-Jaurès", postcode: "42000", communeInsee: "42218" },
  },
  {
    key: "visit-thermolys",
    kind: "company_visit",
    title: "Visite de Thermolys : le traitement thermique sous vide",
    description:
      "Visite des fours sous vide et de la ligne de nitruration, suivie d'un échange sur la maîtrise de l'énergie.",
    day: -215,
    time: "16:00",
    durationMinutes: 150,
    hostKey: "thermolys",
    capacity: 25,
    size: 16,
    address: { addressLine: "Zone industrielle du Clapier", postcode: "42100", communeInsee: "42218" },
  },
  {
    key: "lunch-carbon",
    kind: "thematic_lunch",
    title: "Déjeuner thématique : décarbonation et bilan carbone",
    description:
      "Comment un sous-traitant répond aux exigences carbone de ses donneurs d'ordre, sans y passer l'année.",
    expectedResult: "Les adhérents intéressés par un bilan carbone groupé se signalent.",
    day: -150,
    time: "12:00",
    durationMinutes: 120,
    hostKey: "gier-traitements-surface",
    capacity: 20,
    size: 12,
    address: { addressLine: "Auberge du Gier, 14 rue de Lyon", postcode: "42400", communeInsee: "42207" },
  },
  {
    key: "corner-lean",
    kind: "business_corner",
    title: "Business corner : le lean dans les petites séries",
    description:
      "Trois adhérents racontent ce qui a marché (et ce qui a échoué) en appliquant le lean à des séries de 10 à 500 pièces.",
    expectedResult: "Trois bonnes pratiques reproductibles, partagées à tous les adhérents.",
    day: -118,
    time: "17:30",
    durationMinutes: 120,
    hostKey: "decolletage-izieux",
    capacity: 30,
    size: 15,
    address: addressOfHouse,
  },
  {
    key: "group-energy",
    kind: "working_group_meeting",
    title: "Groupe « Achats groupés d'énergie » : lecture des offres",
    description: "Comparaison des trois offres reçues des courtiers et choix du calendrier de consultation.",
    day: -40,
    time: "10:00",
    durationMinutes: 90,
    size: 0,
    address: addressOfHouse,
    group: "energy",
  },
  {
    key: "visit-rive",
    kind: "company_visit",
    title: "Visite des Forges et Ateliers de Rive-de-Gier",
    description: "La presse à forger de 4 000 tonnes et l'atelier d'usinage des grandes pièces.",
    day: -58,
    time: "14:00",
    durationMinutes: 150,
    hostKey: "forges-ateliers-rive",
    capacity: 25,
    size: 18,
    address: { addressLine: "Quai de la Forge", postcode: "42800", communeInsee: "42186" },
  },
  {
    key: "lunch-apprentices",
    kind: "thematic_lunch",
    title: "Déjeuner thématique : recruter et garder ses alternants",
    description: "Avec le lycée professionnel du Gier et l'IUT Loire Sud : calendrier, aides, tutorat.",
    day: 23,
    time: "12:00",
    durationMinutes: 120,
    hostKey: "lycee-professionnel-gier",
    capacity: 20,
    size: 9,
    address: { addressLine: "Lycée professionnel du Gier, 2 rue du Lycée", postcode: "42800", communeInsee: "42186" },
    group: "hiring",
  },
  {
    key: "corner-ai",
    kind: "business_corner",
    title: "Business corner : l'IA pour chiffrer plus vite ses devis",
    description: "Démonstrations d'outils de chiffrage assisté, par deux adhérents qui les utilisent depuis un an.",
    day: 37,
    time: "17:30",
    durationMinutes: 120,
    capacity: 30,
    size: 7,
    address: addressOfHouse,
  },
];

export const feedbackComments = [
  "Très bon tour de table, deux contacts utiles pour moi.",
  "Intervention concrète, merci !",
  "Un peu court pour les échanges libres.",
  "Ambiance conviviale, à refaire.",
  "J'ai trouvé un sous-traitant pour notre surcharge de janvier.",
  "Sujet passionnant, j'aurais aimé plus de chiffres.",
  "Parfait pour rencontrer les nouveaux adhérents.",
];

export const breakfastTopics = [
  "Présentation de l'offre de formation de l'IUT Loire Sud",
  "Les aides régionales à l'investissement productif",
  "Retour d'expérience : un ERP dans une PME de 30 personnes",
  "La marque « Fabriqué dans la Loire »",
  "Sécuriser ses approvisionnements en acier",
  "Le crédit d'impôt recherche expliqué simplement",
  "Les métiers en tension : où trouver des régleurs",
  "Bilan de l'année et projets du réseau",
  "L'export vers l'Allemagne : retour d'un adhérent",
  "Présentation de trois nouveaux adhérents",
  "Assurance cyber : ce qu'elle couvre vraiment",
  "Le salon Global Industrie : y aller ensemble",
];

export interface DemoGroup {
  key: "energy" | "hiring";
  name: string;
  theme: string;
  workstream: Workstream;
  description: string;
  leaderKey: string;
  /** The common need it was opened from (posted by the first company, supported by the next ones). */
  fromNeed?: { title: string; body: string; day: number };
  memberKeys: string[];
  /** Days since the group started. */
  startedDay: number;
  actions: { title: string; ownerKey?: string; dueDay?: number; status: ActionStatus }[];
}

export const demoGroups: DemoGroup[] = [
  {
    key: "energy",
    name: "Achats groupés d'énergie",
    theme: "Acheter ensemble l'électricité et le gaz des sites industriels",
    workstream: "internal_performance",
    description:
      "Après la flambée des prix, les gros consommateurs (traitement thermique, forge, fonderie) mutualisent leurs volumes pour négocier un contrat groupé à partir de 2027.",
    leaderKey: "thermolys",
    fromNeed: {
      title: "Prix de l'énergie : acheter ensemble ?",
      body: "Notre facture d'électricité a doublé en deux ans. D'autres adhérents seraient-ils prêts à grouper leurs volumes pour consulter des fournisseurs ?",
      day: -300,
    },
    memberKeys: [
      "thermolys",
      "forge-janon",
      "fonderie-du-soleil",
      "veauche-traitements-vide",
      "thermique-ondaine",
      "forges-ateliers-rive",
      "chaudronnerie-du-gier",
      "visserie-cotatay",
    ],
    startedDay: -280,
    actions: [
      {
        title: "Recenser les consommations 2025 de chaque site (relevés mensuels)",
        ownerKey: "thermolys",
        dueDay: -200,
        status: "done",
      },
      { title: "Consulter trois courtiers en énergie", ownerKey: "forge-janon", dueDay: -60, status: "done" },
      {
        title: "Rédiger le cahier des charges commun",
        ownerKey: "chaudronnerie-du-gier",
        dueDay: 20,
        status: "in_progress",
      },
      { title: "Faire valider le mandat de négociation par chaque dirigeant", dueDay: 50, status: "todo" },
      { title: "Signer le contrat groupé pour 2027", ownerKey: "thermolys", dueDay: 120, status: "todo" },
    ],
  },
  {
    key: "hiring",
    name: "Recrutement et marque employeur",
    theme: "Attirer des régleurs, usineurs et soudeurs, et donner envie aux jeunes de la mécanique",
    workstream: "training",
    description:
      "Les adhérents peinent à recruter les mêmes profils. Le groupe mène des actions communes avec les écoles du territoire et construit une image partagée de l'industrie mécanique locale.",
    leaderKey: "granjon-mecanique",
    memberKeys: [
      "granjon-mecanique",
      "ressorts-vialatte",
      "usinage-du-furan",
      "decolletage-izieux",
      "couronne-outillage",
      "atelier-stephanois-chaudronnerie",
      "iut-loire-sud",
      "lycee-professionnel-gier",
    ],
    startedDay: -210,
    actions: [
      { title: "Job dating commun avec l'IUT Loire Sud", ownerKey: "granjon-mecanique", dueDay: -120, status: "done" },
      {
        title: "Tourner la vidéo métiers « Fabriqué dans la Loire »",
        ownerKey: "ressorts-vialatte",
        dueDay: 15,
        status: "in_progress",
      },
      {
        title: "Rédiger une charte d'accueil des alternants",
        ownerKey: "usinage-du-furan",
        dueDay: 45,
        status: "todo",
      },
      { title: "Stand commun au salon de l'emploi industriel", dueDay: 90, status: "todo" },
    ],
  },
];

export interface DemoNeed {
  title: string;
  body: string;
  authorKey: string;
  supporterKeys: string[];
  day: number;
}

/** The first is shared by exactly three companies, the default threshold: staff see a pending proposal. */
export const demoNeeds: DemoNeed[] = [
  {
    title: "Mutualiser le contrôle non destructif par ressuage",
    body: "Nous sous-traitons nos contrôles CND à Lyon, avec dix jours de délai. Un équipement partagé ou un prestataire commun dans la Loire nous ferait gagner une semaine.",
    authorKey: "chaudronnerie-du-gier",
    supporterKeys: ["atelier-stephanois-chaudronnerie", "tolerie-bonnefonds"],
    day: -18,
  },
  {
    title: "Un diagnostic cybersécurité partagé pour les TPE",
    body: "Après le déjeuner sur la cybersécurité : qui serait partant pour faire venir un prestataire pour plusieurs TPE à la fois ?",
    authorKey: "metrologie-jacquard",
    supporterKeys: ["carnot-meca-etudes"],
    day: -75,
  },
  {
    title: "Transport mutualisé de pièces vers la région lyonnaise",
    body: "Nous livrons trois fois par semaine à Vénissieux et Saint-Priest, souvent à moitié vide. D'autres flux à partager ?",
    authorKey: "decolletage-izieux",
    supporterKeys: [],
    day: -110,
  },
  {
    title: "Former nos régleurs à la programmation des robots collaboratifs",
    body: "Une session inter-entreprises coûterait moins cher qu'une formation chez chacun.",
    authorKey: "robotique-bellevue",
    supporterKeys: ["moliere-machines-speciales"],
    day: -40,
  },
];

export interface DemoContact {
  memberKey: string;
  day: number;
  kind: ContactKind;
  staff: 0 | 1;
  summary: string;
  /** Index of the person spoken to in the member's people; main contact by default. */
  person?: number;
  followUp?: { title: string; kind?: ContactKind; dueDay: number; staff?: 0 | 1; done?: boolean };
}

/** The staff's log: Claire (0) and Julien (1). Some follow-ups are overdue, as in real life. */
export const demoContacts: DemoContact[] = [
  {
    memberKey: "granjon-mecanique",
    day: -320,
    kind: "visit",
    staff: 0,
    summary: "Visite annuelle de l'atelier. Nouveau centre d'usinage 5 axes en service ; cherchent deux régleurs.",
    followUp: { title: "Mettre en relation avec l'IUT pour l'alternance", dueDay: -300, done: true },
  },
  {
    memberKey: "thermolys",
    day: -305,
    kind: "meeting",
    staff: 0,
    summary:
      "Rendez-vous avec Yannick Ollagnier sur les prix de l'énergie : prêt à piloter un groupe d'achats groupés.",
  },
  {
    memberKey: "fonderie-grand-croix",
    day: -95,
    kind: "visit",
    staff: 1,
    summary:
      "Visite du site : présentation du réseau et des groupes de travail ; très intéressée par les achats d'énergie.",
    followUp: { title: "Présenter la fonderie au groupe Achats groupés d'énergie", kind: "email", dueDay: -5 },
  },
  {
    memberKey: "metrologie-jacquard",
    day: -268,
    kind: "call",
    staff: 1,
    summary: "Remerciements après le déjeuner cybersécurité ; souhaite un diagnostic, mais seul c'est trop cher.",
    followUp: { title: "Proposer un diagnostic cybersécurité groupé", dueDay: -240, done: true },
  },
  {
    memberKey: "ressorts-vialatte",
    day: -190,
    kind: "meeting",
    staff: 0,
    summary: "Point sur la vidéo métiers : Sophie Vialatte accepte d'ouvrir l'atelier pour le tournage.",
  },
  {
    memberKey: "forges-ateliers-rive",
    day: -160,
    kind: "visit",
    staff: 1,
    summary: "Préparation de la visite d'entreprise : parcours, sécurité, nombre de places (25).",
  },
  {
    memberKey: "mecanique-dufaud",
    day: -140,
    kind: "call",
    staff: 1,
    summary: "Rémi Dufaud cherche un sous-traitant en traitement de surface pour une série aéronautique.",
    followUp: {
      title: "Lui transmettre trois adhérents en traitement de surface",
      kind: "email",
      dueDay: -135,
      done: true,
    },
  },
  {
    memberKey: "sigoplast",
    day: -120,
    kind: "email",
    staff: 0,
    summary: "Relance de la cotisation 2026 ; promet un règlement avant la fin du trimestre.",
    followUp: { title: "Vérifier le règlement de la cotisation", dueDay: -12 },
  },
  {
    memberKey: "roanne-structures",
    day: -35,
    kind: "call",
    staff: 0,
    summary: "Pas vu depuis longtemps. Carnet de commandes chargé, peu de temps ; intéressé par le groupe énergie.",
    followUp: { title: "Rappeler après la clôture de leur exercice", dueDay: 26 },
  },
  {
    memberKey: "givors-fonderie-acier",
    day: -250,
    kind: "call",
    staff: 1,
    summary: "Changement de direction annoncé. Le nouveau directeur ne connaît pas encore le réseau.",
    followUp: { title: "Proposer une rencontre au nouveau directeur", kind: "meeting", dueDay: -2 },
  },
  {
    memberKey: "couronne-outillage",
    day: -80,
    kind: "meeting",
    staff: 0,
    summary: "Rencontre sur le salon Global Industrie : envisage un stand partagé l'an prochain.",
  },
  {
    memberKey: "usinage-du-furan",
    day: -60,
    kind: "call",
    staff: 1,
    summary: "Question sur les aides régionales pour un robot de chargement.",
    followUp: { title: "Envoyer la fiche de l'aide régionale à l'investissement", kind: "email", dueDay: 1 },
  },
  {
    memberKey: "aciers-pertuiset",
    day: -45,
    kind: "visit",
    staff: 0,
    summary: "Visite du site : projet d'extension, besoin de chaudronniers sous-traitants pour 2027.",
    followUp: { title: "Organiser une rencontre avec trois chaudronniers adhérents", kind: "meeting", dueDay: 9 },
  },
  {
    memberKey: "chaudronnerie-du-gier",
    day: -17,
    kind: "call",
    staff: 0,
    summary: "A posté un besoin sur le contrôle par ressuage ; deux autres entreprises ont suivi.",
    followUp: { title: "Proposer l'ouverture d'un groupe de travail CND", dueDay: 4, staff: 0 },
  },
  {
    memberKey: "lorette-revetements",
    day: -28,
    kind: "email",
    staff: 1,
    summary: "Envoi des dates des prochains petits-déjeuners et du compte rendu du dernier.",
  },
  {
    memberKey: "decolletage-izieux",
    day: -12,
    kind: "meeting",
    staff: 1,
    summary: "Bilan du business corner lean ; Antoine Ollagnier veut bien témoigner à nouveau au printemps.",
  },
  {
    memberKey: "velay-usinage",
    day: -8,
    kind: "call",
    staff: 0,
    summary: "Souhaite être présenté aux décolleteurs du réseau pour sous-traiter une partie de sa charge.",
    followUp: { title: "Présenter Velay Usinage à Aurec Décolletage", kind: "email", dueDay: 40, staff: 1 },
  },
  {
    memberKey: "forge-janon",
    day: -4,
    kind: "call",
    staff: 1,
    summary: "Retour sur les offres des courtiers : Thierry Gaillard préfère attendre le cahier des charges.",
  },
];
