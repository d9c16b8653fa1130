import type { TFunction } from "i18next";
import type { Member, MemberInput, MemberKind, MembershipStatus, Visibility, VisibilityGroup } from "../../api/types";
import { isIsoDate, isValidEmail, sirenProblem, siretProblem, stripIdentifier } from "../../lib/identifiers";

export interface MemberFormValues {
  kind: MemberKind;
  legalName: string;
  tradeName: string;
  siren: string;
  siret: string;
  nafCode: string | null;
  headcount: number | string;
  turnoverEur: number | string;
  addressLine: string;
  postcode: string;
  communeInsee: string | null;
  town: string;
  website: string;
  email: string;
  phone: string;
  description: string;
  trades: string[];
  certifications: string[];
  equipment: string[];
  status: MembershipStatus;
  joinedOn: string;
  leftOn: string;
  leaveReason: string;
  sponsorId: string | null;
  visibility: Record<VisibilityGroup, Visibility>;
}

export const defaultVisibility: Record<VisibilityGroup, Visibility> = {
  profile: "public",
  contact: "members",
  figures: "staff",
  equipment: "members",
};

export function toFormValues(member: Member | null): MemberFormValues {
  return {
    kind: member?.kind ?? "company",
    legalName: member?.legalName ?? "",
    tradeName: member?.tradeName ?? "",
    siren: member?.siren ?? "",
    siret: member?.siret ?? "",
    nafCode: member?.nafCode ?? null,
    headcount: member?.figures?.headcount ?? "",
    turnoverEur: member?.figures?.turnoverEur ?? "",
    addressLine: member?.contact?.addressLine ?? "",
    postcode: member?.contact?.postcode ?? "",
    communeInsee: member?.communeInsee ?? null,
    town: member?.town ?? "",
    website: member?.contact?.website ?? "",
    email: member?.contact?.email ?? "",
    phone: member?.contact?.phone ?? "",
    description: member?.profile?.description ?? "",
    trades: member?.trades.map((t) => t.code) ?? [],
    certifications: member?.profile?.certifications ?? [],
    equipment: member?.equipment ?? [],
    status: member?.membership?.status ?? member?.status ?? "member",
    joinedOn: member?.membership?.joinedOn ?? "",
    leftOn: member?.membership?.leftOn ?? "",
    leaveReason: member?.membership?.leaveReason ?? "",
    sponsorId: member?.membership?.sponsor?.id ?? null,
    visibility: { ...defaultVisibility, ...(member?.visibility ?? {}) },
  };
}

const text = (value: string) => (value.trim() ? value.trim() : null);
const num = (value: number | string) => (value === "" || value === null ? null : Number(value));

/** The API input for the form; membership and kind only when the user is staff. */
export function toInput(values: MemberFormValues, staff: boolean): MemberInput {
  const input: MemberInput = {
    legalName: values.legalName.trim(),
    tradeName: text(values.tradeName),
    siren: text(values.siren) && stripIdentifier(values.siren),
    siret: text(values.siret) && stripIdentifier(values.siret),
    nafCode: values.nafCode,
    headcount: num(values.headcount),
    turnoverEur: num(values.turnoverEur),
    addressLine: text(values.addressLine),
    postcode: text(values.postcode),
    communeInsee: values.communeInsee,
    town: text(values.town),
    website: text(values.website),
    email: text(values.email),
    phone: text(values.phone),
    description: text(values.description),
    trades: values.trades,
    certifications: values.certifications,
    equipment: values.equipment,
    visibility: values.visibility,
  };
  if (staff) {
    Object.assign(input, {
      kind: values.kind,
      status: values.status,
      joinedOn: text(values.joinedOn),
      leftOn: text(values.leftOn),
      leaveReason: text(values.leaveReason),
      sponsorId: values.sponsorId,
    });
  }
  return input;
}

/** Only what changed, so that a save does not overwrite fields it did not touch. */
export function changedInput(before: MemberInput, after: MemberInput): MemberInput {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof MemberInput])) changes[key] = value;
  }
  return changes as MemberInput;
}

/** The server's checks, run as the user types (the server checks again). */
export function memberValidators(t: TFunction) {
  const identifier = (problem: ReturnType<typeof sirenProblem>, label: "SIREN" | "SIRET") =>
    problem === "digits"
      ? t("validation.digitsOnly", { label })
      : problem === "length"
        ? t("validation.length", { label, count: label === "SIREN" ? 9 : 14 })
        : problem === "key"
          ? t("validation.luhn", { label })
          : null;
  const date = (value: string) => (value && !isIsoDate(value) ? t("validation.date") : null);
  return {
    legalName: (value: string) => (value.trim() ? null : t("validation.legalNameRequired")),
    siren: (value: string) => identifier(sirenProblem(value), "SIREN"),
    siret: (value: string, values: MemberFormValues) => {
      const problem = identifier(siretProblem(value), "SIRET");
      if (problem) return problem;
      const siren = stripIdentifier(values.siren);
      const siret = stripIdentifier(value);
      return siret && siren && !sirenProblem(siren) && !siret.startsWith(siren) ? t("validation.siretSiren") : null;
    },
    email: (value: string) => (value.trim() && !isValidEmail(value) ? t("validation.email") : null),
    headcount: (value: number | string) =>
      value !== "" && (Number(value) < 0 || !Number.isInteger(Number(value))) ? t("validation.headcount") : null,
    turnoverEur: (value: number | string) => (value !== "" && Number(value) < 0 ? t("validation.amount") : null),
    joinedOn: date,
    leftOn: (value: string, values: MemberFormValues) =>
      date(value) ??
      (value && values.joinedOn && isIsoDate(values.joinedOn) && value < values.joinedOn
        ? t("validation.leftBeforeJoined")
        : null),
  };
}

/** API field names whose message belongs under another input of the form. */
export const serverFieldToInput: Record<string, string> = {
  town: "communeInsee",
  "(body)": "legalName",
};
