import { Alert, Badge, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import { IconClock } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { useEventDates } from "../events/dates";
import { type Meeting, type MeetingDay, useBoard } from "./api";

function Pair({ meeting }: { meeting: Meeting }) {
  return (
    <Text size="sm" lh={1.35}>
      <b>{meeting.a.company}</b>
      <Text span size="xs" c="dimmed">
        {" "}
        ({meeting.a.name})
      </Text>
      <br />
      <b>{meeting.b.company}</b>
      <Text span size="xs" c="dimmed">
        {" "}
        ({meeting.b.name})
      </Text>
    </Text>
  );
}

/** What happens at each table now and next, from the clock (or a simulated time, to rehearse the day). */
export function BoardPanel({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const dates = useEventDates();
  const [at, setAt] = useState<string | null>(null);
  const board = useBoard(day.eventId, at);
  const simulate = day.slots.map((s) => ({
    // A minute into the slot, so the board shows that slot as the current one.
    value: new Date(new Date(s.startsAt).getTime() + 60_000).toISOString(),
    label: `${dates.time(s.startsAt)}${s.pause ? ` · ${s.pause}` : ""}`,
  }));
  if (board.isError) return <ErrorDisplay error={board.error} onRetry={() => board.refetch()} />;
  if (board.isPending) return <Skeleton h={240} />;
  const b = board.data;
  const first = day.slots[0];
  const status =
    b.slot !== null
      ? b.pause
        ? t("meetings.board.pause", { label: b.pause })
        : `${t("meetings.board.now")} : ${dates.timeRange(b.slotStartsAt!, b.slotEndsAt!)}`
      : first && new Date(b.now) < new Date(first.startsAt)
        ? t("meetings.board.before")
        : t("meetings.board.after");
  const nextSlot = b.next !== null ? day.slots[b.next] : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="xs">
            <IconClock size={18} />
            <Text fw={600} data-testid="board-status">
              {status}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {dates.dayShort(b.now)} {dates.time(b.now)} · {t("meetings.board.refresh")}
            {nextSlot && ` · ${t("meetings.board.next")} : ${dates.time(nextSlot.startsAt)}`}
          </Text>
        </div>
        <Select
          label={t("meetings.board.simulate")}
          placeholder={t("meetings.board.live")}
          data={simulate}
          clearable
          value={at}
          onChange={setAt}
          w={220}
          data-testid="board-simulate"
        />
      </Group>
      {day.phase !== "published" && day.phase !== "held" && (
        <Alert color="gray">{t("meetings.board.notPublished")}</Alert>
      )}
      {b.places.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("meetings.board.noPlaces")}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm" data-testid="board-places">
          {b.places.map((p) => (
            <Paper
              key={p.place + String(p.table)}
              withBorder
              radius="md"
              p="sm"
              bg={p.now ? "var(--mantine-color-teal-0)" : undefined}
              data-testid="board-place"
            >
              <Group justify="space-between" mb={4}>
                <Text fw={700}>
                  {p.table === null && p.place !== "—" ? t("meetings.agenda.stand", { stand: p.place }) : p.place}
                </Text>
                {!p.now && (
                  <Badge size="xs" color="gray" variant="light">
                    {t("meetings.board.empty")}
                  </Badge>
                )}
              </Group>
              {p.now && <Pair meeting={p.now} />}
              {p.next && (
                <Text size="xs" c="dimmed" mt={6}>
                  {t("meetings.board.next")} ({dates.time(p.next.startsAt)}) : {p.next.a.company} ↔ {p.next.b.company}
                </Text>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
