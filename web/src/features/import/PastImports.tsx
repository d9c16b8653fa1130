import { Anchor, Group, Skeleton, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { useImportRuns, useRejectedHref } from "./api";

export function PastImports() {
  const { t } = useTranslation();
  const format = useFormat();
  const runs = useImportRuns();
  const rejectedHref = useRejectedHref();
  return (
    <Section title={t("import.pastTitle")} testId="import-runs">
      {runs.isPending ? (
        <Skeleton h={60} />
      ) : runs.isError ? (
        <ErrorDisplay error={runs.error} onRetry={() => runs.refetch()} />
      ) : runs.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("import.pastNone")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("import.when")}</Table.Th>
                <Table.Th>{t("import.file")}</Table.Th>
                <Table.Th>{t("import.by")}</Table.Th>
                <Table.Th ta="right">{t("import.created")}</Table.Th>
                <Table.Th ta="right">{t("import.updated")}</Table.Th>
                <Table.Th ta="right">{t("import.unchanged")}</Table.Th>
                <Table.Th ta="right">{t("import.rejected")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.map((run) => (
                <Table.Tr key={run.id} data-testid="import-run-row">
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(run.at)}</Table.Td>
                  <Table.Td maw={240}>
                    <Text size="sm" truncate>
                      {run.fileName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{run.actor}</Table.Td>
                  <Table.Td ta="right">{format.number(run.created)}</Table.Td>
                  <Table.Td ta="right">{format.number(run.updated)}</Table.Td>
                  <Table.Td ta="right">{format.number(run.unchanged)}</Table.Td>
                  <Table.Td ta="right">
                    {run.rejected > 0 ? (
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Text size="sm" c="red.7">
                          {format.number(run.rejected)}
                        </Text>
                        <Anchor href={rejectedHref(run.id, "xlsx")} download size="xs">
                          xlsx
                        </Anchor>
                        <Anchor href={rejectedHref(run.id, "csv")} download size="xs">
                          csv
                        </Anchor>
                      </Group>
                    ) : (
                      "0"
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
