/**
 * Word lists and data tables behind the demo cluster and the benchmark generator, and the
 * phrase builders that use them. Every company and person here is invented; communes are
 * real (INSEE code, name and postcodes checked against the commune reference CSV by
 * demo-data.test.ts), as are NAF rév. 2 codes.
 */
import type { DemoCluster, DemoUser, Rng } from "./demo-data.js";

/** TPE (<10), small SME (10–49), medium SME (50–249), mid-cap (250+). */
export type SizeBand = "tpe" | "small" | "medium" | "eti";

export const headcountRange: Record<SizeBand, [number, number]> = {
  tpe: [2, 9],
  small: [10, 49],
  medium: [50, 249],
  eti: [250, 520],
};

export function headcountFor(rng: Rng, size: SizeBand): number {
  const [min, max] = headcountRange[size];
  // Log-uniform: small firms are more common within each band.
  return Math.round(Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min))));
}

/** 80–180 k€ per employee, rounded to 10 k€. */
export function turnoverFor(rng: Rng, headcount: number): number {
  return Math.round((headcount * rng.int(80, 180)) / 10) * 10_000;
}

export interface CompanySpec {
  key: string;
  legalName: string;
  tradeName?: string;
  trades: string[];
  insee: string;
  size: SizeBand;
  /** One of the ≈15 entrepreneurs who founded the cluster in 1995. */
  founder?: boolean;
  status?: "former" | "prospect";
  leaveReason?: string;
  /** A fixed head of company, for the demo users who log in as members. */
  boss?: [firstName: string, lastName: string];
  /** Markets, when the name says them (an aerospace machinist); otherwise drawn from the trades. */
  sectors?: string[];
  /** Overrides the main trade's phrase and NAF code when the name or the metal says it. */
  speciality?: { phrase: string; nafCode: string };
}

export const demoClusterInfo: DemoCluster["cluster"] = {
  slug: "demo",
  name: "Mécagrappe Loire (démo)",
  description:
    "Grappe d'entreprises de démonstration : des PME de la mécanique et de la métallurgie à moins de deux heures de Saint-Étienne, de la conception à la livraison de la pièce finie, avec leurs écoles, laboratoires et partenaires. Toutes les entreprises et personnes sont fictives.",
  homeCommune: "42218",
};

/** Two staff, two heads of member companies (the `boss` of their company) and a metropolis officer. */
export const demoUsers: DemoUser[] = [
  { name: "Claire Fontvieille", email: "claire.staff@demo.grappe.test", role: "staff" },
  { name: "Julien Sauzéat", email: "julien.staff@demo.grappe.test", role: "staff" },
  { name: "Paul Granjon", email: "paul.member@demo.grappe.test", role: "member", memberKey: "granjon-mecanique" },
  { name: "Sophie Vialatte", email: "sophie.member@demo.grappe.test", role: "member", memberKey: "ressorts-vialatte" },
  { name: "Nadia Combaret", email: "nadia.funder@demo.grappe.test", role: "funder" },
];

export interface DemoCommune {
  insee: string;
  name: string;
  department: string;
  postcodes: string[];
}

export const demoCommunes: DemoCommune[] = [
  { insee: "42218", name: "Saint-Étienne", department: "42", postcodes: ["42000", "42100", "42230"] },
  { insee: "42207", name: "Saint-Chamond", department: "42", postcodes: ["42400"] },
  { insee: "42095", name: "Firminy", department: "42", postcodes: ["42700"] },
  { insee: "42044", name: "Le Chambon-Feugerolles", department: "42", postcodes: ["42500"] },
  { insee: "42183", name: "La Ricamarie", department: "42", postcodes: ["42150"] },
  { insee: "42316", name: "Unieux", department: "42", postcodes: ["42240"] },
  { insee: "42330", name: "Villars", department: "42", postcodes: ["42390"] },
  { insee: "42302", name: "Sorbiers", department: "42", postcodes: ["42290"] },
  { insee: "42305", name: "La Talaudière", department: "42", postcodes: ["42350"] },
  { insee: "42237", name: "Saint-Jean-Bonnefonds", department: "42", postcodes: ["42650"] },
  { insee: "42223", name: "Saint-Genest-Lerpt", department: "42", postcodes: ["42530"] },
  { insee: "42189", name: "Roche-la-Molière", department: "42", postcodes: ["42230"] },
  { insee: "42275", name: "Saint-Priest-en-Jarez", department: "42", postcodes: ["42270"] },
  { insee: "42110", name: "L'Horme", department: "42", postcodes: ["42152"] },
  { insee: "42103", name: "La Grand-Croix", department: "42", postcodes: ["42320"] },
  { insee: "42123", name: "Lorette", department: "42", postcodes: ["42420"] },
  { insee: "42186", name: "Rive-de-Gier", department: "42", postcodes: ["42800"] },
  { insee: "42271", name: "Saint-Paul-en-Jarez", department: "42", postcodes: ["42740"] },
  { insee: "42099", name: "Fraisses", department: "42", postcodes: ["42490"] },
  { insee: "42005", name: "Andrézieux-Bouthéon", department: "42", postcodes: ["42160"] },
  { insee: "42279", name: "Saint-Just-Saint-Rambert", department: "42", postcodes: ["42170"] },
  { insee: "42323", name: "Veauche", department: "42", postcodes: ["42340"] },
  { insee: "42147", name: "Montbrison", department: "42", postcodes: ["42600"] },
  { insee: "42094", name: "Feurs", department: "42", postcodes: ["42110"] },
  { insee: "42187", name: "Roanne", department: "42", postcodes: ["42300"] },
  { insee: "42184", name: "Riorges", department: "42", postcodes: ["42153"] },
  { insee: "42127", name: "Mably", department: "42", postcodes: ["42300"] },
  { insee: "42304", name: "Sury-le-Comtal", department: "42", postcodes: ["42450"] },
  { insee: "42256", name: "Saint-Marcellin-en-Forez", department: "42", postcodes: ["42680"] },
  { insee: "42059", name: "Chazelles-sur-Lyon", department: "42", postcodes: ["42140"] },
  { insee: "42222", name: "Saint-Galmier", department: "42", postcodes: ["42330"] },
  { insee: "43137", name: "Monistrol-sur-Loire", department: "43", postcodes: ["43120"] },
  { insee: "43224", name: "Sainte-Sigolène", department: "43", postcodes: ["43600"] },
  { insee: "43012", name: "Aurec-sur-Loire", department: "43", postcodes: ["43110"] },
  { insee: "43268", name: "Yssingeaux", department: "43", postcodes: ["43200"] },
  { insee: "43157", name: "Le Puy-en-Velay", department: "43", postcodes: ["43000"] },
  { insee: "43040", name: "Brioude", department: "43", postcodes: ["43100"] },
  { insee: "63430", name: "Thiers", department: "63", postcodes: ["63300"] },
  { insee: "63113", name: "Clermont-Ferrand", department: "63", postcodes: ["63000", "63100"] },
  { insee: "69091", name: "Givors", department: "69", postcodes: ["69700"] },
  { insee: "69259", name: "Vénissieux", department: "69", postcodes: ["69200"] },
  { insee: "69266", name: "Villeurbanne", department: "69", postcodes: ["69100"] },
  { insee: "07010", name: "Annonay", department: "07", postcodes: ["07100"] },
  { insee: "38544", name: "Vienne", department: "38", postcodes: ["38200"] },
  { insee: "26362", name: "Valence", department: "26", postcodes: ["26000"] },
];

