import { Anchor, Badge, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconExternalLink, IconMapPin, IconVideo } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Field, Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { useEvent } from "./api";
import { HolidayFlag, MyStatusBadge, SeatsText } from "./badges";
import { useEventDates } from "./dates";
import classes from "./events.module.css";
import type { OccurrenceDetail } from "./types";

/** Description, agenda, expected result and timing: what every meeting states. */
export function ContentSections({ occurrence }: { occurrence: OccurrenceDetail }) {
  const { t } = useTranslation();
  const { event } = occurrence;
  return (
    <>
      <Section title={t("events.occurrence.sections.about")} testId="occurrence-description">
        <Text size="sm" className={classes.prose} c={event.description ? undefined : "dimmed"}>
          {event.description || t("events.occurrence.noDescription")}
        </Text>
      </Section>
      {(event.agenda || event.expectedResult) && (
        <Section title={t("events.occurrence.sections.agenda")} testId="occurrence-agenda">
          <Stack gap="md">
            {event.agenda && (
              <Text size="sm" className={classes.prose}>
                {event.agenda}
              </Text>
            )}
            {event.expectedResult && (
              <div data-testid="occurrence-expected-result">
                <Text size="xs" c="dimmed" fw={500}>
                  {t("events.occurrence.sections.expectedResult")}
                </Text>
                <Text size="sm" className={classes.prose}>
                  {event.expectedResult}
                </Text>
              </div>
            )}
          </Stack>
        </Section>
      )}
      {event.timing.length > 0 && (
        <Section title={t("events.occurrence.sections.timing")} testId="occurrence-timing">
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              {event.timing.map((step, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id and never reorder here
                <Table.Tr key={index}>
                  <Table.Td w={64} style={{ fontVariantNumeric: "tabular-nums", verticalAlign: "top" }}>
                    <Text size="sm" fw={600}>
                      {step.at}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{step.label}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      )}
    </>
  );
}

/** When, where, who hosts, for whom, how many seats. */
export function PracticalSection({ occurrence }: { occurrence: OccurrenceDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const dates = useEventDates();
  const { event } = occurrence;
  const town = event.town ?? occurrence.town;
  const address = [event.addressLine, [event.postcode, town].filter(Boolean).join(" ")].filter(Boolean);
  return (
    <Section title={t("events.occurrence.sections.practical")} testId="occurrence-practical">
      <Stack gap="sm">
        <Field label={t("events.occurrence.fields.when")}>
          <span data-testid="occurrence-when">{dates.range(occurrence.startsAt, occurrence.endsAt)}</span>
        </Field>
        <Field label={t("events.occurrence.fields.place")}>
          {(address.length > 0 || event.onlineUrl) && (
            <Stack gap={4} data-testid="occurrence-place">
              {address.length > 0 && (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconMapPin size={14} style={{ marginTop: 3, flex: "none" }} />
                  <div>
                    {address.map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                  </div>
                </Group>
              )}
              {event.onlineUrl && (
                <Group gap={6} wrap="nowrap">
                  <IconVideo size={14} style={{ flex: "none" }} />
                  <Anchor
                    href={event.onlineUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    size="sm"
                    data-testid="occurrence-online"
                  >
                    {t("events.occurrence.fields.joinOnline")} <IconExternalLink size={12} />
                  </Anchor>
                </Group>
              )}
            </Stack>
          )}
        </Field>
        <Field label={t("events.occurrence.fields.host")}>
          {event.hostMember && (
            <Anchor
              component={Link}
              to={cluster.path(`members/${event.hostMember.id}`)}
              size="sm"
              data-testid="occurrence-host"
            >
              {event.hostMember.name}
            </Anchor>
          )}
        </Field>
        <Field label={t("events.occurrence.fields.audience")}>
          <span data-testid="occurrence-audience">{t(`events.audience.${event.audience}`)}</span>
        </Field>
        <Field label={t("events.occurrence.fields.capacity")}>
          <Stack gap={2} data-testid="occurrence-capacity">
            <Text size="sm" style={{ fontVariantNumeric: "tabular-nums" }}>
              {occurrence.capacity === null
                ? `${t("events.status.unlimited")} · ${t("events.status.registered", { count: occurrence.confirmed })}`
                : t("events.status.confirmedOf", { confirmed: occurrence.confirmed, capacity: occurrence.capacity })}
            </Text>
            {occurrence.waiting > 0 && (
              <Text size="xs" c="orange.8">
                {t("events.status.waiting", { count: occurrence.waiting })}
              </Text>
            )}
          </Stack>
        </Field>
        {event.seatsPerCompany !== null && (
          <Field label={t("events.occurrence.fields.seatsPerCompany")}>{event.seatsPerCompany}</Field>
        )}
        {event.recurrenceText && (
          <Field label={t("events.occurrence.fields.recurrence")}>
            <span data-testid="occurrence-recurrence">{event.recurrenceText}</span>
          </Field>
        )}
      </Stack>
    </Section>
  );
}

/** The series' other dates (upcoming first), each a link to its page. */
export function OtherDatesSection({ occurrence }: { occurrence: OccurrenceDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const dates = useEventDates();
  const event = useEvent(occurrence.recurring ? occurrence.eventId : undefined);
  if (!occurrence.recurring) return null;
  const now = Date.now();
  const others = (event.data?.occurrences ?? []).filter((o) => o.id !== occurrence.id);
  const upcoming = others.filter((o) => new Date(o.endsAt).getTime() >= now).slice(0, 8);
  return (
    <Section title={t("events.occurrence.sections.otherDates")} testId="other-dates">
      {event.isPending ? (
        <Skeleton h={80} />
      ) : upcoming.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("events.occurrence.noOtherDates")}
        </Text>
      ) : (
        <Stack gap={6}>
          {upcoming.map((other) => (
            <Group key={other.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="other-date">
              <div style={{ minWidth: 0 }}>
                <Group gap={4} wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={cluster.path(`occurrences/${other.id}`)}
                    size="sm"
                    fw={500}
                    td={other.status === "cancelled" ? "line-through" : undefined}
                  >
                    {dates.dayShort(other.startsAt)} · {dates.time(other.startsAt)}
                  </Anchor>
                  {other.holiday && <HolidayFlag name={other.holiday} />}
                </Group>
                {other.status !== "cancelled" && <SeatsText occurrence={other} />}
              </div>
              {other.status === "cancelled" ? (
                <Badge color="red" size="xs">
                  {t("events.status.cancelled")}
                </Badge>
              ) : (
                <MyStatusBadge registration={other.myRegistration} />
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
