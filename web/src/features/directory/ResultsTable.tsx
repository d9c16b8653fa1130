import { Anchor, Skeleton, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { Member } from "../../api/types";
import { useFormat } from "../../lib/format";
import { useCluster } from "../auth/cluster";
import { SizeBadge, StatusBadge, TradeBadges } from "../members/badges";

interface Props {
  items: Member[] | undefined;
  withDistance: boolean;
  loading: boolean;
}

export function ResultsTable({ items, withDistance, loading }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  const navigate = useNavigate();
  const showStatus = items?.some((m) => m.status !== undefined) ?? true;

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table
        highlightOnHover
        stickyHeader
        data-testid="directory-results"
        aria-busy={loading}
        style={{ opacity: loading && items ? 0.6 : 1, transition: "opacity 120ms" }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("directory.columns.name")}</Table.Th>
            <Table.Th>{t("directory.columns.town")}</Table.Th>
            <Table.Th>{t("directory.columns.trades")}</Table.Th>
            <Table.Th style={{ minWidth: 96 }}>{t("directory.columns.size")}</Table.Th>
            {showStatus && <Table.Th style={{ minWidth: 150 }}>{t("directory.columns.status")}</Table.Th>}
            {withDistance && (
              <Table.Th ta="right" style={{ minWidth: 120 }}>
                {t("directory.columns.distance")}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items &&
            Array.from({ length: 8 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows
              <Table.Tr key={i} aria-hidden>
                <Table.Td>
                  <Skeleton h={12} w="70%" mb={6} />
                  <Skeleton h={10} w="40%" />
                </Table.Td>
                <Table.Td>
                  <Skeleton h={12} w={90} />
                </Table.Td>
                <Table.Td>
                  <Skeleton h={16} w={140} />
                </Table.Td>
                <Table.Td>
                  <Skeleton h={16} w={40} />
                </Table.Td>
                <Table.Td>
                  <Skeleton h={16} w={70} />
                </Table.Td>
              </Table.Tr>
            ))}
          {items?.map((member) => {
            const href = cluster.path(`members/${member.id}`);
            return (
              <Table.Tr
                key={member.id}
                className="row-link"
                data-testid="directory-row"
                data-member-id={member.id}
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest("a,button")) return;
                  navigate(href);
                }}
              >
                <Table.Td maw={320}>
                  <Anchor component={Link} to={href} fw={600} c="var(--mantine-color-text)" size="sm" underline="hover">
                    {member.legalName}
                  </Anchor>
                  {member.tradeName && member.tradeName !== member.legalName && (
                    <Text size="xs" c="dimmed" truncate>
                      {member.tradeName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{member.town ?? "—"}</Text>
                  {member.department && (
                    <Text size="xs" c="dimmed">
                      {member.department}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={300}>
                  <TradeBadges trades={member.trades} max={2} />
                </Table.Td>
                <Table.Td>
                  <SizeBadge sizeClass={member.figures?.sizeClass} />
                </Table.Td>
                {showStatus && (
                  <Table.Td>
                    <StatusBadge status={member.status} />
                  </Table.Td>
                )}
                {withDistance && (
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {member.distanceKm !== undefined && (
                      <>
                        <Text size="sm">{format.km(member.distanceKm)}</Text>
                        {member.roadMinutes !== undefined && (
                          <Text size="xs" c="dimmed">
                            {t("directory.roadTime", { time: format.duration(member.roadMinutes) })}
                          </Text>
                        )}
                      </>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
