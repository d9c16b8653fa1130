import { Alert, Anchor, Badge, Breadcrumbs, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { useEventDates } from "../events/dates";
import { type AgendaItem, type MeetingDay, useAgenda, useDay } from "./api";
import { OutcomeControls } from "./OutcomesPanel";
import { AgendaDownloads, usePlaceLabel } from "./shared";

function ItemRow({ day, item }: { day: MeetingDay; item: AgendaItem }) {
  const { t } = useTranslation();
  const dates = useEventDates();
  const place = usePlaceLabel();
  const m = item.meeting;
  const past = m ? new Date(m.startsAt) <= new Date() : false;
  const bg =
    item.kind === "meeting"
      ? "var(--mantine-color-teal-0)"
      : item.kind === "pause"
        ? "var(--mantine-color-yellow-0)"
        : undefined;
  return (
    <Paper withBorder radius="md" p="xs" bg={bg} data-testid={`agenda-${item.kind}`}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Text size="sm" ff="monospace" w={110} style={{ flexShrink: 0 }}>
          {dates.timeRange(item.startsAt, item.endsAt)}
        </Text>
        {m ? (
          <div style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" fw={600} truncate data-testid="agenda-with">
                {m.with.company}
                <Text span size="sm" fw={400} c="dimmed">
                  {" "}
                  · {m.with.name}
                </Text>
              </Text>
              <Badge variant="light" color="teal" style={{ flexShrink: 0 }} data-testid="agenda-place">
                {place(m)}
              </Badge>
            </Group>
            {m.with.category && (
              <Text size="xs" c="dimmed">
                {m.with.category.label}
              </Text>
            )}
            {m.with.offers && (
              <Text size="xs" lineClamp={2}>
                {m.with.offers}
              </Text>
            )}
            {m.with.contact && (m.with.contact.email || m.with.contact.phone) && (
              <Text size="xs" c="dimmed">
                {[m.with.contact.email, m.with.contact.phone].filter(Boolean).join(" · ")}
              </Text>
            )}
            {past && <OutcomeControls day={day} meeting={m} />}
          </div>
        ) : (
          <Text size="sm" c="dimmed">
            {item.kind === "pause"
              ? item.label
              : item.kind === "away"
                ? t("meetings.agenda.away")
                : t("meetings.agenda.free")}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

/** A participant's day slot by slot, with the PDF and the .ics to take away. */
export function AgendaView({ day, participantId }: { day: MeetingDay; participantId: string }) {
  const { t } = useTranslation();
  const agenda = useAgenda(day.eventId, participantId);
  if (agenda.isError) return <ErrorDisplay error={agenda.error} onRetry={() => agenda.refetch()} />;
  if (agenda.isPending) return <Skeleton h={300} />;
  const a = agenda.data;
  const count = a.items.filter((i) => i.kind === "meeting").length;
  const hasSchedule = count > 0 || a.published;
  return (
    <Stack gap="sm" data-testid="agenda">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text fw={600} data-testid="agenda-title">
            {t("meetings.agenda.title", { name: `${a.participant.company} · ${a.participant.name}` })}
          </Text>
          <Text size="xs" c="dimmed" data-testid="agenda-count">
            {t("meetings.agenda.count", { count })}
          </Text>
        </div>
        {hasSchedule && <AgendaDownloads eventId={day.eventId} participantId={participantId} />}
      </Group>
      {!a.published && (
        <Alert color={hasSchedule ? "orange" : "gray"} icon={<IconInfoCircle size={18} />}>
          {hasSchedule ? t("meetings.agenda.draft") : t("meetings.agenda.notPublished")}
        </Alert>
      )}
      {hasSchedule && a.items.map((item) => <ItemRow key={item.slot} day={day} item={item} />)}
    </Stack>
  );
}

/** Staff open any participant's agenda (and a member their own) on a page of its own. */
export default function AgendaPage() {
  const { eventId = "", participantId = "" } = useParams();
  const { t } = useTranslation();
  const cluster = useCluster();
  const day = useDay(eventId);
  if (day.isError) return <ErrorDisplay error={day.error} onRetry={() => day.refetch()} fullPage />;
  if (!day.data) return <Skeleton h={300} radius="md" />;
  return (
    <>
      <PageHeader
        before={
          <Breadcrumbs mb="xs" fz="xs">
            <Anchor component={Link} to={cluster.path("meetings")} size="xs">
              {t("meetings.title")}
            </Anchor>
            <Anchor
              component={Link}
              to={cluster.path(`meetings/${eventId}${cluster.isStaff ? "?tab=participants" : ""}`)}
              size="xs"
            >
              {day.data.title}
            </Anchor>
          </Breadcrumbs>
        }
        title={t("meetings.agenda.open")}
      />
      <AgendaView day={day.data} participantId={participantId} />
    </>
  );
}