/** Landline prefix by department, after "+33 4". */
export const phonePrefixByDepartment: Record<string, string[]> = {
  "42": ["77"],
  "43": ["71"],
  "63": ["73"],
  "69": ["72", "78"],
  "07": ["75"],
  "26": ["75"],
  "38": ["74"],
};

// biome-ignore format: one company per line reads as a table
export const demoCompanies: CompanySpec[] = [
  // Saint-Étienne
  { key: "usinage-du-furan", legalName: "Usinage du Furan SAS", trades: ["machining", "metrology"], insee: "42218", size: "small", founder: true },
  { key: "granjon-mecanique", legalName: "Granjon Mécanique de Précision SAS", tradeName: "Granjon MP", trades: ["machining", "design"], insee: "42218", size: "medium", founder: true, boss: ["Paul", "Granjon"] },
  { key: "atelier-stephanois-chaudronnerie", legalName: "Atelier Stéphanois de Chaudronnerie SARL", tradeName: "ASC", trades: ["boiler-making", "welding"], insee: "42218", size: "small", founder: true },
  { key: "thermolys", legalName: "Thermolys Traitements SAS", tradeName: "Thermolys", trades: ["heat-treatment"], insee: "42218", size: "medium" },
  { key: "carnot-meca-etudes", legalName: "Bureau d'études Carnot Méca SARL", trades: ["design"], insee: "42218", size: "tpe" },
  { key: "ressorts-vialatte", legalName: "Ressorts Vialatte SAS", trades: ["springs"], insee: "42218", size: "small", founder: true, boss: ["Sophie", "Vialatte"] },
  { key: "couronne-outillage", legalName: "Couronne Outillage SARL", trades: ["mould-making", "machining"], insee: "42218", size: "small" },
  { key: "metrologie-jacquard", legalName: "Métrologie Jacquard SARL", trades: ["metrology"], insee: "42218", size: "tpe" },
  { key: "robotique-bellevue", legalName: "Robotique Bellevue SAS", trades: ["automation", "special-machines"], insee: "42218", size: "small" },
  { key: "chavassieux-maintenance", legalName: "Chavassieux et Fils Maintenance Industrielle SAS", tradeName: "Chavassieux MI", trades: ["maintenance", "factory-relocation", "design"], insee: "42218", size: "medium", boss: ["Laurent", "Chavassieux"] },
  { key: "additiv-loire", legalName: "Additiv'Loire SAS", trades: ["additive-manufacturing", "design"], insee: "42218", size: "tpe" },
  { key: "mecanique-badouillere", legalName: "Mécanique Générale de la Badouillère SARL", trades: ["machining", "welding"], insee: "42218", size: "tpe", status: "former", leaveReason: "Départ à la retraite du dirigeant" },
  { key: "fonderie-du-soleil", legalName: "Fonderie du Soleil SAS", trades: ["foundry"], insee: "42218", size: "small", founder: true, speciality: { phrase: "la fonderie d'aluminium en sable et en coquille", nafCode: "24.53Z" } },
  { key: "electromeca-montreynaud", legalName: "Électromécanique Montreynaud SARL", trades: ["maintenance", "automation"], insee: "42218", size: "small" },
  { key: "ingenierie-fauriel", legalName: "Ingénierie Fauriel SAS", trades: ["design", "special-machines"], insee: "42218", size: "small" },
  // Vallée du Gier
  { key: "chaudronnerie-du-gier", legalName: "Chaudronnerie du Gier SAS", trades: ["boiler-making", "piping", "metal-structures"], insee: "42207", size: "medium", founder: true },
  { key: "forge-janon", legalName: "Forge Janon Estampage SAS", trades: ["forging"], insee: "42207", size: "medium", founder: true },
  { key: "gier-traitements-surface", legalName: "Gier Traitements de Surface SARL", tradeName: "GTS", trades: ["surface-treatment"], insee: "42207", size: "small" },
  { key: "decolletage-izieux", legalName: "Décolletage d'Izieux SAS", trades: ["turning"], insee: "42207", size: "small" },
  { key: "charpente-pelissier-roche", legalName: "Charpente Métallique Pélissier-Roche SARL", trades: ["metal-structures", "welding"], insee: "42207", size: "small" },
  { key: "forges-ateliers-rive", legalName: "Forges et Ateliers de Rive SA", tradeName: "FAR", trades: ["forging", "machining", "heat-treatment"], insee: "42186", size: "eti", founder: true },
  { key: "mecanique-dufaud", legalName: "Mécanique Dufaud SARL", trades: ["machining"], insee: "42186", size: "small", boss: ["Rémi", "Dufaud"] },
  { key: "soudure-couzon", legalName: "Soudure Couzon SARL", trades: ["welding", "boiler-making"], insee: "42186", size: "tpe", status: "former", leaveReason: "Cessation d'activité" },
  { key: "ressorts-du-pilat", legalName: "Ressorts du Pilat SAS", trades: ["springs"], insee: "42271", size: "small" },
  { key: "tuyauterie-hormoise", legalName: "Tuyauterie Industrielle Hormoise SAS", tradeName: "TIH", trades: ["piping", "boiler-making"], insee: "42110", size: "small" },
  { key: "fonderie-grand-croix", legalName: "Fonderie de la Grand-Croix SAS", trades: ["foundry", "machining"], insee: "42103", size: "medium", speciality: { phrase: "la fonderie de fonte grise et de fonte à graphite sphéroïdal", nafCode: "24.51Z" } },
  { key: "lorette-revetements", legalName: "Lorette Revêtements SARL", trades: ["surface-treatment"], insee: "42123", size: "small" },
  // Vallée de l'Ondaine
  { key: "ondaine-decolletage", legalName: "Ondaine Décolletage SAS", trades: ["turning", "machining"], insee: "42095", size: "small", founder: true, speciality: { phrase: "le décolletage de précision", nafCode: "25.62A" } },
  { key: "firmitec-usinage", legalName: "Firmitec Usinage SAS", tradeName: "Firmitec", trades: ["machining"], insee: "42095", size: "small" },
  { key: "thermique-ondaine", legalName: "Traitements Thermiques de l'Ondaine SAS", tradeName: "TTO", trades: ["heat-treatment", "surface-treatment"], insee: "42095", size: "small" },
  { key: "visserie-cotatay", legalName: "Visserie Technique du Cotatay SA", tradeName: "VTC", trades: ["turning", "heat-treatment"], insee: "42044", size: "eti", founder: true, sectors: ["l'automobile", "le ferroviaire", "l'aéronautique"] },
  { key: "outils-marcoux", legalName: "Outils de Coupe Marcoux SARL", trades: ["mould-making", "machining"], insee: "42044", size: "small", boss: ["Agnès", "Marcoux"] },
  { key: "usinage-montcel", legalName: "Usinage Grande Capacité du Montcel SAS", tradeName: "UGCM", trades: ["machining", "integration"], insee: "42183", size: "small" },
  { key: "aciers-pertuiset", legalName: "Aciers Spéciaux du Pertuiset SA", trades: ["forging", "foundry", "heat-treatment"], insee: "42316", size: "eti" },
  { key: "fraisses-aerousinage", legalName: "Aérousinage Fraisses SAS", trades: ["machining", "metrology"], insee: "42099", size: "medium", sectors: ["l'aéronautique", "le spatial", "la défense"], speciality: { phrase: "l'usinage 5 axes de pièces complexes", nafCode: "25.62B" } },
  { key: "moliere-machines-speciales", legalName: "Molière Machines Spéciales SAS", tradeName: "2MS", trades: ["special-machines", "design", "integration"], insee: "42189", size: "small" },
  { key: "lerpt-affutage", legalName: "Lerpt Affûtage et Outils SARL", trades: ["mould-making"], insee: "42223", size: "tpe" },
  // Nord de la métropole
  { key: "plasti-villars", legalName: "Plasti-Villars Injection SAS", trades: ["plastics", "mould-making"], insee: "42330", size: "small" },
  { key: "assemblages-jarez", legalName: "Assemblages Techniques du Jarez SARL", trades: ["integration", "welding"], insee: "42302", size: "small" },
  { key: "talau-mecatronique", legalName: "Talau Mécatronique SAS", trades: ["automation", "special-machines", "integration"], insee: "42305", size: "medium", founder: true },
  { key: "tolerie-bonnefonds", legalName: "Tôlerie Bonnefonds Découpe SAS", tradeName: "TBD", trades: ["sheet-metal", "welding"], insee: "42237", size: "small", speciality: { phrase: "la tôlerie fine et la découpe laser", nafCode: "25.99B" } },
  { key: "controle-mesure-jarez", legalName: "Contrôle et Mesure du Jarez SARL", trades: ["metrology"], insee: "42275", size: "tpe" },
  // Plaine du Forez
  { key: "boutheon-integration", legalName: "Bouthéon Intégration Systèmes SAS", tradeName: "BIS", trades: ["integration", "automation"], insee: "42005", size: "medium" },
  { key: "transferts-industriels-forez", legalName: "Transferts Industriels du Forez SAS", trades: ["factory-relocation", "maintenance"], insee: "42005", size: "small" },
  { key: "moules-de-la-plaine", legalName: "Moules et Modèles de la Plaine SARL", trades: ["mould-making"], insee: "42005", size: "small" },
  { key: "decolletage-rambertois", legalName: "Décolletage Rambertois SAS", trades: ["turning"], insee: "42279", size: "small", founder: true, status: "former", leaveReason: "Rachat par un groupe" },
  { key: "veauche-traitements-vide", legalName: "Veauche Traitements sous Vide SAS", trades: ["heat-treatment"], insee: "42323", size: "small", speciality: { phrase: "les traitements thermiques sous vide", nafCode: "25.61Z" } },
  { key: "ateliers-vizezy", legalName: "Ateliers Mécaniques du Vizézy SAS", trades: ["machining", "integration"], insee: "42147", size: "small", founder: true },
  { key: "forez-metrologie", legalName: "Forez Métrologie Services SARL", trades: ["metrology"], insee: "42147", size: "tpe" },
  { key: "chaudronnerie-forezienne", legalName: "Chaudronnerie Forézienne Inox SAS", tradeName: "CFI", trades: ["boiler-making", "piping"], insee: "42094", size: "small", speciality: { phrase: "la chaudronnerie inox", nafCode: "25.29Z" } },
  { key: "sury-outillage-presse", legalName: "Sury Outillage de Presse SARL", trades: ["mould-making", "sheet-metal"], insee: "42304", size: "small" },
  { key: "maintenance-marcellinoise", legalName: "Maintenance Mécanique Marcellinoise SARL", trades: ["maintenance"], insee: "42256", size: "tpe", status: "former", leaveReason: "Cessation d'activité" },
  { key: "chazelles-automatismes", legalName: "Chazelles Automatismes SARL", trades: ["automation"], insee: "42059", size: "tpe", status: "prospect" },
  { key: "galmier-ingenierie", legalName: "Galmier Ingénierie SARL", trades: ["design"], insee: "42222", size: "tpe" },
  // Roannais
  { key: "roannaise-machines-speciales", legalName: "Roannaise de Machines Spéciales SA", tradeName: "RMS", trades: ["special-machines", "automation", "integration"], insee: "42187", size: "eti", founder: true, speciality: { phrase: "la conception et la réalisation de machines spéciales", nafCode: "28.99B" } },
  { key: "mecanique-roannaise-precision", legalName: "Mécanique Roannaise de Précision SAS", trades: ["machining", "turning"], insee: "42187", size: "small" },
  { key: "roanne-structures", legalName: "Roanne Structures et Blindages SAS", trades: ["metal-structures", "welding", "sheet-metal"], insee: "42187", size: "medium", sectors: ["la défense", "le ferroviaire", "l'énergie"] },
  { key: "riorges-peinture", legalName: "Riorges Peinture Industrielle SARL", trades: ["surface-treatment"], insee: "42184", size: "small" },
  { key: "mably-tolerie", legalName: "Mably Tôlerie Fine SARL", trades: ["sheet-metal"], insee: "42127", size: "small", status: "former", leaveReason: "Raisons budgétaires", speciality: { phrase: "la tôlerie fine et la découpe laser", nafCode: "25.99B" } },
  // Haute-Loire
  { key: "monistrol-moules", legalName: "Monistrol Moules Techniques SAS", trades: ["mould-making", "plastics"], insee: "43137", size: "small" },
  { key: "sigoplast", legalName: "Sigoplast Pièces Techniques SAS", tradeName: "Sigoplast", trades: ["plastics"], insee: "43224", size: "medium", sectors: ["l'automobile", "le médical", "l'emballage"] },
  { key: "aurec-decolletage", legalName: "Décolletage de la Semène SAS", trades: ["turning"], insee: "43012", size: "small" },
  { key: "chaudronnerie-velay", legalName: "Chaudronnerie du Velay SARL", trades: ["boiler-making", "metal-structures"], insee: "43268", size: "small" },
  { key: "velay-usinage", legalName: "Velay Usinage Précision SAS", tradeName: "VUP", trades: ["machining", "metrology"], insee: "43157", size: "small" },
  { key: "brivadoise-surfaces", legalName: "Brivadoise de Traitement de Surface SARL", trades: ["surface-treatment"], insee: "43040", size: "small", status: "former", leaveReason: "Recentrage sur un autre réseau professionnel" },
  // Départements voisins
  { key: "durolle-forge", legalName: "Forge et Coutellerie Industrielle de la Durolle SAS", trades: ["forging", "heat-treatment"], insee: "63430", size: "small" },
  { key: "arverne-additif", legalName: "Arverne Fabrication Additive SAS", trades: ["additive-manufacturing"], insee: "63113", size: "tpe", status: "prospect" },
  { key: "givors-fonderie-acier", legalName: "Fonderie d'Acier de Givors SAS", trades: ["foundry"], insee: "69091", size: "medium", speciality: { phrase: "la fonderie d'acier et d'alliages résistants à l'usure", nafCode: "24.52Z" } },
  { key: "venissieux-robotique", legalName: "Vénissieux Intégration Robotique SAS", trades: ["automation", "integration"], insee: "69259", size: "small", status: "prospect" },
  { key: "essais-mesures-villeurbanne", legalName: "Essais et Mesures Mécaniques SARL", trades: ["metrology", "design"], insee: "69266", size: "tpe", status: "prospect" },
  { key: "mecanique-cance", legalName: "Mécanique de la Cance SAS", trades: ["machining", "welding"], insee: "07010", size: "small" },
  { key: "viennoise-tuyauterie", legalName: "Viennoise de Tuyauterie et Maintenance SAS", trades: ["piping", "maintenance"], insee: "38544", size: "small" },
  { key: "valentinoise-usinage-aero", legalName: "Valentinoise d'Usinage Aéronautique SAS", trades: ["machining"], insee: "26362", size: "medium", status: "prospect", sectors: ["l'aéronautique", "le spatial"] },
];

