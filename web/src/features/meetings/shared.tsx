import { Anchor, Badge, Button, Group, Text } from "@mantine/core";
import { IconCalendarPlus, IconFileTypePdf } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useEventDates } from "../events/dates";
import type { Category, MeetingDay, Phase } from "./api";
import { useFileUrl } from "./api";

export const PHASE_COLORS: Record<Phase, string> = {
  draft: "gray",
  requests_open: "blue",
  requests_closed: "orange",
  scheduled: "violet",
  published: "teal",
  held: "dark",
};

export function PhaseBadge({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  if (!day.configured)
    return (
      <Badge color="gray" variant="outline" data-testid="meeting-phase">
        {t("meetings.notConfigured")}
      </Badge>
    );
  return (
    <Badge color={PHASE_COLORS[day.phase]} variant="light" data-testid="meeting-phase">
      {t(`meetings.phase.${day.phase}`)}
    </Badge>
  );
}

/** "n° 3 · 10:00" for the slots of a day, pauses marked, to pick a slot in a Select. */
export function useSlotOptions(day: Pick<MeetingDay, "slots">, { skipPauses = false } = {}) {
  const dates = useEventDates();
  return day.slots
    .filter((s) => !skipPauses || !s.pause)
    .map((s) => ({
      value: String(s.slot),
      label: `${dates.time(s.startsAt)}${s.pause ? ` · ${s.pause}` : ""} (n° ${s.slot})`,
    }));
}

/** "09:00" → the times of a grid computed in the browser, for the configuration preview (wall clock). */
export function gridTimes(startTime: string, slotMinutes: number, slotCount: number): string[] {
  const [h, m] = startTime.split(":").map(Number);
  if (!Number.isFinite(h) || !Number.isFinite(m) || !slotMinutes || slotCount < 1) return [];
  return Array.from({ length: Math.min(slotCount, 60) }, (_, i) => {
    const minutes = h * 60 + m + i * slotMinutes;
    return `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  });
}

export function categoryOptions(categories: Category[]) {
  return categories.map((c) => ({ value: c.code, label: c.label }));
}

export function usePriorityOptions() {
  const { t } = useTranslation();
  return ([1, 2, 3] as const).map((p) => ({ value: String(p), label: t(`meetings.request.p${p}`) }));
}

const PRIORITY_COLORS = { 1: "red", 2: "orange", 3: "gray" } as Record<number, string>;

export function PriorityBadge({ priority }: { priority: number }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={PRIORITY_COLORS[priority] ?? "gray"} data-testid="request-priority">
      {t(`meetings.request.p${priority as 1 | 2 | 3}`)}
    </Badge>
  );
}

export function Who({ who }: { who: { name: string; company: string } }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" fw={600} truncate>
        {who.company}
      </Text>
      {who.name !== who.company && (
        <Text size="xs" c="dimmed" truncate>
          {who.name}
        </Text>
      )}
    </div>
  );
}

/** The PDF and .ics of an agenda: plain links, the session cookie goes with them. */
export function AgendaDownloads({ eventId, participantId }: { eventId: string; participantId: string }) {
  const { t } = useTranslation();
  const fileUrl = useFileUrl();
  return (
    <Group gap="xs">
      <Button
        component="a"
        href={fileUrl(eventId, `participants/${participantId}/agenda.pdf`)}
        variant="default"
        size="xs"
        leftSection={<IconFileTypePdf size={14} />}
        data-testid="agenda-pdf"
      >
        {t("meetings.agenda.pdf")}
      </Button>
      <Button
        component="a"
        href={fileUrl(eventId, `participants/${participantId}/agenda.ics`)}
        variant="default"
        size="xs"
        leftSection={<IconCalendarPlus size={14} />}
        data-testid="agenda-ics"
      >
        {t("meetings.agenda.ics")}
      </Button>
    </Group>
  );
}

export function TablePlanLink({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const fileUrl = useFileUrl();
  return (
    <Anchor href={fileUrl(eventId, "table-plan.pdf")} size="sm" data-testid="table-plan-pdf">
      <Group gap={4} component="span" wrap="nowrap">
        <IconFileTypePdf size={14} />
        {t("meetings.schedule.tablePlan")}
      </Group>
    </Anchor>
  );
}

/** Where a meeting is held: "Table 4", "Stand B12", or free seating. */
export function usePlaceLabel() {
  const { t } = useTranslation();
  return (m: { table: number | null; stand: string | null }) =>
    m.stand
      ? t("meetings.agenda.stand", { stand: m.stand })
      : m.table !== null
        ? t("meetings.agenda.table", { table: m.table })
        : t("meetings.agenda.freeSeating");
}

/** "98,7 %" in the interface language. */
export function usePercent() {
  const dates = useEventDates();
  const format = new Intl.NumberFormat(dates.locale, { style: "percent", maximumFractionDigits: 1 });
  return (ratio: number) => format.format(ratio);
}
