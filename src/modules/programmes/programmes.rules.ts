import type { StandardProgramme } from "./programmes.schema.js";

/** The standard programmes' names and usual partners (DOMAIN.md §6; seed 001's partners). */
export const STANDARD_PROGRAMME_TEXTS: Record<
  StandardProgramme,
  { name: string; partnerBody: string | null; description: string }
> = {
  csr_diagnostic: {
    name: "Diagnostic RSE",
    partnerBody: "FACE Loire",
    description: "Démarche RSE accompagnée : diagnostic, plan d'actions, suivi.",
  },
  carbon_assessment: {
    name: "Bilan carbone",
    partnerBody: null,
    description: "Sensibilisation et accompagnement au bilan carbone.",
  },
  cybersecurity_diagnostic: {
    name: "Diagnostic cybersécurité",
    partnerBody: "CCI",
    description: "Orientation vers les diagnostics de la CCI, de Bpifrance et de la Région.",
  },
  strategic_audit_360: {
    name: "Audit stratégique 360°",
    partnerBody: null,
    description: "Regard complet sur l'entreprise : stratégie, organisation, marchés.",
  },
  group_purchasing: {
    name: "Plateforme d'achats groupés",
    partnerBody: "Qantis",
    description: "Accès des adhérents à la plateforme d'achats groupés.",
  },
  hr_employer_brand: {
    name: "RH et marque employeur",
    partnerBody: null,
    description: "Convention de la métallurgie, dispositifs régionaux RH, ateliers marque employeur.",
  },
};

/**
 * Whether an enrolment ran during [from, to] (YYYY-MM-DD): begun by the end and not ended before the start.
 * A dropped enrolment with no end date is taken to have ended the day it began.
 */
export function activeDuring(
  e: { enrolledOn: string; endedOn: string | null; status: string },
  from: string,
  to: string,
): boolean {
  const end = e.endedOn ?? (e.status === "dropped" ? e.enrolledOn : null);
  return e.enrolledOn <= to && (end === null || end >= from);
}
