import { Alert, Badge, Button, Group, Radio, ScrollArea, Select, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconArrowLeft, IconPlayerPlay } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../api/types";
import { translateDynamic } from "../../i18n";
import { useFormat } from "../../lib/format";
import { Section } from "../../ui/Section";
import type { MappingState, OnExisting } from "./api";

interface Props {
  preview: ImportPreview;
  mapping: MappingState;
  onMappingChange: (mapping: MappingState) => void;
  onExisting: OnExisting;
  onExistingChange: (value: OnExisting) => void;
  onRun: () => void;
  onBack: () => void;
  running: boolean;
}

const IGNORE = "__ignore";

export const fieldLabel = (field: string, fallback: string) => translateDynamic(`import.fields.${field}`, fallback);

function examples(preview: ImportPreview, index: number): string[] {
  return preview.sample
    .map((row) => (row[index] ?? "").trim())
    .filter(Boolean)
    .slice(0, 3);
}

/** Fields that two columns fill (dues of different years may share "duesAmount"). */
function duplicates(mapping: MappingState): string[] {
  const seen = new Map<string, number>();
  for (const column of Object.values(mapping)) {
    if (!column) continue;
    const key = column.field === "duesAmount" ? `${column.field}:${column.year ?? ""}` : column.field;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.entries()].filter(([, n]) => n > 1).map(([key]) => key.split(":")[0]);
}

export function MappingStep(props: Props) {
  const { preview, mapping, onMappingChange, onExisting, onExistingChange, onRun, onBack, running } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const options = [
    { value: IGNORE, label: t("import.ignore") },
    ...preview.fields.map((f) => ({ value: f.field, label: fieldLabel(f.field, f.label) })),
  ];
  const labelOf = (field: string) => options.find((o) => o.value === field)?.label ?? field;
  const doubled = duplicates(mapping);
  const columns = preview.headers.map((header, index) => ({ id: `column-${index}`, header, index }));
  const hasName = Object.values(mapping).some((c) => c?.field === "legalName");
  const mappedCount = Object.values(mapping).filter(Boolean).length;
  const details = [
    preview.sheetName && t("import.sheet", { name: preview.sheetName }),
    preview.encoding && t("import.encoding", { name: preview.encoding }),
    preview.delimiter && t("import.delimiter", { name: preview.delimiter === "\t" ? "tab" : preview.delimiter }),
  ].filter(Boolean);

  const setColumn = (index: number, field: string | null) => {
    const suggested = preview.mapping.find((m) => m.index === index);
    const next = { ...mapping };
    if (!field || field === IGNORE) next[index] = null;
    else if (suggested?.field === field)
      next[index] = { field, multiplier: suggested.multiplier, year: suggested.year };
    else next[index] = { field };
    onMappingChange(next);
  };

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge color="gray" variant="light">
          {preview.fileName}
        </Badge>
        <Text size="sm" c="dimmed">
          {t("import.rows", { count: preview.rowCount, formatted: format.number(preview.rowCount) })}
          {details.length > 0 && ` · ${details.join(" · ")}`}
        </Text>
      </Group>

      <Section title={t("import.mappingTitle", { mapped: mappedCount, total: preview.headers.length })}>
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="import-mapping">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">{t("import.column")}</Table.Th>
                <Table.Th>{t("import.examples")}</Table.Th>
                <Table.Th w={280}>{t("import.field")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.mapping.map(({ index, header }) => {
                const column = mapping[index] ?? null;
                return (
                  <Table.Tr key={index} data-testid="import-mapping-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {header || t("import.unnamedColumn", { n: index + 1 })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {examples(preview, index).join(" · ") || "—"}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Select
                          size="xs"
                          searchable
                          data={options}
                          value={column?.field ?? IGNORE}
                          onChange={(value) => setColumn(index, value)}
                          aria-label={t("import.fieldFor", { column: header || index + 1 })}
                          style={{ flex: 1 }}
                          data-testid={`import-map-${index}`}
                        />
                        {column?.multiplier && (
                          <Badge size="xs" color="gray">
                            × {format.number(column.multiplier)}
                          </Badge>
                        )}
                        {column?.year && (
                          <Badge size="xs" color="gray">
                            {column.year}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section title={t("import.sampleTitle")}>
        <ScrollArea type="auto" offsetScrollbars>
          <Table fz="xs" withColumnBorders withTableBorder striped data-testid="import-sample">
            <Table.Thead>
              <Table.Tr>
                {preview.headers.map((header, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns have no other identity
                  <Table.Th key={index} style={{ whiteSpace: "nowrap" }}>
                    <div>{header || index + 1}</div>
                    <Text size="10px" c={mapping[index] ? "violet.7" : "dimmed"} fw={500}>
                      {mapping[index] ? labelOf(mapping[index].field) : t("import.ignored")}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.sample.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity
                <Table.Tr key={r}>
                  {columns.map((column) => (
                    <Table.Td
                      key={column.id}
                      style={{ whiteSpace: "nowrap", maxWidth: 240, overflow: "hidden", textOverflow: "ellipsis" }}
                    >
                      {row[column.index] ?? ""}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Section>

      <Radio.Group
        label={t("import.onExisting")}
        description={t("import.onExistingHelp")}
        value={onExisting}
        onChange={(value) => onExistingChange(value as OnExisting)}
      >
        <Stack gap={6} mt={6}>
          <Radio value="update" label={t("import.onExistingUpdate")} data-testid="import-on-existing-update" />
          <Radio value="reject" label={t("import.onExistingReject")} data-testid="import-on-existing-reject" />
        </Stack>
      </Radio.Group>

      {!hasName && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          {t("import.needName")}
        </Alert>
      )}
      {doubled.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          {t("import.doubled", { fields: doubled.map(labelOf).join(", ") })}
        </Alert>
      )}

      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          {t("import.otherFile")}
        </Button>
        <Button leftSection={<IconPlayerPlay size={16} />} onClick={onRun} loading={running} data-testid="import-run">
          {t("import.run", { count: preview.rowCount, formatted: format.number(preview.rowCount) })}
        </Button>
      </Group>
    </Stack>
  );
}
