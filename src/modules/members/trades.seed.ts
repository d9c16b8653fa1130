/**
 * The mechanical value chain a cluster's trades taxonomy starts with
 * (DOMAIN.md §1: "de la conception à la livraison de la pièce finie").
 * Staff extend it per cluster; codes are stable identifiers used by imports and the API.
 */
export interface TradeSeed {
  code: string;
  labelFr: string;
  labelEn: string;
}

export const mechanicalTrades: TradeSeed[] = [
  { code: "design", labelFr: "Conception et bureau d'études", labelEn: "Design and engineering" },
  { code: "machining", labelFr: "Usinage", labelEn: "Machining" },
  { code: "turning", labelFr: "Décolletage", labelEn: "Bar turning" },
  { code: "boiler-making", labelFr: "Chaudronnerie", labelEn: "Boiler-making" },
  { code: "sheet-metal", labelFr: "Tôlerie et découpe", labelEn: "Sheet metal and cutting" },
  { code: "welding", labelFr: "Soudure", labelEn: "Welding" },
  { code: "surface-treatment", labelFr: "Traitement de surface", labelEn: "Surface treatment" },
  { code: "heat-treatment", labelFr: "Traitement thermique", labelEn: "Heat treatment" },
  { code: "mould-making", labelFr: "Moules et outillages", labelEn: "Mould and tool making" },
  { code: "foundry", labelFr: "Fonderie", labelEn: "Foundry" },
  { code: "forging", labelFr: "Forge et estampage", labelEn: "Forging and stamping" },
  { code: "springs", labelFr: "Ressorts", labelEn: "Springs" },
  { code: "special-machines", labelFr: "Machines spéciales", labelEn: "Special machines" },
  { code: "integration", labelFr: "Intégration et assemblage", labelEn: "Integration and assembly" },
  { code: "automation", labelFr: "Automatisme et robotique", labelEn: "Automation and robotics" },
  { code: "metal-structures", labelFr: "Charpente métallique", labelEn: "Metal structures" },
  { code: "piping", labelFr: "Tuyauterie industrielle", labelEn: "Industrial piping" },
  { code: "maintenance", labelFr: "Maintenance industrielle", labelEn: "Industrial maintenance" },
  { code: "factory-relocation", labelFr: "Transfert et déménagement d'usines", labelEn: "Factory relocation" },
  { code: "metrology", labelFr: "Métrologie et contrôle", labelEn: "Metrology and inspection" },
  { code: "additive-manufacturing", labelFr: "Fabrication additive", labelEn: "Additive manufacturing" },
  { code: "plastics", labelFr: "Plasturgie", labelEn: "Plastics processing" },
  { code: "training", labelFr: "Formation", labelEn: "Training" },
  { code: "research", labelFr: "Recherche et essais", labelEn: "Research and testing" },
];
