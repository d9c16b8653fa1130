import { Alert, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { useEventDates } from "../events/dates";
import { type Meeting, type MeetingDay, useMeetingActions, useOutcomes, useSchedule } from "./api";
import { usePlaceLabel } from "./shared";

const toValue = (v: boolean | null) => (v === null ? "unknown" : v ? "yes" : "no");
const fromValue = (v: string) => (v === "unknown" ? null : v === "yes");

/** "Held?" or "follow-up expected?" for one meeting: yes, no or not known yet. */
function OutcomeSwitch({ day, meeting, field }: { day: MeetingDay; meeting: Meeting; field: "held" | "followUp" }) {
  const { t } = useTranslation();
  const actions = useMeetingActions(day.eventId);
  return (
    <SegmentedControl
      size="xs"
      data={[
        { value: "yes", label: t("meetings.outcomes.yes") },
        { value: "no", label: t("meetings.outcomes.no") },
        { value: "unknown", label: t("meetings.outcomes.unknown") },
      ]}
      value={toValue(meeting[field])}
      onChange={(v) => actions.outcome.mutate({ id: meeting.id, [field]: fromValue(v) })}
      aria-label={t(`meetings.outcomes.${field}`)}
      data-testid={field === "held" ? "outcome-held" : "outcome-followup"}
    />
  );
}

/** Both questions with their labels, for a participant's own agenda. */
export function OutcomeControls({ day, meeting }: { day: MeetingDay; meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" mt={6}>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {t("meetings.outcomes.held")}
        </Text>
        <OutcomeSwitch day={day} meeting={meeting} field="held" />
      </Group>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {t("meetings.outcomes.followUp")}
        </Text>
        <OutcomeSwitch day={day} meeting={meeting} field="followUp" />
      </Group>
    </Group>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={20} fw={650}>
        {value}
      </Text>
    </div>
  );
}

/** Staff, after the day: per published meeting, did it take place and is a follow-up expected. */
export function OutcomesPanel({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const dates = useEventDates();
  const place = usePlaceLabel();
  const published = day.phase === "published" || day.phase === "held";
  const outcomes = useOutcomes(day.eventId, published);
  const review = useSchedule(day.eventId, published);
  if (!published) return <Alert color="gray">{t("meetings.outcomes.notYet")}</Alert>;
  if (review.isError) return <ErrorDisplay error={review.error} onRetry={() => review.refetch()} />;
  if (review.isPending) return <Skeleton h={240} />;
  const meetings = review.data.schedule?.status === "published" ? review.data.meetings : [];
  const o = outcomes.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("meetings.outcomes.help")}
      </Text>
      {o && (
        <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="outcome-counts">
          <Count label={t("meetings.schedule.meetings")} value={o.meetings} />
          <Count label={t("meetings.outcomes.heldCount")} value={o.held} />
          <Count label={t("meetings.outcomes.notHeld")} value={o.notHeld} />
          <Count label={t("meetings.outcomes.toFill")} value={o.unknown} />
          <Count label={t("meetings.outcomes.followUps")} value={o.followUps} />
        </SimpleGrid>
      )}
      <Section title={t("meetings.schedule.meetings")}>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing={4} highlightOnHover data-testid="outcomes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("meetings.schedule.slot")}</Table.Th>
                <Table.Th>{t("meetings.board.place")}</Table.Th>
                <Table.Th>{t("meetings.schedule.meetings")}</Table.Th>
                <Table.Th>{t("meetings.outcomes.held")}</Table.Th>
                <Table.Th>{t("meetings.outcomes.followUp")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.map((m) => (
                <Table.Tr key={m.id} data-testid="outcome-row">
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {dates.time(m.startsAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{place(m)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {m.a.company} ↔ {m.b.company}
                    </Text>
                  </Table.Td>
                  <OutcomeCells day={day} meeting={m} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
    </Stack>
  );
}

function OutcomeCells({ day, meeting }: { day: MeetingDay; meeting: Meeting }) {
  return (
    <>
      <Table.Td>
        <OutcomeSwitch day={day} meeting={meeting} field="held" />
      </Table.Td>
      <Table.Td>
        <OutcomeSwitch day={day} meeting={meeting} field="followUp" />
      </Table.Td>
    </>
  );
}
