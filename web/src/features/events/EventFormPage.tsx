import { Anchor, Badge, Breadcrumbs, Grid, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { api } from "../../api/client";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { useEvent } from "./api";
import { HolidayFlag } from "./badges";
import { useEventDates } from "./dates";
import { EventForm } from "./EventForm";
import type { EventDetail } from "./types";

/** The page an event leads to once saved: the occurrence it came from, else its next date. */
function landing(event: EventDetail, back: string | null) {
  if (back && event.occurrences.some((o) => o.id === back)) return back;
  const now = Date.now();
  const next = event.occurrences.find((o) => new Date(o.endsAt).getTime() >= now && o.status !== "cancelled");
  return (next ?? event.occurrences[0])?.id ?? null;
}

/** What the server generated (after a save): the dates with their holidays, moved and cancelled ones. */
function SavedDates({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const dates = useEventDates();
  const now = Date.now();
  const upcoming = event.occurrences.filter((o) => new Date(o.endsAt).getTime() >= now);
  return (
    <Section title={t("events.recurrence.savedDates")} testId="saved-dates">
      <Stack gap={4}>
        {event.recurrenceText && (
          <Text size="sm" fw={500} mb={4}>
            {event.recurrenceText}
          </Text>
        )}
        {upcoming.map((o) => (
          <Group key={o.id} gap={6} wrap="nowrap">
            <Anchor
              component={Link}
              to={cluster.path(`occurrences/${o.id}`)}
              size="sm"
              td={o.status === "cancelled" ? "line-through" : undefined}
            >
              {dates.dayShort(o.startsAt)} · {dates.time(o.startsAt)}
            </Anchor>
            {o.holiday && <HolidayFlag name={o.holiday} />}
            {o.moved && (
              <Badge size="xs" color="blue" variant="outline">
                {t("events.status.moved")}
              </Badge>
            )}
            {o.status === "cancelled" && (
              <Badge size="xs" color="red">
                {t("events.status.cancelled")}
              </Badge>
            )}
          </Group>
        ))}
        <Text size="xs" c="dimmed" mt={6}>
          {t("events.recurrence.keptNote")}
        </Text>
      </Stack>
    </Section>
  );
}

export function EventCreatePage() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const workingGroupId = params.get("workingGroupId");
  return (
    <>
      <PageHeader
        before={
          <Breadcrumbs mb="xs" fz="xs">
            <Anchor component={Link} to={cluster.path("events")} size="xs">
              {t("events.occurrence.breadcrumb")}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t("events.form.newTitle")}
            </Text>
          </Breadcrumbs>
        }
        title={t("events.form.newTitle")}
        titleTestId="event-form-title"
      />
      <EventForm
        event={null}
        workingGroupId={workingGroupId}
        onSaved={(event) => {
          const target = landing(event, null);
          navigate(target ? cluster.path(`occurrences/${target}`) : cluster.path("events"));
        }}
        onCancel={() => navigate(-1)}
      />
    </>
  );
}

export function EventEditPage() {
  const { t } = useTranslation();
  const { eventId } = useParams();
  const cluster = useCluster();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const back = params.get("back");
  const event = useEvent(eventId);
  if (event.isPending)
    return (
      <Stack gap="md" aria-hidden>
        <Skeleton h={28} w={320} />
        <Skeleton h={240} />
        <Skeleton h={240} />
      </Stack>
    );
  if (event.isError) return <ErrorDisplay error={event.error} onRetry={() => event.refetch()} />;
  const data = event.data;
  return (
    <>
      <PageHeader
        before={
          <Breadcrumbs mb="xs" fz="xs">
            <Anchor component={Link} to={cluster.path("events")} size="xs">
              {t("events.occurrence.breadcrumb")}
            </Anchor>
            <Text size="xs" c="dimmed" truncate maw={300}>
              {data.title}
            </Text>
          </Breadcrumbs>
        }
        title={t("events.form.editTitle")}
        subtitle={data.title}
        titleTestId="event-form-title"
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <EventForm
            key={data.id}
            event={data}
            onSaved={(saved) => {
              const target = landing(saved, back);
              navigate(target ? cluster.path(`occurrences/${target}`) : cluster.path("events"));
            }}
            onCancel={() => navigate(-1)}
            onReload={async () => {
              const fresh = await api.get<EventDetail>(cluster.apiPath(`events/${data.id}`));
              client.setQueryData(["events", cluster.slug, "event", data.id], fresh);
              return fresh;
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SavedDates event={data} />
        </Grid.Col>
      </Grid>
    </>
  );
}
