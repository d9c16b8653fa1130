import { Badge, Box, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconMapPin, IconRepeat, IconVideo } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCluster } from "../auth/cluster";
import { HolidayFlag, KindBadge, kindColor, MyStatusBadge, SeatsText, StateBadges } from "./badges";
import { parisDateKey, useEventDates } from "./dates";
import classes from "./events.module.css";
import type { OccurrenceSummary } from "./types";

function Row({ occurrence }: { occurrence: OccurrenceSummary }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const dates = useEventDates();
  const day = parisDateKey(occurrence.startsAt);
  const cancelled = occurrence.status === "cancelled";
  return (
    <Link
      to={cluster.path(`occurrences/${occurrence.id}`)}
      className={classes.listRow}
      data-cancelled={cancelled}
      data-testid="event-row"
      data-occurrence-id={occurrence.id}
    >
      <div className={classes.dateBlock} aria-hidden>
        <Text size="10px" c="dimmed" tt="uppercase" fw={600} lh={1.2}>
          {dates.weekday(day)}
        </Text>
        <Text fz={20} fw={650} lh={1.1} style={{ fontVariantNumeric: "tabular-nums" }}>
          {dates.dayNumber(day)}
        </Text>
      </div>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap" miw={0}>
          <span
            className={classes.kindDot}
            style={{ background: `var(--mantine-color-${kindColor(occurrence.kind)}-6)` }}
          />
          <Text fw={600} size="sm" truncate className={classes.listTitle} data-testid="event-row-title">
            {occurrence.title}
          </Text>
          {occurrence.recurring && (
            <IconRepeat size={13} color="var(--mantine-color-dimmed)" aria-label={t("events.status.recurring")} />
          )}
          {occurrence.holiday && <HolidayFlag name={occurrence.holiday} />}
        </Group>
        <Group gap={8} mt={2} wrap="wrap">
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: "tabular-nums" }}>
            {dates.timeRange(occurrence.startsAt, occurrence.endsAt)}
          </Text>
          {occurrence.town && (
            <Group gap={2} wrap="nowrap">
              <IconMapPin size={12} color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed">
                {occurrence.town}
              </Text>
            </Group>
          )}
          {occurrence.online && (
            <Group gap={2} wrap="nowrap">
              <IconVideo size={12} color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed">
                {t("events.status.online")}
              </Text>
            </Group>
          )}
          {!cancelled && <SeatsText occurrence={occurrence} />}
        </Group>
      </Box>
      <Group gap={6} justify="flex-end" wrap="wrap" maw={280} visibleFrom="xs">
        <KindBadge kind={occurrence.kind} />
        <StateBadges occurrence={occurrence} />
        {!cancelled && <MyStatusBadge registration={occurrence.myRegistration} />}
      </Group>
      <Box hiddenFrom="xs">
        {cancelled ? (
          <Badge color="red" size="xs">
            {t("events.status.cancelled")}
          </Badge>
        ) : (
          <MyStatusBadge registration={occurrence.myRegistration} />
        )}
      </Box>
    </Link>
  );
}

/** Upcoming occurrences, grouped by month. */
export function ListView({ occurrences }: { occurrences: OccurrenceSummary[] | undefined }) {
  const dates = useEventDates();
  const groups = useMemo(() => {
    const map = new Map<string, OccurrenceSummary[]>();
    for (const occurrence of occurrences ?? []) {
      const month = parisDateKey(occurrence.startsAt).slice(0, 7);
      map.set(month, [...(map.get(month) ?? []), occurrence]);
    }
    return [...map.entries()];
  }, [occurrences]);

  if (!occurrences) {
    return (
      <Paper withBorder aria-hidden>
        {Array.from({ length: 6 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows
          <Group key={i} p="sm" gap="md" wrap="nowrap">
            <Skeleton h={44} w={52} />
            <Stack gap={6} style={{ flex: 1 }}>
              <Skeleton h={12} w="50%" />
              <Skeleton h={10} w="30%" />
            </Stack>
          </Group>
        ))}
      </Paper>
    );
  }
  return (
    <Stack gap="lg" data-testid="calendar-list">
      {groups.map(([month, list]) => (
        <section key={month} aria-label={dates.month(month)}>
          <Text fw={650} size="sm" mb={6} component="h2" data-testid="calendar-list-month">
            {dates.month(month)}
          </Text>
          <Paper withBorder style={{ overflow: "hidden" }}>
            {list.map((occurrence) => (
              <Row key={occurrence.id} occurrence={occurrence} />
            ))}
          </Paper>
        </section>
      ))}
    </Stack>
  );
}
