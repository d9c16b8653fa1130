import { Box, Popover, ScrollArea, Skeleton, Stack, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconCheck, IconClock } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCluster } from "../auth/cluster";
import { kindColor, useKindLabel } from "./badges";
import { parisDateKey, todayKey, useEventDates, weekdayIndex } from "./dates";
import classes from "./events.module.css";
import { holidayOn } from "./holidays";
import type { OccurrenceSummary } from "./types";

const VISIBLE_PER_DAY = 3;

export function OccurrenceChip({ occurrence }: { occurrence: OccurrenceSummary }) {
  const cluster = useCluster();
  const dates = useEventDates();
  const kindLabel = useKindLabel();
  const { t } = useTranslation();
  const color = kindColor(occurrence.kind);
  const cancelled = occurrence.status === "cancelled";
  const mine = occurrence.myRegistration;
  const label = [
    dates.time(occurrence.startsAt),
    occurrence.title,
    kindLabel(occurrence.kind),
    cancelled ? t("events.status.cancelled") : null,
    occurrence.eventStatus === "draft" ? t("events.status.draft") : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <Link
      to={cluster.path(`occurrences/${occurrence.id}`)}
      className={classes.chip}
      style={
        { "--chip-bg": `var(--mantine-color-${color}-1)`, "--chip-fg": `var(--mantine-color-${color}-6)` } as never
      }
      data-cancelled={cancelled}
      data-draft={occurrence.eventStatus === "draft"}
      data-testid="calendar-chip"
      data-occurrence-id={occurrence.id}
      data-kind={occurrence.kind}
      title={label}
      aria-label={label}
    >
      <span className={classes.chipTime}>{dates.time(occurrence.startsAt)}</span>
      <span className={classes.chipTitle}>{occurrence.title}</span>
      {mine?.status === "confirmed" && <IconCheck size={12} color="var(--mantine-color-teal-7)" />}
      {mine?.status === "waiting" && <IconClock size={12} color="var(--mantine-color-orange-7)" />}
    </Link>
  );
}

interface Props {
  days: string[];
  month: string;
  occurrences: OccurrenceSummary[] | undefined;
}

/** The month as a grid of weeks starting on Monday; today ringed, holidays tinted, occurrences as chips. */
export function MonthView({ days, month, occurrences }: Props) {
  const { t } = useTranslation();
  const dates = useEventDates();
  const today = todayKey();
  const byDay = useMemo(() => {
    const map = new Map<string, OccurrenceSummary[]>();
    for (const occurrence of occurrences ?? []) {
      const key = parisDateKey(occurrence.startsAt);
      map.set(key, [...(map.get(key) ?? []), occurrence]);
    }
    return map;
  }, [occurrences]);

  return (
    <ScrollArea type="auto" offsetScrollbars>
      <section className={classes.grid} data-testid="calendar-month" aria-label={dates.month(month)}>
        {days.slice(0, 7).map((day) => (
          <div key={`head-${day}`} className={classes.weekday} aria-hidden>
            {dates.weekday(day)}
          </div>
        ))}
        {days.map((day) => {
          const list = byDay.get(day) ?? [];
          const holidayKey = holidayOn(day);
          const holidayName = holidayKey
            ? t(`events.holidays.${holidayKey}`)
            : (list.find((o) => o.holiday)?.holiday ?? null);
          const hidden = list.length - VISIBLE_PER_DAY;
          return (
            <div
              key={day}
              className={classes.cell}
              data-testid="calendar-day"
              data-date={day}
              data-today={day === today}
              data-outside={!day.startsWith(month)}
              data-weekend={weekdayIndex(day) >= 5}
              data-holiday={Boolean(holidayName)}
              aria-current={day === today ? "date" : undefined}
            >
              <Box style={{ display: "flex", alignItems: "center", gap: 4, minWidth: 0 }}>
                <span className={classes.dayNumber} aria-hidden>
                  {dates.dayNumber(day)}
                </span>
                <VisuallyHidden>{dates.dayKey(day)}</VisuallyHidden>
                {holidayName && (
                  <Text size="10px" c="orange.8" truncate title={holidayName} data-testid="holiday-flag">
                    {holidayName}
                  </Text>
                )}
              </Box>
              {!occurrences && day.startsWith(month) && weekdayIndex(day) % 3 === 1 && <Skeleton h={16} />}
              {(hidden > 0 ? list.slice(0, VISIBLE_PER_DAY - 1) : list).map((occurrence) => (
                <OccurrenceChip key={occurrence.id} occurrence={occurrence} />
              ))}
              {hidden > 0 && (
                <Popover position="bottom-start" shadow="md" width={280} withinPortal>
                  <Popover.Target>
                    <UnstyledButton fz={12} c="dimmed" px={6} ta="left" data-testid="calendar-more">
                      {t("events.calendar.moreInDay", { count: hidden + 1 })}
                    </UnstyledButton>
                  </Popover.Target>
                  <Popover.Dropdown p="xs">
                    <Text size="xs" fw={600} mb={6} tt="capitalize">
                      {dates.dayOfKey(day)}
                    </Text>
                    <Stack gap={3}>
                      {list.map((occurrence) => (
                        <OccurrenceChip key={occurrence.id} occurrence={occurrence} />
                      ))}
                    </Stack>
                  </Popover.Dropdown>
                </Popover>
              )}
            </div>
          );
        })}
      </section>
    </ScrollArea>
  );
}
