import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCalendarUser, IconDots, IconPencil, IconUserMinus, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { useEventDates } from "../events/dates";
import { applyServerErrors, notifyError, notifySuccess } from "../members/notify";
import { MemberPicker } from "../reference/MemberPicker";
import { type MeetingDay, type Participant, useMeetingActions, useParticipants } from "./api";
import { ProfileFields, type ProfileValues, profileInput, profileValues } from "./ProfileFields";

interface AddValues extends ProfileValues {
  kind: "member" | "guest";
  memberId: string | null;
  name: string;
  company: string;
  email: string;
  stand: string;
}

/** Staff add a member company (its main contact takes part) or a guest from outside the cluster. */
function AddParticipantModal({ day, onClose }: { day: MeetingDay; onClose: () => void }) {
  const { t } = useTranslation();
  const actions = useMeetingActions(day.eventId);
  const form = useForm<AddValues>({
    initialValues: {
      ...profileValues(null),
      kind: "member",
      memberId: null,
      name: "",
      company: "",
      email: "",
      stand: "",
    },
    validate: {
      memberId: (v, all) => (all.kind === "member" && !v ? t("meetings.participant.memberRequired") : null),
      name: (v, all) => (all.kind === "guest" && !v.trim() ? t("meetings.participant.nameRequired") : null),
      company: (v, all) => (all.kind === "guest" && !v.trim() ? t("meetings.participant.companyRequired") : null),
    },
  });
  const v = form.getValues();
  const submit = form.onSubmit((values) => {
    const profile = profileInput(values);
    const input =
      values.kind === "member"
        ? { ...profile, memberId: values.memberId, stand: values.stand.trim() || null }
        : {
            ...profile,
            name: values.name.trim(),
            company: values.company.trim(),
            email: values.email.trim() || null,
            stand: values.stand.trim() || null,
          };
    // An empty offer lets the server take the company's description.
    if (values.kind === "member" && !input.offers) delete input.offers;
    if (!values.tradeCodes.length) delete input.tradeCodes;
    actions.addParticipant.mutate(input, {
      onSuccess: () => {
        notifySuccess(t("meetings.participant.added"));
        onClose();
      },
      onError: (error) => applyServerErrors(form, error),
    });
  });
  return (
    <Modal opened onClose={onClose} title={t("meetings.participant.add")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            data={[
              { value: "member", label: t("meetings.participant.member") },
              { value: "guest", label: t("meetings.participant.guest") },
            ]}
            {...form.getInputProps("kind")}
            data-testid="participant-kind"
          />
          {v.kind === "member" ? (
            <MemberPicker
              label={t("meetings.participant.member")}
              withAsterisk
              value={v.memberId}
              onChange={(id) => form.setFieldValue("memberId", id)}
              error={form.errors.memberId}
              data-testid="participant-member"
            />
          ) : (
            <Group grow align="flex-start">
              <TextInput
                label={t("meetings.participant.name")}
                withAsterisk
                {...form.getInputProps("name")}
                data-testid="participant-name"
              />
              <TextInput
                label={t("meetings.participant.company")}
                withAsterisk
                {...form.getInputProps("company")}
                data-testid="participant-company"
              />
              <TextInput label={t("meetings.participant.email")} type="email" {...form.getInputProps("email")} />
            </Group>
          )}
          <ProfileFields day={day} form={form} />
          <TextInput
            label={t("meetings.participant.stand")}
            description={t("meetings.participant.standHelp")}
            {...form.getInputProps("stand")}
            data-testid="participant-stand"
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={actions.addParticipant.isPending} data-testid="participant-save">
              {t("meetings.participant.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Staff edit a profile, the time window (a late arrival) and the fixed stand. */
export function EditParticipantModal({
  day,
  participant,
  onClose,
}: {
  day: MeetingDay;
  participant: Participant;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useMeetingActions(day.eventId);
  const form = useForm<ProfileValues & { stand: string }>({
    initialValues: { ...profileValues(participant), stand: participant.stand ?? "" },
  });
  const submit = form.onSubmit((values) =>
    actions.updateParticipant.mutate(
      { id: participant.id, ...profileInput(values), stand: values.stand.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t("meetings.participant.saved"));
          onClose();
        },
        onError: (error) => applyServerErrors(form, error),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={`${participant.company} · ${participant.name}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProfileFields day={day} form={form} />
          <TextInput
            label={t("meetings.participant.stand")}
            description={t("meetings.participant.standHelp")}
            {...form.getInputProps("stand")}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={actions.updateParticipant.isPending} data-testid="participant-update">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "10:20 – 12:00" for a participant's window, or nothing when they stay the whole day. */
export function useWindowLabel(day: MeetingDay) {
  const { t } = useTranslation();
  const dates = useEventDates();
  return (p: Pick<Participant, "availableFrom" | "availableTo">) => {
    if (p.availableFrom === null && p.availableTo === null) return null;
    const from = day.slots[p.availableFrom ?? 0];
    const to = day.slots[p.availableTo ?? day.slots.length - 1];
    return t("meetings.participant.window", {
      from: from ? dates.time(from.startsAt) : "?",
      to: to ? dates.time(to.endsAt) : "?",
    });
  };
}

export function ParticipantsPanel({ day }: { day: MeetingDay }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const participants = useParticipants(day.eventId);
  const actions = useMeetingActions(day.eventId);
  const windowLabel = useWindowLabel(day);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Participant | null>(null);
  const rows = participants.data?.participants ?? [];
  const setStatus = (p: Participant, status: "active" | "cancelled") =>
    actions.updateParticipant.mutate(
      { id: p.id, status },
      { onSuccess: () => notifySuccess(t("meetings.participant.saved")), onError: notifyError },
    );
  return (
    <Section
      title={`${t("meetings.tabs.participants")}${participants.data ? ` (${rows.filter((p) => p.status === "active").length})` : ""}`}
      testId="participants-section"
      action={
        day.phase !== "held" && (
          <Button
            size="xs"
            leftSection={<IconUserPlus size={14} />}
            onClick={() => setAdding(true)}
            data-testid="participant-add"
          >
            {t("meetings.participant.add")}
          </Button>
        )
      }
    >
      {participants.isError ? (
        <ErrorDisplay error={participants.error} onRetry={() => participants.refetch()} />
      ) : participants.isPending ? (
        <Skeleton h={160} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("meetings.participant.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="participants-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("meetings.participant.company")}</Table.Th>
                <Table.Th>{t("meetings.participant.category")}</Table.Th>
                <Table.Th>{t("meetings.participant.offers")}</Table.Th>
                <Table.Th>{t("meetings.participant.seeks")}</Table.Th>
                <Table.Th>{t("meetings.participant.presence")}</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id} data-testid="participant-row" opacity={p.status === "cancelled" ? 0.55 : 1}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {p.company}{" "}
                      {p.isGuest && (
                        <Badge size="xs" variant="outline" color="gray">
                          {t("meetings.participant.guestBadge")}
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.name}
                      {p.contact?.email ? ` · ${p.contact.email}` : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {p.category ? (
                      <Badge variant="light" size="sm" miw="max-content">
                        {p.category.label}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={240}>
                    <Text size="xs" lineClamp={2}>
                      {p.offers || "—"}
                    </Text>
                    {p.trades.length > 0 && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {p.trades.map((tr) => tr.label).join(", ")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={240}>
                    <Text size="xs" lineClamp={2}>
                      {p.seeks || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {p.status === "cancelled" ? (
                        <Badge color="gray" size="sm" data-testid="participant-cancelled">
                          {t("meetings.participant.cancelled")}
                        </Badge>
                      ) : (
                        windowLabel(p) && (
                          <Badge color="orange" variant="light" size="sm" miw="max-content">
                            {windowLabel(p)}
                          </Badge>
                        )
                      )}
                      {p.stand && <Text size="xs">{t("meetings.agenda.stand", { stand: p.stand })}</Text>}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t("meetings.agenda.open")}>
                        <ActionIcon
                          component={Link}
                          to={cluster.path(`meetings/${day.eventId}/agenda/${p.id}`)}
                          variant="subtle"
                          color="gray"
                          aria-label={t("meetings.agenda.open")}
                          data-testid="participant-agenda"
                        >
                          <IconCalendarUser size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t("common.more")}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(p)}>
                            {t("common.edit")}
                          </Menu.Item>
                          {p.status === "active" ? (
                            <Menu.Item
                              color="red"
                              leftSection={<IconUserMinus size={14} />}
                              onClick={() => setStatus(p, "cancelled")}
                            >
                              {t("meetings.participant.cancel")}
                            </Menu.Item>
                          ) : (
                            <Menu.Item leftSection={<IconUserPlus size={14} />} onClick={() => setStatus(p, "active")}>
                              {t("meetings.participant.restore")}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <AddParticipantModal day={day} onClose={() => setAdding(false)} />}
      {editing && <EditParticipantModal day={day} participant={editing} onClose={() => setEditing(null)} />}
    </Section>
  );
}
