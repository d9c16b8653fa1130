import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
} from "@mantine/core";
import {
  IconAlertTriangle,
  IconCalendarCheck,
  IconCircleCheck,
  IconDownload,
  IconPlayerPlay,
  IconRefresh,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { useEventDates } from "../events/dates";
import { notifySuccess } from "../members/notify";
import {
  type Meeting,
  type MeetingDay,
  type ScheduleReview,
  useFileUrl,
  useMeetingActions,
  useParticipants,
  useSchedule,
} from "./api";
import { usePercent, useSlotOptions } from "./shared";

function Figure({ label, value, testId, hint }: { label: string; value: string; testId: string; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={22} fw={650} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** Weight, proven bound, their ratio and breaks: how close to the best possible this schedule is. */
function Figures({ review }: { review: ScheduleReview }) {
  const { t } = useTranslation();
  const dates = useEventDates();
  const percent = usePercent();
  const s = review.schedule;
  if (!s) return null;
  const number = new Intl.NumberFormat(dates.locale, { maximumFractionDigits: 2 });
  const seconds = s.stats?.seconds?.total;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        <Figure
          label={t("meetings.schedule.meetings")}
          value={number.format(review.meetings.length)}
          testId="schedule-meetings"
        />
        <Figure label={t("meetings.schedule.weight")} value={number.format(s.weight)} testId="schedule-weight" />
        <Figure
          label={t("meetings.schedule.bound")}
          value={number.format(s.upperBound)}
          testId="schedule-bound"
          hint={
            s.stats?.boundMethod === "lp" || s.stats?.boundMethod === "combinatorial"
              ? t(`meetings.schedule.boundMethods.${s.stats.boundMethod}`)
              : undefined
          }
        />
        <Figure label={t("meetings.schedule.ratio")} value={percent(s.ratio)} testId="schedule-ratio" />
        <Figure label={t("meetings.schedule.breaks")} value={number.format(s.breaks)} testId="schedule-breaks" />
      </SimpleGrid>
      <Group gap="xs">
        <Badge
          color={s.status === "published" ? "teal" : s.status === "draft" ? "orange" : "gray"}
          data-testid="schedule-status"
        >
          {t(`meetings.schedule.status.${s.status}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t("meetings.schedule.version", { version: s.version, kind: t(`meetings.schedule.kind.${s.kind}`) })} ·{" "}
          {dates.dayShort(s.createdAt)} {dates.time(s.createdAt)}
          {seconds !== undefined && ` · ${t("meetings.schedule.seconds", { seconds: number.format(seconds) })}`}
        </Text>
        {s.valid ? (
          <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} />} data-testid="schedule-valid">
            {t("meetings.schedule.valid")}
          </Badge>
        ) : (
          <Tooltip label={s.problems.join(" ; ")} multiline w={360}>
            <Badge color="red" leftSection={<IconAlertTriangle size={12} />}>
              {t("meetings.schedule.invalid")}
            </Badge>
          </Tooltip>
        )}
        {s.kind === "replan" && s.stats.kept !== undefined && (
          <Text size="xs" c="dimmed" data-testid="schedule-replan-figures">
            {t("meetings.schedule.kept", {
              kept: s.stats.kept,
              added: s.stats.added?.length ?? 0,
              removed: s.stats.removed?.length ?? 0,
            })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** The grid: one row per slot, one column per table (or stand); pauses across. */
function ScheduleGrid({ day, meetings }: { day: MeetingDay; meetings: Meeting[] }) {
  const { t } = useTranslation();
  const dates = useEventDates();
  const key = (m: Meeting) => (m.stand ? `s:${m.stand}` : m.table !== null ? `t:${m.table}` : "free");
  const columns = new Map<string, string>();
  for (let n = 1; n <= (day.tables ?? 0); n++) columns.set(`t:${n}`, t("meetings.agenda.table", { table: n }));
  const extra = [...new Set(meetings.map(key))]
    .filter((k) => !columns.has(k))
    .sort((a, b) => {
      // Tables by number, then stands by name, free seating last.
      const rank = (k: string) => (k.startsWith("t:") ? 0 : k.startsWith("s:") ? 1 : 2);
      return rank(a) - rank(b) || a.localeCompare(b, "fr", { numeric: true });
    });
  for (const k of extra)
    columns.set(
      k,
      k === "free"
        ? t("meetings.agenda.freeSeating")
        : k.startsWith("s:")
          ? t("meetings.agenda.stand", { stand: k.slice(2) })
          : t("meetings.agenda.table", { table: k.slice(2) }),
    );
  const cell = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const k = `${m.slot}|${key(m)}`;
    cell.set(k, [...(cell.get(k) ?? []), m]);
  }
  const cols = [...columns.entries()];
  return (
    <Table.ScrollContainer minWidth={Math.max(600, 140 + cols.length * 150)} maxHeight={640}>
      <Table withTableBorder withColumnBorders stickyHeader verticalSpacing={4} data-testid="schedule-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t("meetings.schedule.slot")}</Table.Th>
            {cols.map(([k, label]) => (
              <Table.Th key={k} miw={140}>
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {day.slots.map((s) => (
            <Table.Tr key={s.slot} bg={s.pause ? "var(--mantine-color-yellow-0)" : undefined}>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {dates.timeRange(s.startsAt, s.endsAt)}
                </Text>
              </Table.Td>
              {s.pause ? (
                <Table.Td colSpan={Math.max(1, cols.length)} ta="center">
                  <Text size="xs" c="dimmed" fw={500}>
                    {s.pause}
                  </Text>
                </Table.Td>
              ) : (
                cols.map(([k]) => (
                  <Table.Td key={k}>
                    {(cell.get(`${s.slot}|${k}`) ?? []).map((m) => (
                      <Text key={m.id} size="xs" lh={1.3} data-testid="grid-meeting">
                        <b>{m.a.company}</b> ↔ <b>{m.b.company}</b>
                      </Text>
                    ))}
                  </Table.Td>
                ))
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On the day: a cancellation or a late arrival, then a re-plan that moves nothing confirmed. */
function DayOfChanges({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const actions = useMeetingActions(day.eventId);
  const participants = useParticipants(day.eventId);
  const slots = useSlotOptions(day, { skipPauses: true });
  const [who, setWho] = useState<string | null>(null);
  const [arrives, setArrives] = useState<string | null>(null);
  const [fromSlot, setFromSlot] = useState<string | null>(null);
  const options = (participants.data?.participants ?? [])
    .filter((p) => p.status === "active")
    .map((p) => ({ value: p.id, label: `${p.company} · ${p.name}` }));
  const cancelled = (participants.data?.participants ?? []).filter((p) => p.status === "cancelled");
  const done = { onSuccess: () => notifySuccess(t("meetings.participant.saved")) };
  return (
    <Section title={t("meetings.schedule.replan")} testId="replan-section">
      <Text size="xs" c="dimmed" mb="sm">
        {t("meetings.schedule.replanHelp")}
      </Text>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Select
            label={t("meetings.pickParticipant")}
            data={options}
            searchable
            clearable
            value={who}
            onChange={setWho}
            data-testid="replan-participant"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Button
            fullWidth
            color="red"
            variant="light"
            disabled={!who}
            onClick={() =>
              who &&
              actions.updateParticipant.mutate(
                { id: who, status: "cancelled" },
                {
                  onSuccess: () => {
                    setWho(null);
                    done.onSuccess();
                  },
                },
              )
            }
            data-testid="replan-cancel"
          >
            {t("meetings.schedule.markCancelled")}
          </Button>
        </Grid.Col>
        <Grid.Col span={{ base: 8, md: 2 }}>
          <Select
            label={t("meetings.participant.late")}
            data={slots}
            value={arrives}
            onChange={setArrives}
            data-testid="replan-arrives"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 4, md: 2 }}>
          <Button
            fullWidth
            variant="light"
            disabled={!who || arrives === null}
            onClick={() =>
              who &&
              arrives !== null &&
              actions.updateParticipant.mutate({ id: who, availableFrom: Number(arrives) }, done)
            }
            data-testid="replan-late"
          >
            {t("meetings.schedule.markLate")}
          </Button>
        </Grid.Col>
      </Grid>
      {cancelled.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t("meetings.schedule.cancelledList", { names: cancelled.map((p) => p.company).join(", ") })}
        </Text>
      )}
      <Group mt="md" gap="sm" align="flex-end">
        <Select
          label={t("meetings.schedule.fromSlot")}
          description={t("meetings.schedule.fromSlotHelp")}
          placeholder={t("meetings.schedule.fromNow")}
          data={slots}
          clearable
          value={fromSlot}
          onChange={setFromSlot}
          w={320}
          data-testid="replan-from"
        />
        <Button
          leftSection={<IconRefresh size={16} />}
          loading={actions.replan.isPending}
          onClick={() =>
            actions.replan.mutate(fromSlot === null ? undefined : Number(fromSlot), {
              onSuccess: () => notifySuccess(t("meetings.schedule.replanned")),
            })
          }
          data-testid="replan-run"
        >
          {t("meetings.schedule.replan")}
        </Button>
      </Group>
    </Section>
  );
}

export function SchedulePanel({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const fileUrl = useFileUrl();
  const review = useSchedule(day.eventId);
  const actions = useMeetingActions(day.eventId);
  const canRun = day.phase === "requests_closed" || day.phase === "scheduled";
  const data = review.data;
  const draft = data?.schedule?.status === "draft" && day.phase === "scheduled";
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          {canRun && (
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              loading={actions.schedule.isPending}
              variant={data?.schedule ? "default" : "filled"}
              onClick={() =>
                actions.schedule.mutate(undefined, { onSuccess: () => notifySuccess(t("meetings.schedule.computed")) })
              }
              data-testid="schedule-run"
            >
              {actions.schedule.isPending
                ? t("meetings.schedule.running")
                : data?.schedule
                  ? t("meetings.schedule.rerun")
                  : t("meetings.schedule.run")}
            </Button>
          )}
          {draft && (
            <Button
              color="teal"
              leftSection={<IconCalendarCheck size={16} />}
              loading={actions.publish.isPending}
              onClick={() =>
                actions.publish.mutate(undefined, { onSuccess: () => notifySuccess(t("meetings.schedule.published")) })
              }
              data-testid="schedule-publish"
            >
              {t("meetings.schedule.publish")}
            </Button>
          )}
        </Group>
        <Group gap="md">
          <Anchor href={fileUrl(day.eventId, "instance")} download={`instance-${day.eventId}.json`} size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={14} />
              {t("meetings.schedule.exportInstance")}
            </Group>
          </Anchor>
        </Group>
      </Group>
      {!canRun && !data?.schedule && ["draft", "requests_open"].includes(day.phase) && (
        <Alert color="gray">{t("meetings.schedule.none")}</Alert>
      )}
      {review.isError ? (
        <ErrorDisplay error={review.error} onRetry={() => review.refetch()} />
      ) : review.isPending ? (
        <Skeleton h={200} />
      ) : !data?.schedule ? (
        canRun && <Alert color="blue">{t("meetings.schedule.ready", { count: day.counts.accepted })}</Alert>
      ) : (
        <>
          {draft && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
              {t("meetings.schedule.draft")}
            </Alert>
          )}
          <Figures review={data} />
          <Section title={t("meetings.schedule.grid")}>
            <ScheduleGrid day={day} meetings={data.meetings} />
          </Section>
          {day.phase === "published" && <DayOfChanges day={day} />}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Section
                title={`${t("meetings.schedule.unplaced")} (${data.unplaced.length})`}
                testId="schedule-unplaced"
              >
                {data.unplaced.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("meetings.schedule.unplacedNone")}
                  </Text>
                ) : (
                  <Table verticalSpacing={4}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("meetings.request.from")}</Table.Th>
                        <Table.Th>{t("meetings.request.to")}</Table.Th>
                        <Table.Th ta="right">{t("meetings.request.weight")}</Table.Th>
                        <Table.Th>{t("meetings.schedule.reason")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.unplaced.map((u) => (
                        <Table.Tr key={u.requestId ?? `${u.from}|${u.to}`} data-testid="unplaced-row">
                          <Table.Td>{u.from}</Table.Td>
                          <Table.Td>{u.to}</Table.Td>
                          <Table.Td ta="right">{u.weight}</Table.Td>
                          <Table.Td>
                            <Text size="xs">{u.reason}</Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Section>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Section title={t("meetings.schedule.perParticipant")}>
                <Table.ScrollContainer minWidth={360} maxHeight={400}>
                  <Table verticalSpacing={4} stickyHeader data-testid="schedule-per-participant">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("meetings.participant.company")}</Table.Th>
                        <Table.Th ta="right">{t("meetings.schedule.meetings")}</Table.Th>
                        <Table.Th ta="right">{t("meetings.schedule.requested")}</Table.Th>
                        <Table.Th ta="right">{t("meetings.schedule.breaksShort")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.perParticipant.map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Td>
                            <Text size="sm">{p.company}</Text>
                          </Table.Td>
                          <Table.Td ta="right">{p.meetings}</Table.Td>
                          <Table.Td ta="right">{p.requested}</Table.Td>
                          <Table.Td ta="right">{p.breaks}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Section>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
