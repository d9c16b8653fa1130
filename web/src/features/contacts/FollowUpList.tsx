import { ActionIcon, Anchor, Badge, Checkbox, Group, Menu, Stack, Text } from "@mantine/core";
import { IconDots, IconPencil, IconTrash, IconUser } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../lib/format";
import { useCluster } from "../auth/cluster";
import { notifyError, notifySuccess } from "../members/notify";
import { type FollowUp, useFollowUpMutations } from "./api";
import { ConfirmModal } from "./ConfirmModal";
import { FollowUpModal } from "./FollowUpModal";
import { kindIcon, parisToday } from "./kinds";

function DueBadge({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (followUp.doneAt) {
    return (
      <Text size="xs" c="dimmed">
        {t("contacts.followUps.done", { date: format.date(followUp.doneAt) })}
      </Text>
    );
  }
  if (followUp.overdue) {
    return (
      <Badge color="red" variant="light" size="sm">
        {t("contacts.followUps.overdue")} · {format.date(followUp.dueOn)}
      </Badge>
    );
  }
  if (followUp.dueOn === parisToday()) {
    return (
      <Badge color="orange" variant="light" size="sm">
        {t("contacts.followUps.today")}
      </Badge>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {t("contacts.followUps.due", { date: format.date(followUp.dueOn) })}
    </Text>
  );
}

function FollowUpItem({ followUp, showMember }: { followUp: FollowUp; showMember: boolean }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const mutations = useFollowUpMutations();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const done = followUp.doneAt !== null;
  const toggle = () =>
    mutations.update.mutate(
      { id: followUp.id, patch: { done: !done } },
      {
        onSuccess: () => notifySuccess(done ? t("contacts.followUps.reopened") : t("contacts.followUps.markedDone")),
        onError: notifyError,
      },
    );
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="follow-up" data-overdue={followUp.overdue}>
      <Checkbox
        mt={2}
        checked={done}
        onChange={toggle}
        disabled={mutations.update.isPending}
        aria-label={done ? t("contacts.followUps.reopen") : t("contacts.followUps.markDone")}
        data-testid="follow-up-done"
      />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        {showMember && (
          <Anchor component={Link} to={cluster.path(`members/${followUp.member.id}?tab=contacts`)} size="sm" fw={600}>
            {followUp.member.name}
          </Anchor>
        )}
        <Group gap={6} wrap="nowrap">
          {kindIcon(followUp.kind, 14)}
          <Text size="sm" td={done ? "line-through" : undefined} c={done ? "dimmed" : undefined} lineClamp={2}>
            {followUp.title}
          </Text>
        </Group>
        <Group gap="xs">
          <DueBadge followUp={followUp} />
          {followUp.assignee && (
            <Group gap={2} wrap="nowrap">
              <IconUser size={12} color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed">
                {followUp.assignee.name}
              </Text>
            </Group>
          )}
        </Group>
      </Stack>
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t("common.more")}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            {t("contacts.followUps.edit")}
          </Menu.Item>
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(true)}>
            {t("contacts.followUps.delete")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {editing && <FollowUpModal memberId={followUp.member.id} followUp={followUp} onClose={() => setEditing(false)} />}
      {deleting && (
        <ConfirmModal
          message={t("contacts.followUps.deleteConfirm")}
          confirmLabel={t("contacts.followUps.delete")}
          loading={mutations.remove.isPending}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            mutations.remove.mutate(followUp.id, {
              onSuccess: () => {
                notifySuccess(t("contacts.followUps.deleted"));
                setDeleting(false);
              },
              onError: notifyError,
            })
          }
        />
      )}
    </Group>
  );
}

/** Follow-ups with a box to tick when done; done ones folded below the open ones. */
export function FollowUpList({ items, showMember = false }: { items: FollowUp[]; showMember?: boolean }) {
  const { t } = useTranslation();
  const [showDone, setShowDone] = useState(false);
  const open = items.filter((f) => !f.doneAt);
  const done = items.filter((f) => f.doneAt);
  return (
    <Stack gap="sm">
      {open.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("contacts.followUps.empty")}
        </Text>
      )}
      {open.map((f) => (
        <FollowUpItem key={f.id} followUp={f} showMember={showMember} />
      ))}
      {done.length > 0 && (
        <Anchor component="button" type="button" size="xs" ta="left" onClick={() => setShowDone((v) => !v)}>
          {showDone ? t("contacts.followUps.hideDone") : t("contacts.followUps.showDone", { count: done.length })}
        </Anchor>
      )}
      {showDone && done.map((f) => <FollowUpItem key={f.id} followUp={f} showMember={showMember} />)}
    </Stack>
  );
}
