import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconCircleCheck, IconDownload, IconFileImport } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ImportResult } from "../../api/types";
import { useFormat } from "../../lib/format";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { useRejectedHref } from "./api";

const KEY_COLUMNS = /raison|soci[ée]t[ée]|entreprise|nom|name|siren|siret|ville|commune/i;

function Count({ label, value, color, testId }: { label: string; value: number; color: string; testId: string }) {
  const format = useFormat();
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={26} fw={650} c={value > 0 ? color : "dimmed"} style={{ fontVariantNumeric: "tabular-nums" }}>
        {format.number(value)}
      </Text>
    </Paper>
  );
}

/** Step 3: what the import did, and the rejected rows with their reasons, to fix and import again. */
export function ReportStep({ result, onRestart }: { result: ImportResult; onRestart: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  const rejectedHref = useRejectedHref();
  const rejected = result.rejected;
  const keyValues = (values: Record<string, string>) => {
    const entries = Object.entries(values).filter(([, v]) => v?.trim());
    const keys = entries.filter(([k]) => KEY_COLUMNS.test(k));
    return (keys.length ? keys : entries).slice(0, 3);
  };

  return (
    <Stack gap="md" data-testid="import-report">
      <Alert
        color={rejected.length ? "orange" : "teal"}
        icon={<IconCircleCheck size={18} />}
        title={t("import.doneTitle")}
      >
        {t("import.doneText", { count: result.total, formatted: format.number(result.total) })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Count label={t("import.created")} value={result.created} color="teal.7" testId="import-created" />
        <Count label={t("import.updated")} value={result.updated} color="blue.7" testId="import-updated" />
        <Count label={t("import.unchanged")} value={result.unchanged} color="gray.7" testId="import-unchanged" />
        <Count label={t("import.rejected")} value={rejected.length} color="red.7" testId="import-rejected" />
      </SimpleGrid>

      {rejected.length > 0 && (
        <Section
          title={t("import.rejectedTitle", { count: rejected.length, formatted: format.number(rejected.length) })}
          action={
            <Group gap="xs">
              <Button
                component="a"
                href={rejectedHref(result.runId, "xlsx")}
                download
                size="xs"
                variant="default"
                leftSection={<IconDownload size={14} />}
                data-testid="import-rejected-xlsx"
              >
                {t("import.downloadXlsx")}
              </Button>
              <Button
                component="a"
                href={rejectedHref(result.runId, "csv")}
                download
                size="xs"
                variant="default"
                leftSection={<IconDownload size={14} />}
                data-testid="import-rejected-csv"
              >
                {t("import.downloadCsv")}
              </Button>
            </Group>
          }
        >
          <Text size="xs" c="dimmed" mb="sm">
            {t("import.rejectedHelp")}
          </Text>
          <Table.ScrollContainer minWidth={600} maxHeight={480}>
            <Table stickyHeader verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t("import.row")}</Table.Th>
                  <Table.Th w="35%">{t("import.values")}</Table.Th>
                  <Table.Th>{t("import.reasons")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rejected.map((row) => (
                  <Table.Tr key={row.row} data-testid="import-rejected-row">
                    <Table.Td>
                      <Badge color="gray" variant="light">
                        {row.row}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {keyValues(row.values).map(([k, v]) => (
                        <Text key={k} size="xs" truncate>
                          <Text span c="dimmed" size="xs">
                            {k} :
                          </Text>{" "}
                          {v}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <List size="xs" spacing={2} c="red.8">
                        {row.reasons.map((reason) => (
                          <List.Item key={reason}>{reason}</List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      )}

      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconFileImport size={16} />}
          onClick={onRestart}
          data-testid="import-again"
        >
          {t("import.again")}
        </Button>
        <Button component={Link} to={cluster.path("members?sort=updated")}>
          {t("import.seeDirectory")}
        </Button>
      </Group>
    </Stack>
  );
}
