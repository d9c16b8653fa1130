import { List, Paper, Stack, Tabs, Text } from "@mantine/core";
import { IconAlertTriangle, IconCalendarStats, IconChartBar } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { components, type EngagementSort, useEngagement, type Weights } from "./api";
import { ChurnPanel } from "./ChurnPanel";
import { componentColors } from "./ScoreBreakdown";
import { ScoresTable } from "./ScoresTable";
import { YearsPanel } from "./YearsPanel";

const SORTS: EngagementSort[] = ["score", ...components, "name", "lastParticipation"];
const TABS = ["scores", "churn", "years"] as const;

function HowItWorks({ weights }: { weights: Weights }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Text size="sm" fw={600}>
        {t("engagement.howTitle")}
      </Text>
      <Text size="xs" c="dimmed" mb={6}>
        {t("engagement.how")}
      </Text>
      <List size="xs" spacing={2}>
        {components.map((key) => (
          <List.Item key={key} c={`${componentColors[key]}.8`}>
            <Text size="xs" span fw={600}>
              {t(`engagement.components.${key}`)}
            </Text>{" "}
            <Text size="xs" span c="dimmed">
              — {t("engagement.perUnit", weights[key])}. {t(`engagement.componentHelp.${key}`)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

export default function EngagementPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((v) => v === params.get("tab")) ?? "scores";
  const sort = SORTS.find((s) => s === params.get("sort")) ?? "score";
  const order = params.get("order") === "asc" ? "asc" : "desc";
  const table = useEngagement(sort, order);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  // A new column sorts the most engaged first (names A→Z); the same column flips the order.
  const onSort = (column: EngagementSort) =>
    set({
      sort: column,
      order: column === sort ? (order === "asc" ? "desc" : "asc") : column === "name" ? "asc" : "desc",
    });

  return (
    <Stack gap="md">
      <PageHeader
        title={t("engagement.title")}
        subtitle={
          table.data
            ? t("engagement.subtitle", {
                from: format.date(table.data.window.from),
                to: format.date(table.data.window.to),
              })
            : undefined
        }
      />
      <Tabs value={tab} onChange={(v) => set({ tab: v === "scores" ? null : v })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="scores" leftSection={<IconChartBar size={14} />}>
            {t("engagement.tabs.scores")}
          </Tabs.Tab>
          <Tabs.Tab value="churn" leftSection={<IconAlertTriangle size={14} />} data-testid="tab-churn">
            {t("engagement.tabs.churn")}
          </Tabs.Tab>
          <Tabs.Tab value="years" leftSection={<IconCalendarStats size={14} />} data-testid="tab-years">
            {t("engagement.tabs.years")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="scores">
          {table.isError ? (
            <ErrorDisplay error={table.error} onRetry={() => table.refetch()} />
          ) : (
            <Stack gap="md">
              {table.data && <HowItWorks weights={table.data.weights} />}
              <ScoresTable data={table.data} loading={table.isFetching} sorting={{ sort, order, onSort }} />
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="churn">
          <ChurnPanel />
        </Tabs.Panel>
        <Tabs.Panel value="years">
          <YearsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
