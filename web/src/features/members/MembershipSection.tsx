import { ActionIcon, Anchor, Button, Group, Menu, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconDots, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Dues, Member } from "../../api/types";
import { useFormat } from "../../lib/format";
import { Field, Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { useDuesMutations } from "./api";
import { StatusBadge } from "./badges";
import { DuesModal } from "./DuesModal";
import { notifyError, notifySuccess } from "./notify";

export function MembershipSection({ member }: { member: Member }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  const dues = useDuesMutations(member.id);
  const [editing, setEditing] = useState<Dues | "new" | null>(null);
  const membership = member.membership;
  if (!membership) return null;
  const canEditDues = cluster.isStaff;
  const remove = (year: number) =>
    dues.remove.mutate(year, {
      onSuccess: () => notifySuccess(t("dues.removed", { year })),
      onError: (error) => notifyError(error),
    });

  return (
    <Section
      title={t("member.sections.membership")}
      testId="section-membership"
      action={<StatusBadge status={membership.status} />}
    >
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="md">
          <Field label={t("member.fields.joinedOn")}>{format.date(membership.joinedOn)}</Field>
          <Field label={t("member.fields.leftOn")}>{format.date(membership.leftOn)}</Field>
        </SimpleGrid>
        {membership.leaveReason && <Field label={t("member.fields.leaveReason")}>{membership.leaveReason}</Field>}
        <Field label={t("member.fields.sponsor")}>
          {membership.sponsor && (
            <Anchor component={Link} to={cluster.path(`members/${membership.sponsor.id}`)} size="sm">
              {membership.sponsor.name}
            </Anchor>
          )}
        </Field>
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="xs" c="dimmed" fw={500}>
              {t("dues.title")}
            </Text>
            {canEditDues && (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => setEditing("new")}
                data-testid="dues-add"
              >
                {t("dues.add")}
              </Button>
            )}
          </Group>
          {membership.dues.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("dues.none")}
            </Text>
          ) : (
            <Table fz="sm" verticalSpacing={4} data-testid="dues-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("dues.year")}</Table.Th>
                  <Table.Th ta="right">{t("dues.amount")}</Table.Th>
                  <Table.Th>{t("dues.paidOn")}</Table.Th>
                  {canEditDues && <Table.Th w={32} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {membership.dues.map((d) => (
                  <Table.Tr key={d.year} data-testid="dues-row">
                    <Table.Td>{d.year}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                      {format.cents(d.amountCents)}
                    </Table.Td>
                    <Table.Td c={d.paidOn ? undefined : "orange.7"}>
                      {d.paidOn ? format.date(d.paidOn) : t("dues.unpaid")}
                    </Table.Td>
                    {canEditDues && (
                      <Table.Td>
                        <Menu position="bottom-end">
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              size="sm"
                              aria-label={t("dues.actions", { year: d.year })}
                            >
                              <IconDots size={14} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(d)}>
                              {t("common.edit")}
                            </Menu.Item>
                            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => remove(d.year)}>
                              {t("common.delete")}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </Stack>
      {editing && (
        <DuesModal
          memberId={member.id}
          dues={editing === "new" ? null : editing}
          takenYears={membership.dues.map((d) => d.year)}
          onClose={() => setEditing(null)}
        />
      )}
    </Section>
  );
}