export interface OrganisationSpec {
  key: string;
  kind: "school" | "lab" | "public_body" | "partner";
  legalName: string;
  tradeName?: string;
  nafCode: string;
  insee: string;
  trades: string[];
  description: string;
  contactTitles: string[];
  joinedYear: number;
}

export const demoOrganisations: OrganisationSpec[] = [
  {
    key: "ecole-ingenieurs-forez",
    kind: "school",
    legalName: "École d'ingénieurs du Forez",
    tradeName: "EIF",
    nafCode: "85.42Z",
    insee: "42218",
    trades: ["training", "research"],
    description:
      "École d'ingénieurs généraliste et mécanique. Elle accueille des apprentis et des stagiaires chez les adhérents et ouvre ses plateformes d'essais aux entreprises du réseau.",
    contactTitles: ["Directeur des relations entreprises", "Responsable de la formation par apprentissage"],
    joinedYear: 1997,
  },
  {
    key: "iut-loire-sud",
    kind: "school",
    legalName: "IUT Loire-Sud, département Génie mécanique et productique",
    nafCode: "85.42Z",
    insee: "42218",
    trades: ["training"],
    description:
      "Département d'IUT formant des techniciens supérieurs en conception, usinage et industrialisation. Projets tutorés et alternance avec les PME de la grappe.",
    contactTitles: ["Chef de département", "Chargé des relations industrielles"],
    joinedYear: 2004,
  },
  {
    key: "lycee-professionnel-gier",
    kind: "school",
    legalName: "Lycée professionnel du Gier",
    nafCode: "85.32Z",
    insee: "42186",
    trades: ["training"],
    description:
      "Lycée des métiers de la chaudronnerie, de la soudure et de l'usinage. Bac professionnel et BTS, plateau technique ouvert aux entreprises pour des formations courtes.",
    contactTitles: ["Directeur délégué aux formations"],
    joinedYear: 2009,
  },
  {
    key: "lycee-technique-ondaine",
    kind: "school",
    legalName: "Lycée technique de l'Ondaine",
    nafCode: "85.32Z",
    insee: "42095",
    trades: ["training"],
    description:
      "Lycée technique et professionnel : maintenance des systèmes de production, conception des processus de réalisation de produits, contrôle industriel et régulation automatique.",
    contactTitles: ["Directeur délégué aux formations"],
    joinedYear: 2016,
  },
  {
    key: "laboratoire-tribologie-forez",
    kind: "lab",
    legalName: "Laboratoire de tribologie et d'ingénierie des surfaces du Forez",
    tradeName: "LTIS",
    nafCode: "72.19Z",
    insee: "42218",
    trades: ["research", "surface-treatment", "metrology"],
    description:
      "Laboratoire de recherche sur le frottement, l'usure et les traitements de surface. Il mène des thèses CIFRE et des prestations d'essais pour les industriels de la mécanique.",
    contactTitles: ["Directeur du laboratoire", "Ingénieur valorisation"],
    joinedYear: 2002,
  },
  {
    key: "centre-essais-loire-velay",
    kind: "lab",
    legalName: "Centre d'essais mécaniques Loire-Velay",
    nafCode: "72.19Z",
    insee: "42005",
    trades: ["research", "metrology", "additive-manufacturing"],
    description:
      "Plateforme de recherche et d'essais : fatigue, caractérisation des matériaux, fabrication additive métal. Elle accompagne les PME sur leurs projets d'industrie du futur.",
    contactTitles: ["Responsable de la plateforme"],
    joinedYear: 2013,
  },
  {
    key: "cci-loire-forez",
    kind: "public_body",
    legalName: "Chambre de commerce et d'industrie Loire-Forez (fictive)",
    nafCode: "94.11Z",
    insee: "42218",
    trades: [],
    description:
      "Chambre consulaire partenaire de la grappe : diagnostics cybersécurité et énergie, appui à l'export, formalités et mise en relation avec les financeurs.",
    contactTitles: ["Conseiller industrie"],
    joinedYear: 1995,
  },
  {
    key: "agence-developpement-stephanoise",
    kind: "public_body",
    legalName: "Agence de développement économique de l'agglomération stéphanoise (fictive)",
    nafCode: "84.13Z",
    insee: "42218",
    trades: [],
    description:
      "Agence de développement économique de la métropole : accueil des implantations, recherche de foncier industriel et soutien aux filières d'excellence, dont la filière manufacturing.",
    contactTitles: ["Chargé de mission filière manufacturing"],
    joinedYear: 2001,
  },
  {
    key: "union-metallurgie-loire-velay",
    kind: "partner",
    legalName: "Union des industries de la métallurgie Loire-Velay (fictive)",
    nafCode: "94.11Z",
    insee: "42218",
    trades: ["training"],
    description:
      "Organisation patronale de la métallurgie : conseil juridique et social, convention collective, formation en alternance et promotion des métiers de l'industrie.",
    contactTitles: ["Délégué général", "Responsable emploi-formation"],
    joinedYear: 1995,
  },
  {
    key: "pole-mecanique-avancee",
    kind: "partner",
    legalName: "Pôle de compétitivité Mécanique avancée Rhône-Alpes (fictif)",
    tradeName: "MecaPôle AURA",
    nafCode: "94.99Z",
    insee: "42218",
    trades: ["research"],
    description:
      "Pôle de compétitivité de la mécanique : montage de projets collaboratifs, accompagnement aux appels à projets régionaux, nationaux et européens, animation des grappes de la région.",
    contactTitles: ["Chargé d'affaires innovation"],
    joinedYear: 2006,
  },
];

