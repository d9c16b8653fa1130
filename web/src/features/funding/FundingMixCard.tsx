import { Group, Progress, Select, SimpleGrid, Skeleton, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { Section } from "../../ui/Section";
import { useReportDashboard } from "../reports/api";
import { percent } from "../reports/numbers";

/** Dues vs grants of a year (grants pro rata of their period), and the share of private funding. */
export function FundingMixCard({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dashboard = useReportDashboard(year);
  const mix = dashboard.data?.fundingMix.find((m) => m.year === year);
  const thisYear = new Date().getFullYear();
  const total = mix ? mix.duesCents + mix.grantsCents : 0;
  return (
    <Section
      title={t("funding.mix.title", { year })}
      testId="funding-mix"
      action={
        <Select
          size="xs"
          w={110}
          aria-label={t("funding.mix.year")}
          data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))}
          value={String(year)}
          onChange={(value) => value && onYear(Number(value))}
          allowDeselect={false}
        />
      }
    >
      {dashboard.isPending ? (
        <Skeleton h={70} />
      ) : !mix || total === 0 ? (
        <Text size="sm" c="dimmed">
          {t("funding.mix.none")}
        </Text>
      ) : (
        <>
          <SimpleGrid cols={3} mb="sm">
            <div>
              <Text size="xs" c="dimmed">
                {t("funding.mix.dues")}
              </Text>
              <Text fw={650} data-testid="mix-dues">
                {format.euros(mix.duesCents / 100)}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t("funding.mix.grants")}
              </Text>
              <Text fw={650} data-testid="mix-grants">
                {format.euros(mix.grantsCents / 100)}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t("funding.mix.privateShare")}
              </Text>
              <Text fw={650} data-testid="mix-private-share">
                {mix.privateShare === null ? "—" : percent(format, mix.privateShare)}
              </Text>
            </div>
          </SimpleGrid>
          <Progress.Root size="lg">
            <Tooltip label={t("funding.mix.dues")}>
              <Progress.Section value={(mix.duesCents / total) * 100} color="teal" />
            </Tooltip>
            <Tooltip label={t("funding.mix.grants")}>
              <Progress.Section value={(mix.grantsCents / total) * 100} color="violet" />
            </Tooltip>
          </Progress.Root>
          <Group justify="space-between" mt={4}>
            <Text size="xs" c="teal.8">
              {t("funding.mix.dues")}
            </Text>
            <Text size="xs" c="violet.8">
              {t("funding.mix.grants")}
            </Text>
          </Group>
        </>
      )}
    </Section>
  );
}
