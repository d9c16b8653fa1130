import { Badge, Button, Group, Paper, Progress, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { IconSearch, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { type MeetingDay, type Participant, useParticipants, useRequests, useSuggestions } from "./api";
import { RequestModal } from "./RequestsPanel";

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

function ParticipantCard({
  participant,
  children,
  action,
}: {
  participant: Participant;
  children?: React.ReactNode;
  action: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="participant-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="nowrap">
            <Text fw={600} truncate data-testid="participant-card-company">
              {participant.company}
            </Text>
            {participant.category && (
              <Badge size="xs" variant="light">
                {participant.category.label}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {participant.name}
            {participant.contact?.email ? ` · ${participant.contact.email}` : ""}
          </Text>
          {participant.offers && (
            <Text size="sm" mt={4} lineClamp={3}>
              <Text span size="xs" c="dimmed">
                {t("meetings.participant.offers")} :{" "}
              </Text>
              {participant.offers}
            </Text>
          )}
          {participant.seeks && (
            <Text size="sm" mt={2} lineClamp={2}>
              <Text span size="xs" c="dimmed">
                {t("meetings.participant.seeks")} :{" "}
              </Text>
              {participant.seeks}
            </Text>
          )}
          {children}
        </div>
        {action}
      </Group>
    </Paper>
  );
}

/** Whom to meet: suggestions from the profiles first, then everyone else, each with "request a meeting". */
export function SuggestionsPanel({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const joined = Boolean(day.myParticipantId);
  const suggestions = useSuggestions(day.eventId, null, joined);
  const participants = useParticipants(day.eventId);
  const requests = useRequests(day.eventId, joined);
  const [asking, setAsking] = useState<Participant | null>(null);
  const [q, setQ] = useState("");
  const open = day.phase === "requests_open" && joined;
  // Whoever I already asked or who asked me is answered in "My requests", not asked again.
  const linked = new Set(
    (requests.data?.requests ?? []).filter((r) => r.status !== "withdrawn").flatMap((r) => [r.from.id, r.to.id]),
  );
  const askButton = (p: Participant) =>
    linked.has(p.id) ? (
      <Badge color="teal" variant="light" data-testid="participant-asked">
        {t("meetings.request.already")}
      </Badge>
    ) : (
      <Button
        size="xs"
        variant="light"
        leftSection={<IconSend size={14} />}
        disabled={!open}
        onClick={() => setAsking(p)}
        data-testid="participant-ask"
      >
        {t("meetings.request.ask")}
      </Button>
    );
  const suggested = suggestions.data?.suggestions ?? [];
  const top = Math.max(0.001, ...suggested.map((s) => s.score));
  const suggestedIds = new Set(suggested.map((s) => s.participant.id));
  const others = (participants.data?.participants ?? []).filter(
    (p) =>
      !p.mine &&
      p.status === "active" &&
      !suggestedIds.has(p.id) &&
      (!q.trim() || fold(`${p.company} ${p.name} ${p.offers} ${p.seeks}`).includes(fold(q.trim()))),
  );
  return (
    <Stack gap="md">
      {!joined && (
        <Text size="sm" c="dimmed">
          {t("meetings.suggestions.joinFirst")}
        </Text>
      )}
      {joined && (
        <Section title={t("meetings.suggestions.title")} testId="suggestions">
          <Text size="xs" c="dimmed" mb="xs">
            {t("meetings.suggestions.help")}
          </Text>
          {suggestions.isError ? (
            <ErrorDisplay error={suggestions.error} onRetry={() => suggestions.refetch()} />
          ) : suggestions.isPending ? (
            <Skeleton h={120} />
          ) : suggested.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("meetings.suggestions.none")}
            </Text>
          ) : (
            <Stack gap="xs">
              {suggested.map((s) => (
                <ParticipantCard key={s.participant.id} participant={s.participant} action={askButton(s.participant)}>
                  <Group gap="xs" mt={6} wrap="nowrap">
                    <Text size="xs" c="dimmed">
                      {t("meetings.suggestions.score")}
                    </Text>
                    {/* The score has no fixed scale (similarities plus shared trades): shown against the best. */}
                    <Progress
                      w={100}
                      size="sm"
                      value={(s.score / top) * 100}
                      aria-label={t("meetings.suggestions.score")}
                    />
                  </Group>
                  {s.sharedTrades.length > 0 && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {t("meetings.suggestions.sharedTrades", { trades: s.sharedTrades.join(", ") })}
                    </Text>
                  )}
                </ParticipantCard>
              ))}
            </Stack>
          )}
        </Section>
      )}
      <Section
        title={t("meetings.suggestions.everyone")}
        testId="everyone"
        action={
          <TextInput
            size="xs"
            w={240}
            leftSection={<IconSearch size={14} />}
            placeholder={t("common.search")}
            aria-label={t("common.search")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="everyone-search"
          />
        }
      >
        {participants.isError ? (
          <ErrorDisplay error={participants.error} onRetry={() => participants.refetch()} />
        ) : participants.isPending ? (
          <Skeleton h={120} />
        ) : others.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("meetings.participant.none")}
          </Text>
        ) : (
          <Stack gap="xs">
            {others.map((p) => (
              <ParticipantCard key={p.id} participant={p} action={askButton(p)} />
            ))}
          </Stack>
        )}
      </Section>
      {asking && <RequestModal day={day} to={asking} onClose={() => setAsking(null)} />}
    </Stack>
  );
}
