import { Badge, Group, Text, Tooltip } from "@mantine/core";
import { IconBeach, IconClock, IconUserCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { translateDynamic } from "../../i18n";
import type { EventKind, MyRegistration, OccurrenceSummary } from "./types";

/** One colour per kind of event, the same in the month grid, the list and the event page. */
export const KIND_COLORS: Record<EventKind, string> = {
  breakfast: "orange",
  thematic_lunch: "yellow",
  company_visit: "teal",
  afterwork: "pink",
  business_corner: "indigo",
  peer_challenge: "grape",
  training: "blue",
  webinar: "cyan",
  trade_show: "red",
  general_assembly: "gray",
  working_group_meeting: "green",
  business_meetings: "violet",
};

export const kindColor = (kind: string) => KIND_COLORS[kind as EventKind] ?? "gray";

export function useKindLabel() {
  return (kind: string) => translateDynamic(`events.kinds.${kind}`, kind);
}

export function KindBadge({ kind }: { kind: string }) {
  const label = useKindLabel();
  return (
    <Badge color={kindColor(kind)} variant="light" data-testid="event-kind">
      {label(kind)}
    </Badge>
  );
}

/** The server sends a holiday's French name; the same name is shown in both languages. */
export function HolidayFlag({ name, withLabel = false }: { name: string; withLabel?: boolean }) {
  const { t } = useTranslation();
  const text = t("events.calendar.holiday", { name });
  const icon = <IconBeach size={14} color="var(--mantine-color-orange-7)" aria-label={text} />;
  return withLabel ? (
    <Group gap={4} wrap="nowrap" data-testid="holiday-flag">
      {icon}
      <Text size="xs" c="orange.8">
        {text}
      </Text>
    </Group>
  ) : (
    <Tooltip label={text}>
      <span data-testid="holiday-flag" style={{ display: "inline-flex" }}>
        {icon}
      </span>
    </Tooltip>
  );
}

export function MyStatusBadge({ registration }: { registration: MyRegistration | null }) {
  const { t } = useTranslation();
  if (!registration) return null;
  return registration.status === "confirmed" ? (
    <Badge color="teal" leftSection={<IconUserCheck size={12} />} data-testid="my-status" data-status="confirmed">
      {t("events.status.mine.confirmed")}
    </Badge>
  ) : (
    <Badge color="orange" leftSection={<IconClock size={12} />} data-testid="my-status" data-status="waiting">
      {registration.position
        ? t("events.status.mine.waiting", { position: registration.position })
        : t("events.status.mine.waitingNoRank")}
    </Badge>
  );
}

/** "3 places restantes · 2 en attente", "Complet · 4 en attente", "12 inscrits". */
export function SeatsText({
  occurrence,
}: {
  occurrence: Pick<OccurrenceSummary, "capacity" | "confirmed" | "waiting">;
}) {
  const { t } = useTranslation();
  const { capacity, confirmed, waiting } = occurrence;
  const left = capacity === null ? null : Math.max(0, capacity - confirmed);
  const parts = [
    left === null
      ? t("events.status.registered", { count: confirmed })
      : left === 0
        ? t("events.status.full")
        : t("events.status.seatsLeft", { count: left }),
  ];
  if (waiting > 0) parts.push(t("events.status.waiting", { count: waiting }));
  return (
    <Text
      size="xs"
      c={left === 0 ? "orange.8" : "dimmed"}
      data-testid="seats"
      component="span"
      style={{ whiteSpace: "nowrap" }}
    >
      {parts.join(" · ")}
    </Text>
  );
}

export function StateBadges({ occurrence }: { occurrence: OccurrenceSummary }) {
  const { t } = useTranslation();
  return (
    <>
      {occurrence.status === "cancelled" && (
        <Badge color="red" data-testid="badge-cancelled">
          {t("events.status.cancelled")}
        </Badge>
      )}
      {occurrence.eventStatus === "draft" && (
        <Badge color="gray" variant="outline" data-testid="badge-draft">
          {t("events.status.draft")}
        </Badge>
      )}
      {occurrence.moved && occurrence.status !== "cancelled" && (
        <Badge color="blue" variant="outline">
          {t("events.status.moved")}
        </Badge>
      )}
    </>
  );
}