// biome-ignore format: a word list
export const maleFirstNames = [
  "Pierre", "Jean", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Laurent", "Frédéric", "Stéphane",
  "Olivier", "Thierry", "Sébastien", "Jérôme", "Éric", "Bruno", "Franck", "Guillaume", "Mathieu", "Antoine",
  "Romain", "Thomas", "Hugo", "Maxime", "Damien", "Cédric", "Fabien", "Ludovic", "Yannick", "Rémi",
];

// biome-ignore format: a word list
export const femaleFirstNames = [
  "Marie", "Nathalie", "Isabelle", "Sandrine", "Valérie", "Christine", "Céline", "Stéphanie", "Aurélie", "Émilie",
  "Julie", "Camille", "Laure", "Hélène", "Agnès", "Caroline", "Anne", "Élodie", "Pauline", "Claire",
  "Audrey", "Virginie", "Mélanie", "Karine", "Manon", "Léa", "Chloé", "Sophie", "Florence", "Delphine",
];

// biome-ignore format: a word list
export const lastNames = [
  "Chapuis", "Peyrache", "Courbon", "Thiollière", "Royon", "Garnier", "Berthéas", "Mounier", "Vernay", "Brunon",
  "Ollagnier", "Faure", "Chatagnon", "Dumas", "Souvignet", "Bruyas", "Perrin", "Mathevet", "Rochette", "Giraud",
  "Gaillard", "Besson", "Clavel", "Fournel", "Jacquemond", "Coste", "Pichon", "Teyssier", "Martel", "Crozet",
  "Barou", "Epalle", "Ferrand", "Grange", "Monnier", "Chaize", "Cellier", "Pitiot", "Reynaud", "Dubouchet",
  "Dupuy", "Moulin", "Villard", "Brossard", "Combe", "Poyet", "Guillot", "Seux", "Verney", "Mazet",
  "Dussud", "Gonin", "Bayle", "Journoud", "Roux", "Perret", "Chomat", "Magnin", "Desfonds", "Tissot",
  "Vial", "Robert", "Fraisse", "Blanchard", "Sabatier", "Chanut", "Mourier", "Bardel", "Duplay", "Liogier",
];

