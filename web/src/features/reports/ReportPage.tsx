import { Button, Group, Select, Skeleton, Stack, Text } from "@mantine/core";
import { IconFileTypeDocx, IconFileTypePdf } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import {
  EventsSection,
  GroupsSection,
  MembersSection,
  ProgrammesSection,
  SummarySection,
  SupportSection,
} from "./ActivitySections";
import { type ReportParams, useActivityReport, useReportFileUrl } from "./api";
import type { SectionContext } from "./parts";
import { BusinessSection, CommunicationSection, FundingSection, LabelsSection, TargetsSection } from "./ResultSections";

const GENERAL = "general";

/** The year's activity report for a funder (or in general): figures, targets, narratives, PDF and DOCX. */
export default function ReportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  const [search, setSearch] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const yearParam = Number(search.get("year"));
  // A full past year by default: the current one is still being recorded.
  const year = Number.isInteger(yearParam) && yearParam >= 1990 && yearParam <= 2100 ? yearParam : thisYear - 1;
  const params: ReportParams = { year, funderId: search.get("funder") };
  const report = useActivityReport(params);
  const fileUrl = useReportFileUrl(params);
  const choose = (key: "year" | "funder", value: string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value && value !== GENERAL) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const data = report.data;
  const context: SectionContext | null = data
    ? { params, canEdit: cluster.isStaff, narratives: data.narratives }
    : null;
  // Remount the sections per report so that each narrative box starts from that report's saved text.
  const reportKey = `${params.year}-${params.funderId ?? GENERAL}`;
  return (
    <Stack gap="md">
      <PageHeader
        title={t("reports.title", { year })}
        titleTestId="report-title"
        subtitle={
          data
            ? `${t("reports.subtitle", { from: format.date(data.period.from), to: format.date(data.period.to) })} ${t("reports.generatedAt", { date: format.dateTime(data.generatedAt) })}`
            : t("common.loading")
        }
        actions={
          <>
            <Button
              component="a"
              href={fileUrl("pdf")}
              download
              variant="default"
              leftSection={<IconFileTypePdf size={16} />}
              title={t("reports.downloadHelp")}
              data-testid="report-download-pdf"
            >
              {t("reports.downloadPdf")}
            </Button>
            <Button
              component="a"
              href={fileUrl("docx")}
              download
              variant="default"
              leftSection={<IconFileTypeDocx size={16} />}
              title={t("reports.downloadHelp")}
              data-testid="report-download-docx"
            >
              {t("reports.downloadDocx")}
            </Button>
          </>
        }
      />
      <Group gap="sm">
        <Select
          w={320}
          label={t("reports.funder")}
          data={[
            { value: GENERAL, label: t("reports.general") },
            ...(data?.funders ?? []).map((f) => ({ value: f.id, label: f.name })),
          ]}
          value={params.funderId ?? GENERAL}
          onChange={(value) => choose("funder", value)}
          allowDeselect={false}
          data-testid="report-funder"
        />
        <Select
          w={120}
          label={t("reports.year")}
          data={Array.from({ length: 8 }, (_, i) => String(thisYear - i))}
          value={String(year)}
          onChange={(value) => choose("year", value)}
          allowDeselect={false}
          data-testid="report-year"
        />
      </Group>
      {report.isError && <ErrorDisplay error={report.error} onRetry={() => report.refetch()} />}
      {report.isPending ? (
        <Stack gap="md">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={160} radius="md" />
          ))}
        </Stack>
      ) : data && context ? (
        <Stack gap="md" key={reportKey} data-testid="report" data-year={data.year}>
          {data.funder && (
            <Text size="sm" c="dimmed" data-testid="report-funder-name">
              {t("reports.funder")} {data.funder.name}
            </Text>
          )}
          <SummarySection report={data} context={context} />
          <MembersSection report={data} context={context} />
          <EventsSection report={data} context={context} />
          <GroupsSection report={data} context={context} />
          <ProgrammesSection report={data} context={context} />
          <SupportSection report={data} context={context} />
          <BusinessSection report={data} context={context} />
          <CommunicationSection report={data} context={context} />
          <FundingSection report={data} context={context} />
          <TargetsSection report={data} context={context} />
          <LabelsSection report={data} context={context} />
        </Stack>
      ) : null}
    </Stack>
  );
}
