import {
  ActionIcon,
  Box,
  Button,
  CloseButton,
  Group,
  SegmentedControl,
  Select,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { useDebouncedCallback, useHotkeys } from "@mantine/hooks";
import {
  IconCalendarEvent,
  IconCalendarMonth,
  IconChevronLeft,
  IconChevronRight,
  IconList,
  IconPlus,
  IconSearch,
} from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { useOccurrences } from "./api";
import { useKindLabel } from "./badges";
import { CalendarFeeds } from "./CalendarFeeds";
import { calendarRange, LIST_SPAN, useCalendarState } from "./calendarParams";
import { addDays, addMonths, monthGrid, parisDateKey, todayKey, useEventDates } from "./dates";
import { ListView } from "./ListView";
import { MonthView } from "./MonthView";
import { EVENT_KINDS } from "./types";

function SearchInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const lastSent = useRef(value);
  const send = useDebouncedCallback((next: string) => {
    lastSent.current = next;
    onChange(next);
  }, 250);
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);
  return (
    <TextInput
      type="search"
      aria-label={t("events.calendar.searchLabel")}
      placeholder={t("events.calendar.searchPlaceholder")}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        send(event.currentTarget.value);
      }}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label={t("events.calendar.clearSearch")}
            onClick={() => {
              setText("");
              lastSent.current = "";
              onChange("");
            }}
          />
        ) : null
      }
      style={{ flex: "1 1 240px" }}
      maw={420}
      data-testid="calendar-search"
    />
  );
}

export default function EventsPage() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const dates = useEventDates();
  const kindLabel = useKindLabel();
  const { state, update } = useCalendarState();
  const days = monthGrid(state.month);
  const range = calendarRange(state, days[0], addDays(days[days.length - 1], 1));
  const occurrences = useOccurrences({ ...range, kind: state.kind, q: state.q });
  const filtered = Boolean(state.kind || state.q.trim());
  const data = occurrences.data;
  const shown = state.view === "month" ? data?.filter((o) => parisDateKey(o.startsAt).startsWith(state.month)) : data;
  const monthCount = shown?.filter((o) => o.status !== "cancelled").length;

  const goMonth = (delta: number) => update({ month: addMonths(state.month, delta) }, { replace: true });
  useHotkeys([
    ["ArrowLeft", () => state.view === "month" && goMonth(-1)],
    ["ArrowRight", () => state.view === "month" && goMonth(1)],
    ["t", () => update({ month: todayKey().slice(0, 7) }, { replace: true })],
  ]);

  return (
    <Box>
      <PageHeader
        title={t("events.calendar.title")}
        subtitle={monthCount === undefined ? t("common.loading") : t("events.calendar.subtitle", { count: monthCount })}
        actions={
          <>
            <CalendarFeeds />
            {cluster.isStaff && (
              <Button
                component={Link}
                to={cluster.path("events/new")}
                leftSection={<IconPlus size={16} />}
                data-testid="event-new"
              >
                {t("events.calendar.new")}
              </Button>
            )}
          </>
        }
      />
      <Group gap="sm" mb="md" wrap="wrap">
        <SegmentedControl
          value={state.view}
          onChange={(view) => update({ view: view as "month" | "list" })}
          aria-label={t("events.calendar.view")}
          data={[
            {
              value: "month",
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconCalendarMonth size={16} />
                  {t("events.calendar.month")}
                </Group>
              ),
            },
            {
              value: "list",
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconList size={16} />
                  {t("events.calendar.list")}
                </Group>
              ),
            },
          ]}
          data-testid="calendar-view-toggle"
        />
        {state.view === "month" && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t("events.calendar.keyboardHint")}>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => goMonth(-1)}
                aria-label={t("events.calendar.previous")}
                data-testid="calendar-prev"
              >
                <IconChevronLeft size={16} />
              </ActionIcon>
            </Tooltip>
            <Text fw={650} w={150} ta="center" data-testid="calendar-month-title" aria-live="polite">
              {dates.month(state.month)}
            </Text>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => goMonth(1)}
              aria-label={t("events.calendar.next")}
              data-testid="calendar-next"
            >
              <IconChevronRight size={16} />
            </ActionIcon>
            <Button
              variant="default"
              ml={4}
              onClick={() => update({ month: todayKey().slice(0, 7) }, { replace: true })}
              data-testid="calendar-today"
            >
              {t("events.calendar.today")}
            </Button>
          </Group>
        )}
        <Select
          w={220}
          aria-label={t("events.calendar.kindFilter")}
          placeholder={t("events.calendar.allKinds")}
          data={EVENT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          value={state.kind}
          onChange={(kind) => update({ kind: kind as never })}
          clearable
          allowDeselect
          data-testid="calendar-kind"
        />
        <SearchInput value={state.q} onChange={(q) => update({ q }, { replace: true })} />
      </Group>
      {occurrences.isError && <ErrorDisplay error={occurrences.error} onRetry={() => occurrences.refetch()} />}
      {state.view === "month" ? (
        !occurrences.isError && <MonthView days={days} month={state.month} occurrences={data} />
      ) : data && data.length === 0 ? (
        <Empty
          testId="calendar-empty"
          icon={<IconCalendarEvent size={22} stroke={1.5} />}
          title={t("events.calendar.emptyTitle")}
          description={
            filtered
              ? t("events.calendar.emptyFiltered")
              : cluster.isStaff
                ? t("events.calendar.emptyStaff")
                : t("events.calendar.emptyNone")
          }
          action={
            filtered ? (
              <Button variant="default" onClick={() => update({ kind: null, q: "" })}>
                {t("events.calendar.clearFilters")}
              </Button>
            ) : cluster.isStaff ? (
              <Button component={Link} to={cluster.path("events/new")} leftSection={<IconPlus size={16} />}>
                {t("events.calendar.new")}
              </Button>
            ) : undefined
          }
        />
      ) : (
        !occurrences.isError && (
          <>
            <ListView occurrences={data} />
            {data && state.span < 12 && (
              <Group justify="center" mt="md">
                <Button
                  variant="subtle"
                  onClick={() => update({ span: Math.min(12, state.span + LIST_SPAN) }, { replace: true })}
                  data-testid="calendar-later"
                >
                  {t("events.calendar.showLater")}
                </Button>
              </Group>
            )}
          </>
        )
      )}
    </Box>
  );
}
