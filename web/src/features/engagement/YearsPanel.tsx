import { Box, Group, Progress, Skeleton, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { type MembershipYear, useMembershipYears } from "./api";

/** Joins above the axis, leaves below, one column per year: an SVG small enough to need no chart library. */
function JoinsLeavesChart({ years }: { years: MembershipYear[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...years.map((y) => Math.max(y.joins, y.leaves)));
  const column = 44;
  const half = 80;
  const width = years.length * column;
  return (
    <Box style={{ overflowX: "auto" }}>
      <svg
        width={width}
        height={half * 2 + 24}
        role="img"
        aria-label={t("engagement.years.chart")}
        style={{ display: "block" }}
        data-testid="years-chart"
      >
        <line x1={0} x2={width} y1={half} y2={half} stroke="var(--mantine-color-gray-4)" />
        {years.map((y, i) => {
          const x = i * column + 10;
          const up = (y.joins / max) * (half - 14);
          const down = (y.leaves / max) * (half - 14);
          return (
            <g key={y.year}>
              <title>{`${y.year} : +${y.joins} / −${y.leaves}`}</title>
              <rect x={x} y={half - up} width={column - 20} height={up} fill="var(--mantine-color-teal-5)" rx={2} />
              <rect x={x} y={half} width={column - 20} height={down} fill="var(--mantine-color-red-4)" rx={2} />
              {y.joins > 0 && (
                <text x={x + (column - 20) / 2} y={half - up - 3} fontSize={10} textAnchor="middle" fill="currentColor">
                  {y.joins}
                </text>
              )}
              {y.leaves > 0 && (
                <text
                  x={x + (column - 20) / 2}
                  y={half + down + 11}
                  fontSize={10}
                  textAnchor="middle"
                  fill="currentColor"
                >
                  {y.leaves}
                </text>
              )}
              <text
                x={x + (column - 20) / 2}
                y={half * 2 + 20}
                fontSize={10}
                textAnchor="middle"
                fill="var(--mantine-color-dimmed)"
              >
                {y.year}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4}>
        <Group gap={4}>
          <Box w={10} h={10} bg="teal.5" style={{ borderRadius: 2 }} />
          <Text size="xs">{t("engagement.years.joins")}</Text>
        </Group>
        <Group gap={4}>
          <Box w={10} h={10} bg="red.4" style={{ borderRadius: 2 }} />
          <Text size="xs">{t("engagement.years.leaves")}</Text>
        </Group>
      </Group>
    </Box>
  );
}

export function YearsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useMembershipYears();
  const percent = new Intl.NumberFormat(format.locale, { style: "percent", maximumFractionDigits: 0 });
  if (query.isError) return <ErrorDisplay error={query.error} onRetry={() => query.refetch()} />;
  if (query.isPending) return <Skeleton h={240} />;
  const { years, undated } = query.data;
  if (!years.length) return <Empty title={t("engagement.years.empty")} />;
  const newestFirst = [...years].reverse();
  return (
    <Stack gap="md">
      <Section title={t("engagement.years.chart")}>
        <JoinsLeavesChart years={years} />
      </Section>
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="years-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("engagement.years.year")}</Table.Th>
              <Table.Th ta="right">{t("engagement.years.atStart")}</Table.Th>
              <Table.Th ta="right">{t("engagement.years.joins")}</Table.Th>
              <Table.Th ta="right">{t("engagement.years.leaves")}</Table.Th>
              <Table.Th ta="right">{t("engagement.years.atEnd")}</Table.Th>
              <Table.Th>
                <Tooltip label={t("engagement.years.retentionHelp")} multiline w={280}>
                  <Text size="sm" fw={600} span>
                    {t("engagement.years.retention")}
                  </Text>
                </Tooltip>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ fontVariantNumeric: "tabular-nums" }}>
            {newestFirst.map((y) => (
              <Table.Tr key={y.year}>
                <Table.Td>
                  {y.year}
                  {y.partial && (
                    <Text size="xs" c="dimmed" span>
                      {" "}
                      ({t("engagement.years.partial")})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{format.number(y.atStart)}</Table.Td>
                <Table.Td ta="right" c={y.joins ? "teal.8" : "dimmed"}>
                  {y.joins ? `+${format.number(y.joins)}` : "0"}
                </Table.Td>
                <Table.Td ta="right" c={y.leaves ? "red.8" : "dimmed"}>
                  {y.leaves ? `−${format.number(y.leaves)}` : "0"}
                </Table.Td>
                <Table.Td ta="right">{format.number(y.atEnd)}</Table.Td>
                <Table.Td>
                  {y.retention === null ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Group gap="xs" wrap="nowrap">
                      <Progress
                        value={y.retention * 100}
                        w={80}
                        size="sm"
                        color={y.retention >= 0.9 ? "teal" : "yellow"}
                      />
                      <Text size="sm">{percent.format(y.retention)}</Text>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {undated > 0 && (
        <Text size="xs" c="dimmed">
          {t("engagement.years.undated", { count: undated })}
        </Text>
      )}
    </Stack>
  );
}