export const staffTitles = [
  "Responsable commercial",
  "Responsable qualité",
  "Directeur technique",
  "Responsable de production",
  "Chargé d'affaires",
  "Responsable des achats",
  "Responsable des ressources humaines",
  "Responsable du bureau d'études",
  "Responsable administratif et financier",
];

// biome-ignore format: a word list
export const streetLines = [
  "rue de l'Industrie", "rue des Forges", "rue Benoît Fourneyron", "avenue de la Libération", "rue Jean Jaurès",
  "rue Pierre et Marie Curie", "rue des Aciéries", "chemin des Platanes", "boulevard de l'Europe", "rue du Moulin",
  "rue de la Mécanique", "allée des Tourneurs", "rue Gustave Eiffel", "rue Denis Papin", "impasse des Artisans",
];
// biome-ignore format: a word list
export const businessParks = [
  "ZI du Clos Marquet", "ZA des Granges", "Parc d'activités du Pont", "ZI de la Varenne", "ZA du Bas Rollet",
  "Parc industriel des Trois Ponts", "ZI des Plaines", "ZA de la Croix Blanche", "Parc technologique du Vernay",
];

/** What each trade brings to a description, an identity and a workshop. */
export interface TradeVocabulary {
  /** Noun phrases with their article, usable after "dans" or "propose". */
  phrases: string[];
  nafCodes: string[];
  equipment: string[];
  /** Markets, with their article, usable after "pour" or "dans". */
  sectors: string[];
  /** Words that start a company name, for the benchmark generator. */
  nameWords: string[];
  /** When set, the NAF code that goes with each phrase (same index): the metal decides it. */
  phraseNafCodes?: string[];
}

