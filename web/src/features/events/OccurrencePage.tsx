import { Alert, Anchor, Breadcrumbs, Button, Grid, Group, Menu, Skeleton, Stack, Text } from "@mantine/core";
import {
  IconAlertTriangle,
  IconBan,
  IconCalendarCancel,
  IconCalendarTime,
  IconChevronDown,
  IconClipboardCheck,
  IconPencil,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { useOccurrence } from "./api";
import { HolidayFlag, KindBadge, StateBadges } from "./badges";
import { FeedLinks } from "./CalendarFeeds";
import { useEventDates } from "./dates";
import { FeedbackSection } from "./FeedbackSection";
import { MinutesSection } from "./MinutesSection";
import { CancelOccurrenceModal, CancelSeriesModal, MoveModal } from "./OccurrenceModals";
import { ContentSections, OtherDatesSection, PracticalSection } from "./OccurrenceSections";
import { RegistrationCard } from "./RegistrationCard";
import { RegistrationsSection } from "./RegistrationsSection";
import type { OccurrenceDetail } from "./types";

type Dialog = "move" | "cancel" | "cancel-series" | null;

function StaffActions({ occurrence }: { occurrence: OccurrenceDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const [dialog, setDialog] = useState<Dialog>(null);
  const cancelled = occurrence.status === "cancelled";
  const seriesCancelled = occurrence.eventStatus === "cancelled";
  return (
    <>
      <Button
        component={Link}
        to={cluster.path(`occurrences/${occurrence.id}/check-in`)}
        variant="default"
        leftSection={<IconClipboardCheck size={16} />}
        data-testid="occurrence-checkin"
      >
        {t("events.occurrence.checkIn")}
      </Button>
      <Button
        component={Link}
        to={cluster.path(`events/${occurrence.eventId}/edit?back=${occurrence.id}`)}
        leftSection={<IconPencil size={16} />}
        data-testid="occurrence-edit"
        disabled={seriesCancelled}
      >
        {t("events.occurrence.editSeries")}
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} />} data-testid="occurrence-more">
            {t("common.more")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconCalendarTime size={14} />}
            disabled={cancelled}
            onClick={() => setDialog("move")}
            data-testid="occurrence-move"
          >
            {t("events.occurrence.move")}
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<IconBan size={14} />}
            disabled={cancelled}
            onClick={() => setDialog("cancel")}
            data-testid="occurrence-cancel"
          >
            {occurrence.recurring ? t("events.occurrence.cancel") : t("events.occurrence.cancelEvent")}
          </Menu.Item>
          {occurrence.recurring && (
            <Menu.Item
              color="red"
              leftSection={<IconCalendarCancel size={14} />}
              disabled={seriesCancelled}
              onClick={() => setDialog("cancel-series")}
              data-testid="series-cancel"
            >
              {t("events.occurrence.cancelSeries")}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {dialog === "move" && <MoveModal occurrence={occurrence} onClose={() => setDialog(null)} />}
      {dialog === "cancel" && <CancelOccurrenceModal occurrence={occurrence} onClose={() => setDialog(null)} />}
      {dialog === "cancel-series" && <CancelSeriesModal eventId={occurrence.eventId} onClose={() => setDialog(null)} />}
    </>
  );
}

function OccurrenceSkeleton() {
  return (
    <Stack gap="md" aria-hidden>
      <Skeleton h={12} w={140} />
      <Skeleton h={28} w={380} />
      <Skeleton h={16} w={260} />
      <Grid mt="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Skeleton h={260} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Skeleton h={260} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export default function OccurrencePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const cluster = useCluster();
  const navigate = useNavigate();
  const dates = useEventDates();
  const query = useOccurrence(id);

  if (query.isPending) return <OccurrenceSkeleton />;
  if (query.isError)
    return (
      <ErrorDisplay
        error={query.error}
        action={
          <Button size="xs" variant="default" onClick={() => navigate(cluster.path("events"))}>
            {t("events.occurrence.back")}
          </Button>
        }
      />
    );
  const occurrence = query.data;
  const cancelled = occurrence.status === "cancelled";
  const moved = occurrence.moved && occurrence.originalStart && occurrence.originalStart !== occurrence.startsAt;

  return (
    <>
      <PageHeader
        before={
          <Breadcrumbs mb="xs" fz="xs">
            <Anchor component={Link} to={cluster.path("events")} size="xs">
              {t("events.occurrence.breadcrumb")}
            </Anchor>
            <Text size="xs" c="dimmed" truncate maw={300}>
              {occurrence.title}
            </Text>
          </Breadcrumbs>
        }
        title={occurrence.title}
        titleTestId="occurrence-title"
        subtitle={
          <Stack gap={6} mt={2}>
            <Group gap="xs">
              <KindBadge kind={occurrence.kind} />
              <StateBadges occurrence={occurrence} />
              <Text
                size="sm"
                c={cancelled ? "dimmed" : "var(--mantine-color-text)"}
                td={cancelled ? "line-through" : undefined}
                data-testid="occurrence-date"
              >
                {dates.range(occurrence.startsAt, occurrence.endsAt)}
              </Text>
              {occurrence.holiday && <HolidayFlag name={occurrence.holiday} withLabel />}
            </Group>
            {moved && (
              <Text size="xs" c="blue.8">
                {t("events.occurrence.movedFrom", {
                  date: `${dates.dayShort(occurrence.originalStart)} ${dates.time(occurrence.originalStart)}`,
                })}
              </Text>
            )}
          </Stack>
        }
        actions={cluster.isStaff && <StaffActions occurrence={occurrence} />}
      />
      {cancelled && (
        <Alert
          color="red"
          icon={<IconBan size={18} />}
          mb="md"
          title={t("events.occurrence.cancelledBanner")}
          data-testid="occurrence-cancelled"
        >
          {occurrence.cancelReason && t("events.occurrence.cancelledReason", { reason: occurrence.cancelReason })}
        </Alert>
      )}
      {occurrence.eventStatus === "draft" && (
        <Alert color="gray" icon={<IconAlertTriangle size={18} />} mb="md">
          {t("events.occurrence.draftBanner")}
        </Alert>
      )}
      {occurrence.kind === "business_meetings" && (
        <Alert color="violet" mb="md" data-testid="occurrence-meeting-day">
          <Anchor component={Link} to={cluster.path(`meetings/${occurrence.eventId}`)} fw={600}>
            {t("meetings.openDay")}
          </Anchor>
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <ContentSections occurrence={occurrence} />
            <FeedbackSection occurrence={occurrence} />
            <MinutesSection occurrence={occurrence} />
            {cluster.isStaff && <RegistrationsSection occurrence={occurrence} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <RegistrationCard occurrence={occurrence} />
            <PracticalSection occurrence={occurrence} />
            <OtherDatesSection occurrence={occurrence} />
            <Section title={t("events.occurrence.sections.calendar")} testId="occurrence-feeds">
              <FeedLinks />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
