import { Anchor, Button, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { IconArrowRight, IconReportAnalytics, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../../api/client";
import type { DirectoryResult, FacetValue } from "../../api/types";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { NextEventsCard } from "../events/NextEventsCard";
import { StatusBadge } from "../members/badges";
import { BarList } from "./BarList";

// ECharts weighs ~500 kB: the charts load after the rest of the dashboard.
const ChartsPanel = lazy(() => import("./charts/ChartsPanel").then((m) => ({ default: m.ChartsPanel })));

function Charts(props: { year: number; onYear: (year: number) => void }) {
  return (
    <Suspense fallback={<Skeleton h={300} radius="md" />}>
      <ChartsPanel {...props} />
    </Suspense>
  );
}

/** The charts' year, a full past one by default. */
function useChartsYear() {
  return useState(new Date().getFullYear() - 1);
}

function useDashboardQuery(query: string) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["dashboard", cluster.slug, query],
    queryFn: () => api.get<DirectoryResult>(`${cluster.apiPath("members")}?${query}`),
  });
}

function StatCard({
  label,
  value,
  to,
  testId,
}: {
  label: string;
  value: number | undefined;
  to: string;
  testId: string;
}) {
  const format = useFormat();
  return (
    <Paper
      withBorder
      p="md"
      component={Link}
      to={to}
      style={{ textDecoration: "none", color: "inherit" }}
      data-testid={testId}
    >
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      {value === undefined ? (
        <Skeleton h={30} w={60} mt={4} />
      ) : (
        <Text fz={28} fw={650} lh={1.3} style={{ fontVariantNumeric: "tabular-nums" }}>
          {format.number(value)}
        </Text>
      )}
    </Paper>
  );
}

const countOf = (facet: FacetValue[] | undefined, value: string) =>
  facet ? (facet.find((f) => f.value === value)?.count ?? 0) : undefined;

function FunderDashboard() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const [year, setYear] = useChartsYear();
  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        subtitle={cluster.name}
        actions={
          <Button
            component={Link}
            to={`${cluster.path("report")}?year=${year}`}
            leftSection={<IconReportAnalytics size={16} />}
            data-testid="dashboard-report"
          >
            {t("reports.nav")}
          </Button>
        }
      />
      <Charts year={year} onYear={setYear} />
    </>
  );
}

function StaffDashboard() {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  const navigate = useNavigate();
  const [search, setSearch] = useState("");
  const [chartsYear, setChartsYear] = useChartsYear();
  const all = useDashboardQuery("pageSize=6&sort=updated");
  const active = useDashboardQuery("status=member&pageSize=1");
  const status = all.data?.facets.status;
  const directory = (query: string) => `${cluster.path("members")}${query ? `?${query}` : ""}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = search.trim();
    navigate(directory(q ? `q=${encodeURIComponent(q)}` : ""));
  };

  if (all.isError) return <ErrorDisplay error={all.error} onRetry={() => all.refetch()} />;
  return (
    <Stack gap="lg">
      <PageHeader title={t("dashboard.title")} subtitle={t("dashboard.subtitle", { cluster: cluster.name })} />
      <form onSubmit={submit}>
        <Group gap="xs" wrap="nowrap" maw={640}>
          <TextInput
            style={{ flex: 1 }}
            leftSection={<IconSearch size={16} />}
            placeholder={t("dashboard.quickSearchPlaceholder")}
            aria-label={t("dashboard.quickSearch")}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="dashboard-search"
          />
          <Button type="submit" variant="default">
            {t("common.search")}
          </Button>
        </Group>
      </form>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <StatCard
          label={t("dashboard.members")}
          value={countOf(status, "member")}
          to={directory("status=member")}
          testId="stat-members"
        />
        <StatCard
          label={t("dashboard.prospects")}
          value={countOf(status, "prospect")}
          to={directory("status=prospect")}
          testId="stat-prospects"
        />
        <StatCard
          label={t("dashboard.former")}
          value={countOf(status, "former")}
          to={directory("status=former")}
          testId="stat-former"
        />
        <StatCard label={t("dashboard.total")} value={all.data?.total} to={directory("")} testId="stat-total" />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t("dashboard.bySize")} testId="dashboard-size">
            <BarList
              loading={active.isPending}
              items={(active.data?.facets.sizeClass ?? []).map((f) => ({
                key: f.value,
                label: t(`enums.sizeClassLong.${f.value}`, { defaultValue: f.label }),
                count: f.count,
                to: directory(`status=member&sizeClass=${f.value}`),
              }))}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t("dashboard.topTrades")} testId="dashboard-trades">
            <BarList
              loading={active.isPending}
              items={(active.data?.facets.trade ?? []).slice(0, 8).map((f) => ({
                key: f.value,
                label: f.label,
                count: f.count,
                to: directory(`status=member&trade=${encodeURIComponent(f.value)}`),
              }))}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={t("dashboard.departments")} testId="dashboard-departments">
            <BarList
              loading={active.isPending}
              items={(active.data?.facets.department ?? []).slice(0, 8).map((f) => ({
                key: f.value,
                label: f.label,
                count: f.count,
                to: directory(`status=member&department=${encodeURIComponent(f.value)}`),
              }))}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section
            title={t("dashboard.recentlyUpdated")}
            action={
              <Anchor component={Link} to={directory("sort=updated")} size="xs">
                <Group gap={4}>
                  {t("dashboard.seeAll")}
                  <IconArrowRight size={12} />
                </Group>
              </Anchor>
            }
          >
            {all.isPending ? (
              <Skeleton h={120} />
            ) : all.data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("dashboard.noData")}
              </Text>
            ) : (
              <Stack gap={8}>
                {all.data.items.map((member) => (
                  <Group key={member.id} justify="space-between" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={cluster.path(`members/${member.id}`)} size="sm" fw={500} truncate>
                        {member.legalName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[member.town, format.date(member.updatedAt)].filter(Boolean).join(" · ")}
                      </Text>
                    </div>
                    <StatusBadge status={member.status} />
                  </Group>
                ))}
              </Stack>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <NextEventsCard />
        </Grid.Col>
      </Grid>
      <Charts year={chartsYear} onYear={setChartsYear} />
    </Stack>
  );
}

export default function DashboardPage() {
  const cluster = useCluster();
  return cluster.role === "funder" ? <FunderDashboard /> : <StaffDashboard />;
}