export const tradeVocabulary: Record<string, TradeVocabulary> = {
  design: {
    phrases: [
      "la conception mécanique et le bureau d'études",
      "les études mécaniques et le calcul de structures",
      "l'ingénierie et l'assistance technique aux industriels",
      "la conception de sous-ensembles et la mise en plan",
    ],
    nafCodes: ["71.12B"],
    equipment: ["Stations de CAO 3D", "Logiciel de calcul par éléments finis"],
    sectors: ["l'énergie", "le ferroviaire", "l'agroalimentaire", "la chimie"],
    nameWords: ["Ingénierie", "Bureau d'études", "Études Mécaniques"],
  },
  machining: {
    phrases: [
      "l'usinage 5 axes de pièces complexes",
      "l'usinage de précision en petites et moyennes séries",
      "le fraisage et le tournage à commande numérique",
      "l'usinage de pièces de grandes dimensions",
      "la mécanique générale et l'usinage de pièces unitaires",
    ],
    nafCodes: ["25.62B"],
    equipment: [
      "Centre d'usinage 5 axes DMG",
      "Centre d'usinage horizontal Mazak",
      "Tour CN bi-broche Okuma",
      "Fraiseuse CN Hermle C42",
      "Aléseuse-fraiseuse à montant mobile",
      "Rectifieuse cylindrique Studer",
    ],
    sectors: ["l'aéronautique", "le médical", "l'énergie", "la défense", "le ferroviaire"],
    nameWords: ["Usinage", "Mécanique de Précision", "Mécanique Générale", "Usinage Précision"],
  },
  turning: {
    phrases: [
      "le décolletage de précision",
      "le décolletage de pièces de révolution en grande série",
      "le décolletage sur tours multibroches et à poupée mobile",
    ],
    nafCodes: ["25.62A"],
    equipment: [
      "Tour multibroche Tornos",
      "Décolleteuse à poupée mobile Citizen",
      "Tour à cames",
      "Ligne de lavage lessiviel",
    ],
    sectors: ["l'automobile", "le médical", "la robinetterie", "l'horlogerie", "la connectique"],
    nameWords: ["Décolletage", "Décolletage de Précision", "Décolletage Industriel"],
  },
  "boiler-making": {
    phrases: [
      "la chaudronnerie inox",
      "la chaudronnerie fine et lourde",
      "la chaudronnerie acier et aluminium pour l'industrie de process",
      "la fabrication de cuves, trémies et réservoirs",
    ],
    nafCodes: ["25.29Z", "25.11Z", "33.11Z"],
    equipment: ["Presse plieuse 200 t", "Rouleuse 4 rouleaux", "Postes de soudage TIG", "Cisaille guillotine 3 m"],
    sectors: ["l'agroalimentaire", "la chimie", "l'énergie", "la pharmacie"],
    nameWords: ["Chaudronnerie", "Chaudronnerie Industrielle", "Chaudronnerie Inox"],
  },
  "sheet-metal": {
    phrases: [
      "la tôlerie fine et la découpe laser",
      "la découpe laser, le pliage et le poinçonnage de tôles",
      "le découpage et l'emboutissage de pièces métalliques",
    ],
    nafCodes: ["25.50B", "25.99B"],
    equipment: [
      "Découpe laser fibre 6 kW",
      "Poinçonneuse Trumpf",
      "Presse plieuse 135 t",
      "Presse d'emboutissage 250 t",
    ],
    sectors: ["le bâtiment", "le machinisme agricole", "le poids lourd", "l'électroménager"],
    nameWords: ["Tôlerie", "Découpe et Pliage", "Tôlerie Fine"],
  },
  welding: {
    phrases: [
      "la soudure TIG, MIG et à l'arc",
      "le soudage robotisé et manuel",
      "la mécano-soudure de bâtis et de châssis",
    ],
    nafCodes: ["25.62B", "33.11Z"],
    equipment: ["Robot de soudage Fanuc", "Postes de soudage TIG", "Poste de soudage MIG pulsé"],
    sectors: ["le machinisme agricole", "le ferroviaire", "le poids lourd", "les travaux publics"],
    nameWords: ["Soudure", "Mécano-Soudure", "Soudage"],
  },
  "surface-treatment": {
    phrases: [
      "le traitement de surface des métaux (anodisation, zingage, passivation)",
      "la peinture poudre et le traitement de surface",
      "le nickelage chimique et le chromage dur",
      "le grenaillage, le sablage et la métallisation",
    ],
    nafCodes: ["25.61Z"],
    equipment: [
      "Chaîne d'anodisation",
      "Ligne de zingage au tonneau",
      "Cabine de peinture poudre",
      "Grenailleuse à turbine",
    ],
    sectors: ["l'aéronautique", "l'automobile", "le luxe", "le médical"],
    nameWords: ["Traitements de Surface", "Revêtements", "Galvanoplastie"],
  },
  "heat-treatment": {
    phrases: [
      "les traitements thermiques sous vide",
      "la trempe, le revenu et la cémentation",
      "la nitruration gazeuse et les traitements thermiques sous vide",
      "le traitement thermique d'aciers à outils et d'alliages",
    ],
    nafCodes: ["25.61Z"],
    equipment: ["Four sous vide", "Four de cémentation", "Four de nitruration gazeuse", "Bac de trempe à l'huile"],
    sectors: ["l'aéronautique", "l'automobile", "l'outillage", "la défense"],
    nameWords: ["Traitements Thermiques", "Thermique Industrielle", "Trempe"],
  },
  "mould-making": {
    phrases: [
      "la conception et la fabrication de moules d'injection",
      "l'outillage de presse et les moules pour la plasturgie",
      "les outils de découpe et d'emboutissage",
      "la fabrication et la réparation d'outillages",
    ],
    nafCodes: ["25.73A", "25.73B"],
    equipment: [
      "Machine d'électroérosion à fil",
      "Enfonçage par électroérosion",
      "Centre d'usinage grande vitesse",
      "Presse d'essai 400 t",
    ],
    sectors: ["l'automobile", "l'emballage", "le médical", "la cosmétique"],
    nameWords: ["Moules", "Outillage", "Moules et Outillages"],
  },
  foundry: {
    phrases: [
      "la fonderie de fonte grise et de fonte à graphite sphéroïdal",
      "la fonderie d'aluminium en sable et en coquille",
      "la fonderie d'acier et d'alliages résistants à l'usure",
      "la fonderie de précision à la cire perdue",
    ],
    nafCodes: ["24.51Z", "24.53Z", "24.52Z"],
    phraseNafCodes: ["24.51Z", "24.53Z", "24.52Z", "24.52Z"],
    equipment: [
      "Four à induction",
      "Chantier de moulage sable à vert",
      "Machine de moulage en coquille",
      "Cabine de grenaillage",
    ],
    sectors: ["le ferroviaire", "l'énergie", "les travaux publics", "la robinetterie"],
    nameWords: ["Fonderie", "Fonderie de Précision", "Fonderies"],
  },
  forging: {
    phrases: [
      "la forge et l'estampage à chaud",
      "l'estampage de pièces en acier et en alliages",
      "la forge libre de pièces de grandes dimensions",
      "le matriçage et le forgeage de précision",
    ],
    nafCodes: ["25.50A"],
    equipment: [
      "Pilon de forge",
      "Presse à estamper 1 600 t",
      "Four de réchauffage à induction",
      "Laminoir circulaire",
    ],
    sectors: ["l'aéronautique", "l'automobile", "l'industrie pétrolière", "l'énergie", "le machinisme agricole"],
    nameWords: ["Forge", "Estampage", "Forges"],
  },
  springs: {
    phrases: [
      "la fabrication de ressorts de compression, de traction et de torsion",
      "les ressorts et les pièces en fil formé",
      "les ressorts techniques et les ressorts plats découpés",
    ],
    nafCodes: ["25.93Z"],
    equipment: ["Ressorteuse à commande numérique Wafios", "Machine de formage de fil", "Four de revenu continu"],
    sectors: ["l'automobile", "l'aéronautique", "l'électroménager", "le médical"],
    nameWords: ["Ressorts", "Ressorts Techniques", "Fil Formé"],
  },
  "special-machines": {
    phrases: [
      "la conception et la réalisation de machines spéciales",
      "les machines spéciales et les bancs de test sur mesure",
      "les équipements de production automatisés sur mesure",
    ],
    nafCodes: ["28.99B", "28.41Z"],
    equipment: ["Atelier de montage 2 000 m²", "Pont roulant 10 t"],
    sectors: ["l'automobile", "l'agroalimentaire", "la pharmacie", "l'énergie"],
    nameWords: ["Machines Spéciales", "Équipements Industriels", "Systèmes"],
  },
  integration: {
    phrases: [
      "l'intégration et l'assemblage de sous-ensembles mécaniques",
      "l'assemblage mécanique et le montage d'ensembles complets",
      "le montage, le câblage et la mise en service d'équipements",
    ],
    nafCodes: ["28.99B", "33.20C"],
    equipment: ["Ligne d'assemblage", "Banc d'essai fonctionnel"],
    sectors: ["le ferroviaire", "la défense", "l'énergie", "le médical"],
    nameWords: ["Intégration", "Assemblages", "Montage Industriel"],
  },
  automation: {
    phrases: [
      "l'automatisme et la robotique industrielle",
      "l'intégration de cellules robotisées et la programmation d'automates",
      "la robotique collaborative et la vision industrielle",
    ],
    nafCodes: ["33.20C", "28.99B"],
    equipment: ["Cellule robotisée de démonstration", "Plateforme de simulation de lignes"],
    sectors: ["l'automobile", "l'agroalimentaire", "la logistique", "la pharmacie"],
    nameWords: ["Automatismes", "Robotique", "Automation"],
  },
  "metal-structures": {
    phrases: [
      "la charpente métallique industrielle",
      "les structures métalliques, passerelles et plateformes de process",
      "la serrurerie industrielle et la charpente métallique",
    ],
    nafCodes: ["25.11Z"],
    equipment: ["Ligne de sciage-perçage", "Pont roulant 20 t", "Grenailleuse pour profilés"],
    sectors: ["le bâtiment", "l'énergie", "la sidérurgie", "la défense"],
    nameWords: ["Charpente Métallique", "Structures Métalliques", "Métallerie"],
  },
  piping: {
    phrases: [
      "la tuyauterie industrielle inox et acier",
      "la tuyauterie de process et les réseaux de fluides",
      "la préfabrication et le montage de tuyauteries",
    ],
    nafCodes: ["33.20A"],
    equipment: ["Machines de soudage orbital", "Cintreuse de tubes"],
    sectors: ["la chimie", "l'agroalimentaire", "le nucléaire", "la pharmacie"],
    nameWords: ["Tuyauterie", "Tuyauterie Industrielle", "Fluides Process"],
  },
  maintenance: {
    phrases: [
      "la maintenance industrielle mécanique et électromécanique",
      "la maintenance préventive et curative des lignes de production",
      "la réparation et la rénovation de machines",
    ],
    nafCodes: ["33.12Z"],
    equipment: ["Camions-ateliers", "Atelier de réparation mécanique"],
    sectors: ["la sidérurgie", "l'agroalimentaire", "la chimie", "la papeterie"],
    nameWords: ["Maintenance", "Maintenance Industrielle", "Services Industriels"],
  },
  "factory-relocation": {
    phrases: [
      "le transfert et le déménagement d'usines clé en main",
      "le transfert industriel et le remontage de lignes de production",
      "la manutention lourde et le transfert de machines",
    ],
    nafCodes: ["33.20B"],
    equipment: ["Chariots de manutention lourde", "Portiques de levage"],
    sectors: ["l'automobile", "la plasturgie", "l'imprimerie", "l'agroalimentaire"],
    nameWords: ["Transferts Industriels", "Levage et Manutention", "Déménagement Industriel"],
  },
  metrology: {
    phrases: [
      "la métrologie dimensionnelle et le contrôle tridimensionnel",
      "le contrôle non destructif et la métrologie",
      "l'étalonnage et la vérification d'instruments de mesure",
    ],
    nafCodes: ["71.20B", "26.51B"],
    equipment: [
      "Machine à mesurer tridimensionnelle Zeiss",
      "Scanner 3D",
      "Rugosimètre",
      "Banc de contrôle par ultrasons",
    ],
    sectors: ["l'aéronautique", "l'automobile", "le nucléaire", "le médical"],
    nameWords: ["Métrologie", "Contrôle et Mesure", "Mesures"],
  },
  "additive-manufacturing": {
    phrases: ["la fabrication additive métal par fusion laser", "l'impression 3D métal et polymère"],
    nafCodes: ["25.62B", "28.99B"],
    equipment: ["Imprimante 3D métal par fusion laser sur lit de poudre", "Imprimante 3D polymère"],
    sectors: ["l'aéronautique", "le médical", "le spatial", "l'outillage"],
    nameWords: ["Fabrication Additive", "Impression 3D", "Additif"],
  },
  plastics: {
    phrases: [
      "l'injection de pièces techniques en plastique",
      "la plasturgie de pièces techniques et le surmoulage",
      "l'injection bi-matière et l'assemblage de sous-ensembles plastiques",
    ],
    nafCodes: ["22.29A"],
    equipment: ["Presses à injecter de 50 à 800 t", "Robots de préhension", "Étuves de séchage"],
    sectors: ["l'automobile", "le médical", "la cosmétique", "l'électroménager"],
    nameWords: ["Plasturgie", "Injection Plastique", "Plastiques Techniques"],
  },
  training: {
    phrases: ["la formation aux métiers de la mécanique"],
    nafCodes: ["85.59A"],
    equipment: [],
    sectors: ["l'industrie"],
    nameWords: ["Formation"],
  },
  research: {
    phrases: ["la recherche et les essais mécaniques"],
    nafCodes: ["72.19Z"],
    equipment: [],
    sectors: ["l'industrie"],
    nameWords: ["Recherche"],
  },
};

