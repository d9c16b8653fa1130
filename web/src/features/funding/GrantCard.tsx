import { ActionIcon, Badge, Button, Group, Paper, Progress, Stack, Table, Text } from "@mantine/core";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { ConfirmModal } from "../contacts/ConfirmModal";
import { notifyError, notifySuccess } from "../members/notify";
import type { Target } from "../reports/api";
import { ActionModal } from "./ActionModal";
import { type Grant, type GrantAction, useFundingMutations } from "./api";
import { GrantModal } from "./GrantModal";

/** A grant, and the actions it funds with their targets (and the year's actual figure when known). */
export function GrantCard({ grant, actuals }: { grant: Grant; actuals: Map<string, Target> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mutations = useFundingMutations();
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState<GrantAction | "new" | null>(null);
  const [removing, setRemoving] = useState<GrantAction | null>(null);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="grant-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{grant.title}</Text>
          <Text size="xs" c="dimmed">
            {t("funding.grants.period")} : {format.date(grant.periodStart)} → {format.date(grant.periodEnd)}
            {grant.agreementRef && ` · ${t("funding.grants.agreementRef")} ${grant.agreementRef}`}
            {grant.budgetLine && ` · ${t("funding.grants.budgetLine")} ${grant.budgetLine}`}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Text fw={650} style={{ fontVariantNumeric: "tabular-nums" }} data-testid="grant-amount-value">
            {format.euros(grant.amountCents / 100)}
          </Text>
          <ActionIcon variant="subtle" aria-label={t("common.edit")} onClick={() => setEditing(true)}>
            <IconPencil size={16} />
          </ActionIcon>
        </Group>
      </Group>
      <Stack gap={4} mt="sm">
        <Text size="xs" fw={600} c="dimmed">
          {t("funding.actions.title")}
        </Text>
        {grant.actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("funding.actions.none")}
          </Text>
        ) : (
          <Table data-testid="grant-actions">
            <Table.Tbody>
              {grant.actions.map((a) => {
                const actual = actuals.get(a.id);
                return (
                  <Table.Tr key={a.id} data-testid="grant-action-row">
                    <Table.Td>
                      <Text size="sm">{a.title}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`funding.indicator.${a.indicator}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td w={200}>
                      {actual && !actual.pending ? (
                        <Stack gap={2}>
                          <Group justify="space-between" gap={4}>
                            <Text size="xs" fw={600} c={actual.met ? "teal.8" : "red.8"}>
                              {format.number(actual.actual)} / {format.number(a.target)}
                            </Text>
                            {actual.met && (
                              <Badge size="xs" color="teal" variant="light">
                                ✓
                              </Badge>
                            )}
                          </Group>
                          <Progress
                            size="sm"
                            color={actual.met ? "teal" : "red"}
                            value={a.target ? Math.min(100, (actual.actual / a.target) * 100) : 100}
                          />
                        </Stack>
                      ) : (
                        <Text size="sm" ta="right">
                          {t("funding.actions.target")} : {format.number(a.target)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td w={72}>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          aria-label={t("common.edit")}
                          onClick={() => setAction(a)}
                        >
                          <IconPencil size={14} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          color="red"
                          aria-label={t("common.delete")}
                          onClick={() => setRemoving(a)}
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setAction("new")}
          style={{ alignSelf: "flex-start" }}
          data-testid="action-add"
        >
          {t("funding.actions.add")}
        </Button>
      </Stack>
      {editing && <GrantModal funderId={grant.funder.id} grant={grant} onClose={() => setEditing(false)} />}
      {action && (
        <ActionModal
          grantId={grant.id}
          action={action === "new" ? undefined : action}
          onClose={() => setAction(null)}
        />
      )}
      {removing && (
        <ConfirmModal
          message={t("funding.actions.deleteConfirm", { title: removing.title })}
          confirmLabel={t("common.delete")}
          loading={mutations.deleteAction.isPending}
          onClose={() => setRemoving(null)}
          onConfirm={() =>
            mutations.deleteAction.mutate(removing.id, {
              onSuccess: () => {
                notifySuccess(t("funding.actions.deleted"));
                setRemoving(null);
              },
              onError: notifyError,
            })
          }
        />
      )}
    </Paper>
  );
}
