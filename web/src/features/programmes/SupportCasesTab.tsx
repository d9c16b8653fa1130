import { ActionIcon, Badge, Button, Group, Select, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { ConfirmModal } from "../contacts/ConfirmModal";
import { notifyError, notifySuccess } from "../members/notify";
import { type SupportCase, type SupportCaseStatus, useSupportCaseMutations, useSupportCases } from "./api";
import { SupportCaseModal } from "./SupportCaseModal";

const statusColor: Record<SupportCaseStatus, string> = {
  preparing: "blue",
  submitted: "violet",
  granted: "teal",
  refused: "red",
  abandoned: "gray",
};

/** Members helped on funding applications, year by year, with what was asked and obtained. */
export function SupportCasesTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | null>(thisYear - 1);
  const cases = useSupportCases(year);
  const mutations = useSupportCaseMutations();
  const [editing, setEditing] = useState<SupportCase | "new" | null>(null);
  const [removing, setRemoving] = useState<SupportCase | null>(null);
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  const list = cases.data ?? [];
  const sum = (pick: (c: SupportCase) => number | null) => list.reduce((total, c) => total + (pick(c) ?? 0), 0);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Select
          w={180}
          aria-label={t("programmes.cases.year")}
          data={years}
          placeholder={t("programmes.cases.allYears")}
          value={year === null ? null : String(year)}
          onChange={(value) => setYear(value ? Number(value) : null)}
          clearable
          data-testid="cases-year"
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")} data-testid="case-add">
          {t("programmes.cases.add")}
        </Button>
      </Group>
      {cases.isError && <ErrorDisplay error={cases.error} onRetry={() => cases.refetch()} />}
      {cases.isPending ? (
        <Skeleton h={160} />
      ) : list.length === 0 ? (
        <Empty testId="cases-empty" title={t("programmes.cases.none")} />
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="cases-summary">
            {t("programmes.cases.summary", {
              count: new Set(list.map((c) => c.member.id)).size,
              asked: format.euros(sum((c) => c.amountAskedCents) / 100),
              obtained: format.euros(sum((c) => c.amountObtainedCents) / 100),
            })}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover data-testid="cases-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("programmes.cases.member")}</Table.Th>
                  <Table.Th>{t("programmes.cases.call")}</Table.Th>
                  <Table.Th>{t("programmes.cases.openedOn")}</Table.Th>
                  <Table.Th>{t("programmes.cases.status")}</Table.Th>
                  <Table.Th ta="right">{t("programmes.cases.asked")}</Table.Th>
                  <Table.Th ta="right">{t("programmes.cases.obtained")}</Table.Th>
                  <Table.Th w={80} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((c) => (
                  <Table.Tr key={c.id} data-testid="case-row">
                    <Table.Td fw={500}>{c.member.name}</Table.Td>
                    <Table.Td>{c.call?.title ?? c.callLabel ?? "—"}</Table.Td>
                    <Table.Td>{format.date(c.openedOn)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={statusColor[c.status]}>
                        {t(`programmes.caseStatus.${c.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                      {c.amountAskedCents == null ? "—" : format.euros(c.amountAskedCents / 100)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                      {c.amountObtainedCents == null ? "—" : format.euros(c.amountObtainedCents / 100)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon variant="subtle" aria-label={t("common.edit")} onClick={() => setEditing(c)}>
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("common.delete")}
                          onClick={() => setRemoving(c)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {editing && (
        <SupportCaseModal supportCase={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {removing && (
        <ConfirmModal
          message={t("programmes.cases.deleteConfirm", { name: removing.member.name })}
          confirmLabel={t("common.delete")}
          loading={mutations.remove.isPending}
          onClose={() => setRemoving(null)}
          onConfirm={() =>
            mutations.remove.mutate(removing.id, {
              onSuccess: () => {
                notifySuccess(t("programmes.cases.deleted"));
                setRemoving(null);
              },
              onError: notifyError,
            })
          }
        />
      )}
    </Stack>
  );
}