/** Trades whose firms own a workshop worth listing. */
export const producingTrades = new Set([
  "machining",
  "turning",
  "boiler-making",
  "sheet-metal",
  "welding",
  "surface-treatment",
  "heat-treatment",
  "mould-making",
  "foundry",
  "forging",
  "springs",
  "special-machines",
  "metal-structures",
  "metrology",
  "additive-manufacturing",
  "plastics",
]);

/** Firms working on their clients' sites (where MASE is asked for). */
export const onSiteTrades = new Set(["maintenance", "factory-relocation", "piping", "metal-structures"]);

// Phrases built from the vocabulary, shared by the demo cluster and the benchmark generator.

/** "à Roanne", "au Puy-en-Velay", "aux Mées". */
export function atTown(town: string): string {
  if (town.startsWith("Le ")) return `au ${town.slice(3)}`;
  if (town.startsWith("Les ")) return `aux ${town.slice(4)}`;
  return `à ${town}`;
}

function listFr(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

/** The main trade's phrase and NAF code, paired when the trade says the phrase decides it. */
export function pickSpeciality(rng: Rng, trade: string): { phrase: string; nafCode: string } {
  const vocabulary = tradeVocabulary[trade];
  const index = Math.floor(rng.next() * vocabulary.phrases.length);
  const nafCode = vocabulary.phraseNafCodes?.[index] ?? rng.pick(vocabulary.nafCodes);
  return { phrase: vocabulary.phrases[index], nafCode };
}

const sectorsByTrades = new Map<string, string[]>();

export function pickSectors(rng: Rng, trades: string[]): string[] {
  const cacheKey = trades.join(" ");
  let all = sectorsByTrades.get(cacheKey);
  if (!all) {
    all = [...new Set(trades.flatMap((trade) => tradeVocabulary[trade].sectors))];
    sectorsByTrades.set(cacheKey, all);
  }
  return rng.sample(all, rng.int(2, 3));
}

const aerospaceProcesses = new Set(["heat-treatment", "surface-treatment", "metrology", "welding"]);
const automotiveTrades = new Set([
  "turning",
  "forging",
  "springs",
  "plastics",
  "surface-treatment",
  "heat-treatment",
  "foundry",
]);
const heavyTrades = new Set(["surface-treatment", "foundry", "heat-treatment", "forging"]);
const iso9001Share: Record<SizeBand, number> = { tpe: 0.35, small: 0.8, medium: 0.95, eti: 1 };
const iso45001Share: Record<SizeBand, number> = { tpe: 0, small: 0.05, medium: 0.2, eti: 0.6 };

function hasAny(trades: string[], codes: Set<string>): boolean {
  for (const trade of trades) if (codes.has(trade)) return true;
  return false;
}

/** Certifications as they go in the trade: ISO 9001 for most, EN 9100/Nadcap in aerospace, IATF in cars, MASE on site. */
export function pickCertifications(rng: Rng, trades: string[], size: SizeBand, sectors: string[]): string[] {
  const onSite = hasAny(trades, onSiteTrades);
  if (!rng.chance(iso9001Share[size])) return onSite && size !== "tpe" && rng.chance(0.5) ? ["MASE"] : [];
  const certs = ["ISO 9001"];
  const aero = sectors.includes("l'aéronautique") || sectors.includes("le spatial");
  const en9100 = aero && size !== "tpe" && rng.chance(0.75);
  if (en9100) certs.push("EN 9100");
  if (en9100 && hasAny(trades, aerospaceProcesses) && rng.chance(0.7)) certs.push("Nadcap");
  const auto = sectors.includes("l'automobile") && hasAny(trades, automotiveTrades);
  if (auto && size !== "tpe" && rng.chance(size === "small" ? 0.4 : 0.7)) certs.push("IATF 16949");
  const heavy = hasAny(trades, heavyTrades);
  if (size !== "tpe" && rng.chance(heavy ? 0.6 : size === "small" ? 0.1 : 0.35)) certs.push("ISO 14001");
  if (rng.chance(iso45001Share[size])) certs.push("ISO 45001");
  if (onSite && rng.chance(0.7)) certs.push("MASE");
  return certs;
}

export function pickEquipment(rng: Rng, trades: string[], size: SizeBand): string[] {
  const producing = trades.some((trade) => producingTrades.has(trade));
  if (!producing && !rng.chance(0.4)) return [];
  const perTrade = size === "tpe" ? 1 : size === "small" ? 2 : 3;
  const items: string[] = [];
  for (const trade of trades) items.push(...rng.sample(tradeVocabulary[trade].equipment, perTrade));
  items.length = Math.min(items.length, size === "tpe" ? 2 : 5);
  return items;
}

const kindWords: Record<SizeBand, string[]> = {
  tpe: ["TPE", "petite entreprise"],
  small: ["PME", "PME familiale", "entreprise familiale"],
  medium: ["PME industrielle", "entreprise industrielle", "PME"],
  eti: ["ETI", "entreprise de taille intermédiaire"],
};

const closings = [
  "Réactivité et proximité sont au cœur de sa relation client.",
  "Elle répond aux consultations en groupement avec d'autres membres de la grappe.",
  "Elle forme des apprentis et des alternants en lien avec les écoles du territoire.",
];
const workshopClosings = [
  "De la pièce unitaire à la moyenne série, elle livre des pièces finies et contrôlées.",
  "Son bureau des méthodes accompagne les clients dès la conception.",
  "Elle investit chaque année dans la modernisation de son parc machines.",
];

function opener(variant: number, name: string, kind: string, town: string, year: number, main: string): string {
  if (variant === 0) return `${name} est une ${kind} implantée ${town}, spécialisée dans ${main}.`;
  if (variant === 1) return `Fondée en ${year} ${town}, ${name} s'est spécialisée dans ${main}.`;
  if (variant === 2) return `Installée ${town} depuis ${year}, ${name} est une ${kind} spécialisée dans ${main}.`;
  return `Basée ${town}, ${name} met son savoir-faire au service de ses clients dans ${main}.`;
}

export interface DescriptionInput {
  name: string;
  trades: string[];
  town: string;
  foundedYear: number;
  size: SizeBand;
  sectors: string[];
  certifications: string[];
  /** The main trade's phrase, chosen with its NAF code (pickSpeciality, or a company spec). */
  speciality: string;
}

/** Two to four French sentences consistent with the trades, for the directory and its search. */
export function describeCompany(rng: Rng, input: DescriptionInput): string {
  const kind = rng.pick(kindWords[input.size]);
  const town = atTown(input.town);
  const main = input.speciality;
  const sentences = [opener(rng.int(0, 3), input.name, kind, town, input.foundedYear, main)];
  const others = input.trades.slice(1).map((trade) => rng.pick(tradeVocabulary[trade].phrases));
  if (others.length > 0) {
    const lead = rng.pick(["Elle propose également", "Son offre couvre aussi", "Elle assure aussi"]);
    const offer = others.length === 2 ? `${others[0]}, ainsi que ${others[1]}` : others[0];
    sentences.push(`${lead} ${offer}.`);
  }
  const markets = listFr(input.sectors);
  sentences.push(
    rng.pick([
      `Elle travaille principalement pour ${markets}.`,
      `Ses clients sont des donneurs d'ordre dans ${markets}.`,
      `Elle accompagne des industriels dans ${markets}.`,
    ]),
  );
  if (sentences.length < 4 && input.certifications.length > 0 && rng.chance(0.5)) {
    sentences.push(`Elle est certifiée ${listFr(input.certifications)}.`);
  } else if (sentences.length < 4 && rng.chance(0.5)) {
    const workshop = input.trades.some((trade) => producingTrades.has(trade) && trade !== "metrology");
    sentences.push(rng.pick(workshop ? [...closings, ...workshopClosings] : closings));
  }
  return sentences.join(" ");
}

const feminineWords: Record<string, string> = {
  Directeur: "Directrice",
  directeur: "directrice",
  Président: "Présidente",
  "Président-directeur": "Présidente-directrice",
  Gérant: "Gérante",
  général: "générale",
  Chargé: "Chargée",
  Délégué: "Déléguée",
  délégué: "déléguée",
  Conseiller: "Conseillère",
  Ingénieur: "Ingénieure",
  Chef: "Cheffe",
  Dirigeant: "Dirigeante",
  commercial: "commerciale",
  administratif: "administrative",
  financier: "financière",
};

/** Job titles are written in the masculine (or neutral) form; this gives the feminine one. */
export function feminine(title: string): string {
  return title
    .split(" ")
    .map((word) => feminineWords[word] ?? word)
    .join(" ");
}

export function bossTitle(rng: Rng, legalName: string): string {
  if (legalName.endsWith(" SARL")) return "Gérant";
  if (legalName.endsWith(" SA")) return "Président-directeur général";
  return rng.pick(["Président", "Président", "Directeur général", "Dirigeant"]);
}

export function mobile(rng: Rng): string {
  return `+33 ${rng.pick(["6", "6", "7"])} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`;
}

export function landline(rng: Rng, department: string): string {
  const prefix = rng.pick(phonePrefixByDepartment[department] ?? ["77"]);
  return `+33 4 ${prefix} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`;
}

export function addressLine(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.25) return rng.pick(businessParks);
  const street = `${rng.int(1, 140)} ${rng.pick(streetLines)}`;
  return roll < 0.45 ? `${street}, ${rng.pick(businessParks)}` : street;
}

export function displayName(legalName: string): string {
  return legalName.replace(/ (SAS|SARL|SA|SASU|EURL)$/, "");
}
