import { Anchor, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { useOccurrences } from "./api";
import { HolidayFlag, kindColor, SeatsText } from "./badges";
import { addDays, todayKey, useEventDates } from "./dates";
import classes from "./events.module.css";

/** The staff dashboard's "next events" card: the next five dates with their seats. */
export function NextEventsCard() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const dates = useEventDates();
  const today = todayKey();
  const query = useOccurrences({ from: today, to: addDays(today, 90) });
  const next = (query.data ?? []).filter((o) => o.status !== "cancelled").slice(0, 5);
  return (
    <Section
      title={t("events.dashboard.title")}
      testId="dashboard-events"
      action={
        <Anchor component={Link} to={cluster.path("events?view=list")} size="xs">
          <Group gap={4}>
            {t("events.dashboard.seeAll")}
            <IconArrowRight size={12} />
          </Group>
        </Anchor>
      }
    >
      {query.isPending ? (
        <Skeleton h={120} />
      ) : query.isError || next.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("events.dashboard.empty")}
        </Text>
      ) : (
        <Stack gap={8}>
          {next.map((occurrence) => (
            <Group key={occurrence.id} justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={8} wrap="nowrap" miw={0}>
                <span
                  className={classes.kindDot}
                  style={{ background: `var(--mantine-color-${kindColor(occurrence.kind)}-6)` }}
                />
                <div style={{ minWidth: 0 }}>
                  <Group gap={4} wrap="nowrap">
                    <Anchor
                      component={Link}
                      to={cluster.path(`occurrences/${occurrence.id}`)}
                      size="sm"
                      fw={500}
                      truncate
                    >
                      {occurrence.title}
                    </Anchor>
                    {occurrence.holiday && <HolidayFlag name={occurrence.holiday} />}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {dates.dayShort(occurrence.startsAt)} · {dates.time(occurrence.startsAt)}
                    {occurrence.town ? ` · ${occurrence.town}` : ""}
                  </Text>
                </div>
              </Group>
              <SeatsText occurrence={occurrence} />
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
