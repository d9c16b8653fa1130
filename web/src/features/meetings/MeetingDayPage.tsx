import { Alert, Anchor, Breadcrumbs, Button, Group, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { useEventDates } from "../events/dates";
import { AgendaView } from "./AgendaView";
import { type MeetingDay, type Phase, useDay, useMeetingActions } from "./api";
import { BoardPanel } from "./BoardPanel";
import { ConfigPanel } from "./ConfigPanel";
import { OutcomesPanel } from "./OutcomesPanel";
import { ParticipantsPanel } from "./ParticipantsPanel";
import { ProfilePanel } from "./ProfilePanel";
import { MyRequestsPanel, StaffRequestsPanel } from "./RequestsPanel";
import { SchedulePanel } from "./SchedulePanel";
import { SuggestionsPanel } from "./SuggestionsPanel";
import { PhaseBadge, TablePlanLink } from "./shared";

/**
 * The moves staff make by hand (meetings.rules.ts PHASE_MOVES); "scheduled" and "published" are reached by
 * computing and publishing a schedule, on the schedule tab.
 */
const MOVES: Record<Phase, { to: Phase; label: string; primary?: boolean }[]> = {
  draft: [{ to: "requests_open", label: "next.draft", primary: true }],
  requests_open: [
    { to: "requests_closed", label: "next.requests_open", primary: true },
    { to: "draft", label: "next.back" },
  ],
  requests_closed: [{ to: "requests_open", label: "next.reopen" }],
  scheduled: [
    { to: "requests_closed", label: "next.closed" },
    { to: "requests_open", label: "next.reopen" },
  ],
  published: [{ to: "held", label: "next.published" }],
  held: [{ to: "published", label: "next.held" }],
};

function PhaseActions({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const actions = useMeetingActions(day.eventId);
  if (!day.configured) return null;
  return (
    <>
      {MOVES[day.phase].map((move) => (
        <Button
          key={move.to}
          variant={move.primary ? "filled" : "default"}
          loading={actions.phase.isPending && actions.phase.variables === move.to}
          onClick={() => actions.phase.mutate(move.to)}
          data-testid={`phase-${move.to}`}
        >
          {t(`meetings.${move.label}` as never)}
        </Button>
      ))}
    </>
  );
}

const STAFF_TABS = ["config", "participants", "requests", "schedule", "board", "outcomes"] as const;
const MEMBER_TABS = ["profile", "suggestions", "myRequests", "agenda"] as const;
type TabName = (typeof STAFF_TABS)[number] | (typeof MEMBER_TABS)[number];

/** Where staff start: configuration before the day is set up, then what the phase calls for. */
function defaultTab(day: MeetingDay, staff: boolean): TabName {
  if (!staff) return day.phase === "published" || day.phase === "held" ? "agenda" : "profile";
  if (!day.configured || day.phase === "draft") return "config";
  if (day.phase === "requests_open") return "requests";
  if (day.phase === "held") return "outcomes";
  return "schedule";
}

function StaffTabs({ day, tab }: { day: MeetingDay; tab: TabName }) {
  switch (tab) {
    case "participants":
      return <ParticipantsPanel day={day} />;
    case "requests":
      return <StaffRequestsPanel day={day} />;
    case "schedule":
      return <SchedulePanel day={day} />;
    case "board":
      return <BoardPanel day={day} />;
    case "outcomes":
      return <OutcomesPanel day={day} />;
    default:
      return <ConfigPanel day={day} />;
  }
}

function MemberTabs({ day, tab }: { day: MeetingDay; tab: TabName }) {
  const { t } = useTranslation();
  switch (tab) {
    case "suggestions":
      return <SuggestionsPanel day={day} />;
    case "myRequests":
      return <MyRequestsPanel day={day} />;
    case "agenda":
      return day.myParticipantId ? (
        <AgendaView day={day} participantId={day.myParticipantId} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="agenda-not-joined">
          {t("meetings.agenda.notJoined")}
        </Text>
      );
    default:
      return <ProfilePanel day={day} />;
  }
}

export default function MeetingDayPage() {
  const { eventId = "" } = useParams();
  const { t } = useTranslation();
  const cluster = useCluster();
  const dates = useEventDates();
  const [params, setParams] = useSearchParams();
  const query = useDay(eventId);
  if (query.isError) return <ErrorDisplay error={query.error} onRetry={() => query.refetch()} fullPage />;
  const day = query.data;
  if (!day) return <Skeleton h={300} radius="md" />;
  const staff = cluster.isStaff;
  const tabs: readonly TabName[] = staff ? STAFF_TABS : MEMBER_TABS;
  const requested = params.get("tab") as TabName | null;
  const tab = requested && tabs.includes(requested) ? requested : defaultTab(day, staff);
  return (
    <>
      <PageHeader
        before={
          <Breadcrumbs mb="xs" fz="xs">
            <Anchor component={Link} to={cluster.path("meetings")} size="xs">
              {t("meetings.title")}
            </Anchor>
            <Text size="xs" c="dimmed" truncate maw={300}>
              {day.title}
            </Text>
          </Breadcrumbs>
        }
        title={day.title}
        titleTestId="meeting-day-heading"
        subtitle={
          <Stack gap={4}>
            <Group gap="xs">
              <PhaseBadge day={day} />
              <Text size="sm">
                {dates.day(day.startsAt)}
                {day.configured && day.slots.length > 0 && (
                  <>
                    , {dates.time(day.slots[0].startsAt)} – {dates.time(day.slots[day.slots.length - 1].endsAt)}
                  </>
                )}
                {day.place ? ` · ${day.place}` : ""}
              </Text>
            </Group>
            {staff && day.configured && (
              <Text size="xs" c="dimmed" data-testid="meeting-day-counts">
                {t("meetings.counts", day.counts)}
              </Text>
            )}
          </Stack>
        }
        actions={
          staff && (
            <>
              {["scheduled", "published", "held"].includes(day.phase) && <TablePlanLink eventId={day.eventId} />}
              <PhaseActions day={day} />
            </>
          )
        }
      />
      {staff && !day.configured && (
        <Alert color="blue" icon={<IconAlertTriangle size={18} />} mb="md">
          {t("meetings.configureFirst")}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(next) => next && setParams({ tab: next }, { replace: true })}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List mb="md">
          {tabs.map((name) => (
            <Tabs.Tab
              key={name}
              value={name}
              data-testid={`meeting-tab-${name}`}
              disabled={staff && !day.configured && name !== "config"}
            >
              {t(`meetings.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {staff ? <StaffTabs day={day} tab={tab} /> : <MemberTabs day={day} tab={tab} />}
      </Tabs>
    </>
  );
}
