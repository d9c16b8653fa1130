import { Anchor, Badge, Center, Group, Popover, Skeleton, Table, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSelector } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../lib/format";
import { useCluster } from "../auth/cluster";
import { components, type EngagementSort, type EngagementTable } from "./api";
import { ScoreBadge, ScoreBar, ScoreBreakdown } from "./ScoreBreakdown";

interface Sorting {
  sort: EngagementSort;
  order: "asc" | "desc";
  onSort: (sort: EngagementSort) => void;
}

function SortHeader({
  column,
  label,
  sorting,
  right,
}: {
  column: EngagementSort;
  label: string;
  sorting: Sorting;
  right?: boolean;
}) {
  const { t } = useTranslation();
  const active = sorting.sort === column;
  const Icon = active ? (sorting.order === "asc" ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th
      ta={right ? "right" : undefined}
      aria-sort={active ? (sorting.order === "asc" ? "ascending" : "descending") : "none"}
    >
      <UnstyledButton
        onClick={() => sorting.onSort(column)}
        aria-label={t("engagement.sortBy", { column: label })}
        data-testid={`sort-${column}`}
      >
        <Group gap={4} wrap="nowrap" justify={right ? "flex-end" : undefined}>
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Center>
            <Icon size={14} stroke={1.6} />
          </Center>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Every current member with its score and the four components, sortable by each. */
export function ScoresTable({
  data,
  loading,
  sorting,
}: {
  data: EngagementTable | undefined;
  loading: boolean;
  sorting: Sorting;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        highlightOnHover
        stickyHeader
        data-testid="engagement-table"
        style={{ opacity: loading && data ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="name" label={t("engagement.columns.member")} sorting={sorting} />
            <SortHeader column="score" label={t("engagement.columns.score")} sorting={sorting} />
            {components.map((key) => (
              <SortHeader key={key} column={key} label={t(`engagement.components.${key}`)} sorting={sorting} right />
            ))}
            <SortHeader
              column="lastParticipation"
              label={t("engagement.columns.lastParticipation")}
              sorting={sorting}
            />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!data &&
            Array.from({ length: 8 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows
              <Table.Tr key={i} aria-hidden>
                <Table.Td colSpan={7}>
                  <Skeleton h={16} />
                </Table.Td>
              </Table.Tr>
            ))}
          {data?.members.map((row) => (
            <Table.Tr key={row.member.id} data-testid="engagement-row">
              <Table.Td>
                <Anchor component={Link} to={cluster.path(`members/${row.member.id}?tab=contacts`)} size="sm" fw={500}>
                  {row.member.name}
                </Anchor>
                <Group gap={6}>
                  {row.town && (
                    <Text size="xs" c="dimmed">
                      {row.town}
                    </Text>
                  )}
                  {row.churnRisk && (
                    <Badge color="red" variant="light" size="xs">
                      {t("engagement.atRisk")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Popover position="bottom-start" shadow="md" width={320}>
                  <Popover.Target>
                    <UnstyledButton aria-label={t("engagement.howTitle")}>
                      <Group gap="sm" wrap="nowrap">
                        <ScoreBadge score={row.score} />
                        <ScoreBar engagement={row} weights={data.weights} />
                      </Group>
                    </UnstyledButton>
                  </Popover.Target>
                  <Popover.Dropdown>
                    <Text size="sm" fw={600} mb="xs">
                      {row.member.name}
                    </Text>
                    <ScoreBreakdown engagement={row} weights={data.weights} />
                  </Popover.Dropdown>
                </Popover>
              </Table.Td>
              {components.map((key) => (
                <Table.Td key={key} ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
                  <Text size="sm" span>
                    {format.number(row.components[key].count)}
                  </Text>
                  <Text size="xs" c="dimmed" span>
                    {" "}
                    ({format.number(row.components[key].points)}/{row.components[key].max})
                  </Text>
                </Table.Td>
              ))}
              <Table.Td>
                <Text size="sm">
                  {row.lastParticipationAt ? format.date(row.lastParticipationAt) : t("engagement.never")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data && data.members.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t("engagement.empty")}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}
