import { Anchor, Button, Group, NumberInput, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../lib/format";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { useCluster } from "../auth/cluster";
import { notifyError, notifySuccess } from "../members/notify";
import { useChurnRisk, useSetChurnMonths } from "./api";
import { ScoreBadge } from "./ScoreBreakdown";

/** Members silent for N months, and the cluster's N. */
export function ChurnPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  const churn = useChurnRisk();
  const save = useSetChurnMonths();
  const [months, setMonths] = useState<number | string>(6);
  useEffect(() => {
    if (churn.data) setMonths(churn.data.churnMonths);
  }, [churn.data]);

  if (churn.isError) return <ErrorDisplay error={churn.error} onRetry={() => churn.refetch()} />;
  const current = churn.data?.churnMonths ?? 6;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm" c="dimmed" maw={620}>
          {t("engagement.churn.help", { count: current })}
        </Text>
        <Group gap="xs" align="flex-end">
          <NumberInput
            label={t("engagement.churn.threshold")}
            min={1}
            max={36}
            w={140}
            value={months}
            onChange={setMonths}
            data-testid="churn-months"
          />
          <Button
            variant="default"
            loading={save.isPending}
            disabled={Number(months) === current}
            onClick={() =>
              save.mutate(Number(months), {
                onSuccess: (r) => notifySuccess(t("engagement.churn.saved", { count: r.churnMonths })),
                onError: notifyError,
              })
            }
          >
            {t("engagement.churn.save")}
          </Button>
        </Group>
      </Group>
      {churn.isPending ? (
        <Skeleton h={200} />
      ) : churn.data.members.length === 0 ? (
        <Empty title={t("engagement.churn.none", { count: current })} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="churn-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("engagement.columns.member")}</Table.Th>
                <Table.Th>{t("engagement.churn.silentSince")}</Table.Th>
                <Table.Th>{t("engagement.columns.lastParticipation")}</Table.Th>
                <Table.Th>{t("engagement.columns.score")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {churn.data.members.map((row) => (
                <Table.Tr key={row.member.id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={cluster.path(`members/${row.member.id}?tab=contacts`)}
                      size="sm"
                      fw={500}
                    >
                      {row.member.name}
                    </Anchor>
                    {row.town && (
                      <Text size="xs" c="dimmed">
                        {row.town}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{row.silentSince ? format.date(row.silentSince) : "—"}</Table.Td>
                  <Table.Td>
                    {row.lastParticipationAt ? format.date(row.lastParticipationAt) : t("engagement.never")}
                  </Table.Td>
                  <Table.Td>
                    <ScoreBadge score={row.score} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Anchor component={Link} to={cluster.path("to-call")} size="sm">
        {t("engagement.churn.toCall")}
      </Anchor>
    </Stack>
  );
}
