import { ActionIcon, Button, Group, Select, Table, Text, TextInput } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/Section";
import { notifyError } from "../members/notify";
import {
  ACTION_STATUSES,
  type ActionInput,
  type ActionStatus,
  type GroupAction,
  type GroupDetail,
  useGroupMutations,
} from "./api";

/** A text cell saved when it loses focus (or on Enter), only if it changed. */
function TitleCell({
  action,
  onSave,
  disabled,
}: {
  action: GroupAction;
  onSave: (title: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(action.title);
  const commit = () => {
    const title = value.trim();
    if (!title) setValue(action.title);
    else if (title !== action.title) onSave(title);
  };
  return (
    <TextInput
      variant="unstyled"
      aria-label={t("groups.plan.title")}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && e.currentTarget.blur()}
      readOnly={disabled}
      data-testid="action-title"
    />
  );
}

export function ActionPlan({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const mutations = useGroupMutations(group.id);
  const [draft, setDraft] = useState("");
  const editable = group.canEditPlan;
  const owners = group.members
    .filter((m) => m.status === "active" || m.status === "invited")
    .map((m) => ({ value: m.memberId, label: m.name }));
  const statuses = ACTION_STATUSES.map((s) => ({ value: s, label: t(`groups.plan.statuses.${s}`) }));
  const update = (actionId: string, patch: ActionInput) =>
    mutations.updateAction.mutate({ actionId, patch }, { onError: notifyError });
  const move = (index: number, delta: number) => {
    const ids = group.actions.map((a) => a.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved);
    mutations.reorder.mutate(ids, { onError: notifyError });
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    mutations.addAction.mutate({ title: draft.trim() }, { onSuccess: () => setDraft(""), onError: notifyError });
  };

  return (
    <Section title={t("groups.sections.plan")} testId="section-plan">
      {group.actions.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t("groups.plan.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table layout="fixed" verticalSpacing={4} data-testid="action-plan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("groups.plan.title")}</Table.Th>
                <Table.Th w={180}>{t("groups.plan.owner")}</Table.Th>
                <Table.Th w={145}>{t("groups.plan.due")}</Table.Th>
                <Table.Th w={130}>{t("groups.plan.status")}</Table.Th>
                {editable && <Table.Th w={100} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.actions.map((action, index) => (
                <Table.Tr key={action.id} data-testid="action-row">
                  <Table.Td>
                    <TitleCell
                      key={action.title}
                      action={action}
                      disabled={!editable}
                      onSave={(title) => update(action.id, { title })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t("groups.plan.owner")}
                      data={owners}
                      value={action.ownerMemberId}
                      placeholder={action.ownerName ?? t("groups.plan.noOwner")}
                      clearable
                      disabled={!editable}
                      onChange={(ownerMemberId) => update(action.id, { ownerMemberId })}
                      data-testid="action-owner"
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      type="date"
                      aria-label={t("groups.plan.due")}
                      defaultValue={action.dueOn ?? ""}
                      key={action.dueOn ?? ""}
                      disabled={!editable}
                      onBlur={(e) => {
                        const dueOn = e.currentTarget.value || null;
                        if (dueOn !== action.dueOn) update(action.id, { dueOn });
                      }}
                      data-testid="action-due"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t("groups.plan.status")}
                      data={statuses}
                      value={action.status}
                      allowDeselect={false}
                      disabled={!editable}
                      onChange={(status) => status && update(action.id, { status: status as ActionStatus })}
                      data-testid="action-status"
                    />
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t("groups.plan.moveUp")}
                          disabled={index === 0}
                          onClick={() => move(index, -1)}
                          data-testid="action-up"
                        >
                          <IconArrowUp size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t("groups.plan.moveDown")}
                          disabled={index === group.actions.length - 1}
                          onClick={() => move(index, 1)}
                          data-testid="action-down"
                        >
                          <IconArrowDown size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("groups.plan.delete")}
                          onClick={() => mutations.deleteAction.mutate(action.id, { onError: notifyError })}
                          data-testid="action-delete"
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable ? (
        <form onSubmit={add}>
          <Group gap="xs" mt="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              placeholder={t("groups.plan.newAction")}
              aria-label={t("groups.plan.newAction")}
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              data-testid="action-new-title"
            />
            <Button
              type="submit"
              leftSection={<IconPlus size={16} />}
              loading={mutations.addAction.isPending}
              data-testid="action-add"
            >
              {t("groups.plan.add")}
            </Button>
          </Group>
        </form>
      ) : (
        <Text size="xs" c="dimmed" mt="xs">
          {t("groups.plan.readOnly")}
        </Text>
      )}
    </Section>
  );
}
