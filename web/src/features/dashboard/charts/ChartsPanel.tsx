import { Grid, Select, Skeleton, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../lib/format";
import { ErrorDisplay } from "../../../ui/ErrorDisplay";
import { Section } from "../../../ui/Section";
import { useActivityReport, useReportDashboard } from "../../reports/api";
import { EChart } from "./EChart";
import { fundingByFunderOption, fundingMixOption, membersOption, participationOption, targetsOption } from "./options";

function NoData() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" py="xl" ta="center">
      {t("reports.charts.noData")}
    </Text>
  );
}

/** Grants of the year by funder (pro rata of their period), beside the dues. */
function useFundingSlices(year: number) {
  const { t } = useTranslation();
  const report = useActivityReport({ year, funderId: null });
  if (!report.data) return { loading: report.isPending, slices: [] };
  const byFunder = new Map<string, number>();
  for (const grant of report.data.funding.grants)
    byFunder.set(grant.funder, (byFunder.get(grant.funder) ?? 0) + grant.inYearCents / 100);
  const slices = [
    { name: t("reports.charts.dues"), euros: report.data.funding.duesCents / 100 },
    ...[...byFunder].map(([name, euros]) => ({ name, euros })),
  ].filter((s) => s.euros > 0);
  return { loading: false, slices };
}

/** The dashboard's charts: members over time, participation, funding mix, targets vs actuals. */
export function ChartsPanel({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dashboard = useReportDashboard(year);
  const funding = useFundingSlices(year);
  const thisYear = new Date().getFullYear();
  const data = dashboard.data;
  const loading = dashboard.isPending;
  const chart = (body: ReactNode) => (loading ? <Skeleton h={260} /> : body);
  if (dashboard.isError) return <ErrorDisplay error={dashboard.error} onRetry={() => dashboard.refetch()} />;
  return (
    <Grid gap="md" data-testid="dashboard-charts">
      <Grid.Col span={12}>
        <Select
          w={160}
          size="xs"
          label={t("reports.charts.year")}
          data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
          value={String(year)}
          onChange={(value) => value && onYear(Number(value))}
          allowDeselect={false}
          data-testid="charts-year"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title={t("reports.charts.membersOverTime")} testId="chart-members">
          {chart(
            data?.membersOverTime.length ? (
              <EChart option={membersOption(format, data.membersOverTime, t("reports.charts.members"))} />
            ) : (
              <NoData />
            ),
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title={t("reports.charts.participation")} testId="chart-participation">
          {chart(
            data?.participationPerMonth.some((m) => m.held > 0) ? (
              <EChart
                option={participationOption(format, data.participationPerMonth, {
                  held: t("reports.charts.held"),
                  attendance: t("reports.charts.attendance"),
                  companies: t("reports.charts.companies"),
                })}
              />
            ) : (
              <NoData />
            ),
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title={t("reports.charts.fundingMix")} testId="chart-funding-mix">
          {chart(
            data?.fundingMix.some((m) => m.duesCents + m.grantsCents > 0) ? (
              <EChart
                option={fundingMixOption(format, data.fundingMix, {
                  dues: t("reports.charts.dues"),
                  grants: t("reports.charts.grants"),
                  privateShare: t("reports.charts.privateShare"),
                })}
              />
            ) : (
              <NoData />
            ),
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title={t("reports.charts.fundingByFunder", { year })} testId="chart-funding-by-funder">
          {funding.loading ? (
            <Skeleton h={260} />
          ) : funding.slices.length ? (
            <EChart option={fundingByFunderOption(format, funding.slices)} />
          ) : (
            <NoData />
          )}
        </Section>
      </Grid.Col>
      <Grid.Col span={12}>
        <Section title={t("reports.charts.targets")} testId="chart-targets">
          {chart(
            data?.targets.some((target) => !target.pending) ? (
              <EChart
                height={Math.max(160, 56 + data.targets.length * 44)}
                option={targetsOption(format, data.targets, {
                  target: t("reports.charts.target"),
                  actual: t("reports.charts.actual"),
                })}
              />
            ) : (
              <NoData />
            ),
          )}
        </Section>
      </Grid.Col>
    </Grid>
  );
}
