import { Button, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconCalendarPlus, IconUsersGroup } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { useEventDates } from "../events/dates";
import { type MeetingDay, useDays } from "./api";
import { PhaseBadge } from "./shared";

function DayRow({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const dates = useEventDates();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="meeting-day-row">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} truncate data-testid="meeting-day-title">
              {day.title}
            </Text>
            <PhaseBadge day={day} />
          </Group>
          <Text size="sm" c="dimmed">
            {dates.day(day.startsAt)}
            {day.place ? ` · ${day.place}` : ""}
          </Text>
          {day.configured && (
            <Text size="xs" c="dimmed" mt={2}>
              {cluster.isStaff
                ? t("meetings.counts", day.counts)
                : day.myParticipantId
                  ? t("meetings.profile.joined")
                  : t("meetings.profile.notYet")}
            </Text>
          )}
        </div>
        <Button
          component={Link}
          to={cluster.path(`meetings/${day.eventId}`)}
          variant="light"
          size="xs"
          data-testid="meeting-day-open"
        >
          {t("meetings.open")}
        </Button>
      </Group>
    </Paper>
  );
}

/** The cluster's business-meeting days: staff see every event of that kind, members the open ones. */
export default function MeetingDaysPage() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const days = useDays();
  return (
    <Stack gap="md">
      <PageHeader
        title={t("meetings.title")}
        subtitle={t("meetings.subtitle")}
        actions={
          cluster.isStaff && (
            <Button
              component={Link}
              to={cluster.path("events/new")}
              leftSection={<IconCalendarPlus size={16} />}
              variant="default"
            >
              {t("meetings.newEvent")}
            </Button>
          )
        }
      />
      {days.isError && <ErrorDisplay error={days.error} onRetry={() => days.refetch()} />}
      {days.isPending ? (
        <Skeleton h={120} radius="md" />
      ) : days.data?.days.length === 0 ? (
        <Empty
          testId="meeting-days-empty"
          icon={<IconUsersGroup size={22} stroke={1.5} />}
          title={t("meetings.empty")}
          description={cluster.isStaff ? t("meetings.emptyText") : t("meetings.emptyMember")}
        />
      ) : (
        <Stack gap="xs" data-testid="meeting-days">
          {days.data?.days.map((day) => (
            <DayRow key={day.eventId} day={day} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
