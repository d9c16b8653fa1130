import type { TFunction } from "i18next";
import { parisParts, parisWallToIso, todayKey } from "./dates";
import { fromRrule, type RecurrenceModel, ruleProblem, toRrule } from "./recurrence";
import type { EventAudience, EventDetail, EventInput, EventKind, TimingStep } from "./types";

export interface EventFormValues {
  kind: EventKind;
  title: string;
  status: "draft" | "published";
  audience: EventAudience;
  /** "YYYY-MM-DD", Paris */
  date: string;
  /** "HH:MM", Paris */
  time: string;
  durationMinutes: number | string;
  recurrence: RecurrenceModel;
  communeInsee: string | null;
  addressLine: string;
  postcode: string;
  onlineUrl: string;
  hostMemberId: string | null;
  description: string;
  agenda: string;
  expectedResult: string;
  timing: TimingStep[];
  capacity: number | string;
  seatsPerCompany: number | string;
  workingGroupId: string | null;
}

export function toFormValues(
  event: EventDetail | null,
  prefill: { workingGroupId?: string | null } = {},
): EventFormValues {
  const start = event ? parisParts(event.startsAt) : { date: "", time: "08:00" };
  return {
    kind: event?.kind ?? (prefill.workingGroupId ? "working_group_meeting" : "breakfast"),
    title: event?.title ?? "",
    status: event?.status === "draft" ? "draft" : "published",
    audience: event?.audience ?? "members",
    date: start.date,
    time: start.time,
    durationMinutes: event?.durationMinutes ?? 120,
    recurrence: fromRrule(event?.rrule, start.date || todayKey()),
    communeInsee: event?.communeInsee ?? null,
    addressLine: event?.addressLine ?? "",
    postcode: event?.postcode ?? "",
    onlineUrl: event?.onlineUrl ?? "",
    hostMemberId: event?.hostMemberId ?? event?.hostMember?.id ?? null,
    description: event?.description ?? "",
    agenda: event?.agenda ?? "",
    expectedResult: event?.expectedResult ?? "",
    timing: event?.timing?.map((s) => ({ ...s })) ?? [],
    capacity: event?.capacity ?? "",
    seatsPerCompany: event?.seatsPerCompany ?? "",
    workingGroupId: event?.workingGroupId ?? prefill.workingGroupId ?? null,
  };
}

const text = (value: string) => (value.trim() ? value.trim() : null);
const count = (value: number | string) => (value === "" || value === null ? null : Number(value));

export function toInput(values: EventFormValues): EventInput {
  return {
    kind: values.kind,
    title: values.title.trim(),
    status: values.status,
    audience: values.audience,
    startsAt: parisWallToIso(values.date, values.time),
    durationMinutes: Number(values.durationMinutes),
    rrule: toRrule(values.recurrence),
    communeInsee: values.communeInsee,
    addressLine: text(values.addressLine),
    postcode: text(values.postcode),
    onlineUrl: text(values.onlineUrl),
    hostMemberId: values.hostMemberId,
    description: text(values.description),
    agenda: text(values.agenda),
    expectedResult: text(values.expectedResult),
    timing: values.timing.map((s) => ({ at: s.at.trim(), label: s.label.trim() })).filter((s) => s.at || s.label),
    capacity: count(values.capacity),
    seatsPerCompany: count(values.seatsPerCompany),
    workingGroupId: values.workingGroupId,
  };
}

/** Only what changed, so a save never rewrites (and regenerates) what it did not touch. */
export function changedInput(before: EventInput, after: EventInput): Partial<EventInput> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const previous = before[key as keyof EventInput];
    // The same instant written with another offset is no change.
    if (key === "startsAt" && new Date(String(value)).getTime() === new Date(String(previous)).getTime()) continue;
    if (JSON.stringify(value ?? null) !== JSON.stringify(previous ?? null)) changes[key] = value;
  }
  return changes as Partial<EventInput>;
}

const positive = (value: number | string) =>
  value === "" || value === null || (Number.isInteger(Number(value)) && Number(value) >= 1);

/** The server's checks, as the user types (the server checks again and its messages land under the same inputs). */
export function eventValidators(t: TFunction) {
  return {
    title: (value: string) => (value.trim() ? null : t("events.form.validation.titleRequired")),
    date: (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t("events.form.validation.dateRequired")),
    time: (value: string) =>
      /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? null : t("events.form.validation.timeRequired"),
    durationMinutes: (value: number | string) =>
      Number.isInteger(Number(value)) && Number(value) >= 5 && Number(value) <= 1440
        ? null
        : t("events.form.validation.duration"),
    communeInsee: (value: string | null, values: EventFormValues) =>
      value || values.onlineUrl.trim() ? null : t("events.form.validation.placeRequired"),
    onlineUrl: (value: string) =>
      !value.trim() || /^https?:\/\/\S+$/i.test(value.trim()) ? null : t("events.form.validation.url"),
    capacity: (value: number | string) => (positive(value) ? null : t("events.form.validation.positive")),
    seatsPerCompany: (value: number | string) => (positive(value) ? null : t("events.form.validation.positive")),
    recurrence: {
      weekdays: (value: string[], values: EventFormValues) =>
        values.recurrence.mode === "weekly" && value.length === 0 ? t("events.form.validation.weekdays") : null,
      count: (value: number, values: EventFormValues) =>
        values.recurrence.mode !== "none" &&
        values.recurrence.mode !== "custom" &&
        values.recurrence.end === "count" &&
        !(Number.isInteger(Number(value)) && Number(value) >= 1)
          ? t("events.form.validation.count")
          : null,
      until: (value: string, values: EventFormValues) =>
        values.recurrence.mode !== "none" &&
        values.recurrence.mode !== "custom" &&
        values.recurrence.end === "until" &&
        (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < values.date)
          ? t("events.form.validation.until")
          : null,
      custom: (value: string, values: EventFormValues) => {
        if (values.recurrence.mode !== "custom") return null;
        const problem = ruleProblem(value);
        return problem ? t(`events.form.validation.rule.${problem}`) : null;
      },
    },
    timing: {
      at: (value: string, values: EventFormValues, path: string) => {
        const step = values.timing[Number(path.split(".")[1])];
        return (step?.label.trim() || value.trim()) && !/^([01]\d|2[0-3]):[0-5]\d$/.test(value.trim())
          ? t("events.form.validation.timingAt")
          : null;
      },
      label: (value: string, values: EventFormValues, path: string) => {
        const step = values.timing[Number(path.split(".")[1])];
        return step?.at.trim() && !value.trim() ? t("events.form.validation.timingLabel") : null;
      },
    },
  };
}

/** API field names whose message belongs under another input. */
export const serverFieldToInput: Record<string, string> = {
  startsAt: "date",
  rrule: "recurrence.custom",
  "(body)": "title",
  town: "communeInsee",
};
