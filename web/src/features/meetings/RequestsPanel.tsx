import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
} from "@mantine/core";
import { IconCheck, IconPlus, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { notifySuccess } from "../members/notify";
import {
  type MeetingDay,
  type MeetingRequest,
  type Participant,
  type RequestStatus,
  useMeetingActions,
  useParticipants,
  useRequests,
} from "./api";
import { PriorityBadge, usePriorityOptions, Who } from "./shared";

const STATUS_COLORS: Record<RequestStatus, string> = {
  pending: "blue",
  accepted: "teal",
  declined: "red",
  withdrawn: "gray",
};

export function RequestStatusBadge({ request }: { request: MeetingRequest }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="sm" color={STATUS_COLORS[request.status]} data-testid="request-status">
        {t(`meetings.request.status.${request.status}`)}
      </Badge>
      {request.forced && (
        <Badge size="sm" variant="outline" color="violet">
          {t("meetings.request.forced")}
        </Badge>
      )}
    </Group>
  );
}

/** Ask someone for a meeting, with a priority (1 indispensable … 3 if possible) and a word. */
export function RequestModal({ day, to, onClose }: { day: MeetingDay; to: Participant; onClose: () => void }) {
  const { t } = useTranslation();
  const actions = useMeetingActions(day.eventId);
  const priorities = usePriorityOptions();
  const [priority, setPriority] = useState("2");
  const [message, setMessage] = useState("");
  const send = () =>
    actions.request.mutate(
      { toId: to.id, priority: Number(priority), message: message.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t("meetings.request.asked"));
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t("meetings.request.askTitle", { company: to.company })}>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t("meetings.request.priority")}
          </Text>
          <SegmentedControl
            fullWidth
            data={priorities}
            value={priority}
            onChange={setPriority}
            data-testid="request-priority-input"
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t("meetings.request.priorityHelp")}
          </Text>
        </div>
        <Textarea
          label={t("meetings.request.message")}
          autosize
          minRows={2}
          maxLength={1000}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          data-testid="request-message"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={send} loading={actions.request.isPending} data-testid="request-send">
            {t("meetings.request.ask")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AnswerButtons({ day, request }: { day: MeetingDay; request: MeetingRequest }) {
  const { t } = useTranslation();
  const actions = useMeetingActions(day.eventId);
  const answer = (status: RequestStatus) =>
    actions.answer.mutate(
      { id: request.id, status },
      { onSuccess: () => notifySuccess(t(`meetings.request.done.${status}` as never)) },
    );
  return (
    <Group gap={4} wrap="nowrap">
      {request.status !== "accepted" && (
        <Button
          size="compact-xs"
          color="teal"
          leftSection={<IconCheck size={12} />}
          onClick={() => answer("accepted")}
          data-testid="request-accept"
        >
          {t("meetings.request.accept")}
        </Button>
      )}
      {request.status !== "declined" && (
        <Button
          size="compact-xs"
          variant="default"
          leftSection={<IconX size={12} />}
          onClick={() => answer("declined")}
          data-testid="request-decline"
        >
          {t("meetings.request.decline")}
        </Button>
      )}
    </Group>
  );
}

/** A member's requests: those received (to answer) and those sent (priority, withdraw). */
export function MyRequestsPanel({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const requests = useRequests(day.eventId, Boolean(day.myParticipantId));
  const actions = useMeetingActions(day.eventId);
  const priorities = usePriorityOptions();
  const answerable = ["requests_open", "requests_closed", "scheduled", "published"].includes(day.phase);
  const open = day.phase === "requests_open";
  if (!day.myParticipantId)
    return (
      <Text size="sm" c="dimmed">
        {t("meetings.agenda.notJoined")}
      </Text>
    );
  if (requests.isError) return <ErrorDisplay error={requests.error} onRetry={() => requests.refetch()} />;
  if (requests.isPending) return <Skeleton h={160} />;
  const all = requests.data.requests;
  const incoming = all.filter((r) => r.mineToAnswer);
  const outgoing = all.filter((r) => r.mineAsked);
  return (
    <Stack gap="md">
      <Section title={`${t("meetings.request.incoming")} (${incoming.length})`} testId="requests-incoming">
        {incoming.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("meetings.request.none")}
          </Text>
        ) : (
          <Stack gap="xs">
            {incoming.map((r) => (
              <Paper key={r.id} withBorder p="xs" radius="md" data-testid="request-in">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Who who={r.from} />
                    {r.message && (
                      <Text size="xs" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                        « {r.message} »
                      </Text>
                    )}
                  </div>
                  <Stack gap={4} align="flex-end">
                    <Group gap={4} wrap="nowrap">
                      <PriorityBadge priority={r.priority} />
                      <RequestStatusBadge request={r} />
                    </Group>
                    {answerable && r.status !== "withdrawn" && !r.forced && <AnswerButtons day={day} request={r} />}
                  </Stack>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
      <Section title={`${t("meetings.request.outgoing")} (${outgoing.length})`} testId="requests-outgoing">
        {outgoing.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("meetings.request.noneSent")}
          </Text>
        ) : (
          <Stack gap="xs">
            {outgoing.map((r) => (
              <Paper key={r.id} withBorder p="xs" radius="md" data-testid="request-out">
                <Group justify="space-between" wrap="nowrap">
                  <Who who={r.to} />
                  <Group gap="xs" wrap="nowrap">
                    {open && r.status !== "withdrawn" && !r.forced ? (
                      <Select
                        size="xs"
                        w={170}
                        aria-label={t("meetings.request.priority")}
                        data={priorities}
                        value={String(r.priority)}
                        allowDeselect={false}
                        onChange={(p) => p && actions.answer.mutate({ id: r.id, priority: Number(p) })}
                        data-testid="request-change-priority"
                      />
                    ) : (
                      <PriorityBadge priority={r.priority} />
                    )}
                    <RequestStatusBadge request={r} />
                    {open && r.status !== "withdrawn" && !r.forced && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="gray"
                        onClick={() => actions.answer.mutate({ id: r.id, status: "withdrawn" })}
                        data-testid="request-withdraw"
                      >
                        {t("meetings.request.withdraw")}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

/** Staff add a request for someone, or force a meeting both sides are deemed to accept. */
function StaffRequestModal({
  day,
  participants,
  onClose,
}: {
  day: MeetingDay;
  participants: Participant[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useMeetingActions(day.eventId);
  const priorities = usePriorityOptions();
  const [fromId, setFromId] = useState<string | null>(null);
  const [toId, setToId] = useState<string | null>(null);
  const [priority, setPriority] = useState("2");
  const [force, setForce] = useState(false);
  const options = participants
    .filter((p) => p.status === "active")
    .map((p) => ({ value: p.id, label: `${p.company} · ${p.name}` }));
  const send = () =>
    toId &&
    actions.request.mutate(
      { fromId: fromId ?? undefined, toId, priority: Number(priority), force },
      {
        onSuccess: () => {
          notifySuccess(t("meetings.request.asked"));
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={t("meetings.request.staffAdd")}>
      <Stack gap="sm">
        <Select
          label={t("meetings.request.from")}
          data={options}
          searchable
          value={fromId}
          onChange={setFromId}
          data-testid="staff-request-from"
        />
        <Select
          label={t("meetings.request.to")}
          data={options.filter((o) => o.value !== fromId)}
          searchable
          value={toId}
          onChange={setToId}
          data-testid="staff-request-to"
        />
        <Select
          label={t("meetings.request.priority")}
          data={priorities}
          value={priority}
          allowDeselect={false}
          onChange={(p) => p && setPriority(p)}
        />
        <Checkbox
          label={t("meetings.request.force")}
          checked={force}
          onChange={(e) => setForce(e.currentTarget.checked)}
          data-testid="staff-request-force"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            onClick={send}
            disabled={!fromId || !toId}
            loading={actions.request.isPending}
            data-testid="staff-request-send"
          >
            {t("meetings.request.staffAdd")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Staff: every request of the day, filtered by status, with the weight it gives the scheduler. */
export function StaffRequestsPanel({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const requests = useRequests(day.eventId);
  const participants = useParticipants(day.eventId);
  const [status, setStatus] = useState<RequestStatus | "all">("all");
  const [adding, setAdding] = useState(false);
  const all = requests.data?.requests ?? [];
  const rows = status === "all" ? all : all.filter((r) => r.status === status);
  const count = (s: RequestStatus) => all.filter((r) => r.status === s).length;
  return (
    <Section
      title={`${t("meetings.tabs.requests")} (${all.length})`}
      testId="staff-requests"
      action={
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={status}
            onChange={(v) => setStatus(v as RequestStatus | "all")}
            data={[
              { value: "all", label: t("meetings.request.all") },
              ...(["pending", "accepted", "declined", "withdrawn"] as const).map((s) => ({
                value: s,
                label: `${t(`meetings.request.status.${s}`)} (${count(s)})`,
              })),
            ]}
          />
          {day.phase !== "held" && (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setAdding(true)}
              data-testid="staff-request-add"
            >
              {t("meetings.request.staffAdd")}
            </Button>
          )}
        </Group>
      }
    >
      {requests.isError ? (
        <ErrorDisplay error={requests.error} onRetry={() => requests.refetch()} />
      ) : requests.isPending ? (
        <Skeleton h={160} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("meetings.request.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="staff-requests-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("meetings.request.from")}</Table.Th>
                <Table.Th>{t("meetings.request.to")}</Table.Th>
                <Table.Th>{t("meetings.request.priority")}</Table.Th>
                <Table.Th ta="right">{t("meetings.request.weight")}</Table.Th>
                <Table.Th>{t("meetings.request.filter")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid="staff-request-row">
                  <Table.Td>
                    <Who who={r.from} />
                  </Table.Td>
                  <Table.Td>
                    <Who who={r.to} />
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={r.priority} />
                  </Table.Td>
                  <Table.Td ta="right">{r.weight}</Table.Td>
                  <Table.Td>
                    <RequestStatusBadge request={r} />
                  </Table.Td>
                  <Table.Td>
                    {day.phase !== "held" && r.status !== "withdrawn" && <AnswerButtons day={day} request={r} />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && (
        <StaffRequestModal
          day={day}
          participants={participants.data?.participants ?? []}
          onClose={() => setAdding(false)}
        />
      )}
    </Section>
  );
}
