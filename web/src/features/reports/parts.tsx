import { Paper, SimpleGrid, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Section } from "../../ui/Section";
import type { Narrative, ReportParams, ReportSection } from "./api";
import { NarrativeEditor } from "./NarrativeEditor";

/** One figure of the report: a label and a big number, with a test id naming it. */
export function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={22} fw={650} lh={1.3} style={{ fontVariantNumeric: "tabular-nums" }} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

export function Figures({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" mb="sm">
      {children}
    </SimpleGrid>
  );
}

/** A small two-or-more-column table of the report (label, figures…). */
export function FigureTable({
  head,
  rows,
  testId,
}: {
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
  testId?: string;
}) {
  if (!rows.length) return null;
  return (
    <Table.ScrollContainer minWidth={420} mb="sm">
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={h} ta={i ? "right" : undefined}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, i) => (
                <Table.Td
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  key={i}
                  ta={i ? "right" : undefined}
                  style={i ? { fontVariantNumeric: "tabular-nums" } : undefined}
                >
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export interface SectionContext {
  params: ReportParams;
  canEdit: boolean;
  narratives: Record<ReportSection, Narrative | null>;
}

/** A section of the report: its title, its figures, and the narrative staff write beside them. */
export function ReportSectionCard({
  section,
  title,
  context,
  children,
}: {
  section: ReportSection;
  title: string;
  context: SectionContext;
  children: ReactNode;
}) {
  return (
    <Section title={title} testId={`report-section-${section}`}>
      <div id={`section-${section}`}>{children}</div>
      <NarrativeEditor
        section={section}
        narrative={context.narratives[section]}
        params={context.params}
        canEdit={context.canEdit}
      />
    </Section>
  );
}
