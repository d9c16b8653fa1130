import { Group, Paper, Select, SimpleGrid, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { useFigures } from "./api";

function Figure({ label, value, detail, testId }: { label: string; value: string; detail: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={650}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Paper>
  );
}

/** A year's figures for the funders: business between members, needs received, business won. */
export function FiguresCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const figures = useFigures(year);
  const f = figures.data;
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" mb="xs">
        <Text fw={650} size="sm">
          {t("opportunities.figures.title")}
        </Text>
        <Select
          w={110}
          size="xs"
          aria-label={t("opportunities.figures.year")}
          data={[0, 1, 2, 3].map((i) => String(thisYear - i))}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Figure
          testId="figure-between"
          label={t("opportunities.figures.between")}
          value={f ? format.euros(f.businessBetweenMembers.amountCents / 100) : "…"}
          detail={
            f
              ? t("opportunities.figures.betweenDetail", {
                  count: f.businessBetweenMembers.count,
                  companies: f.businessBetweenMembers.companies,
                })
              : ""
          }
        />
        <Figure
          testId="figure-created"
          label={t("opportunities.figures.created")}
          value={f ? format.number(f.opportunities.created) : "…"}
          detail={f ? t("opportunities.figures.createdDetail", f.opportunities.bySource) : ""}
        />
        <Figure
          testId="figure-won"
          label={t("opportunities.figures.won")}
          value={f ? format.euros(f.opportunities.wonAmountCents / 100) : "…"}
          detail={
            f
              ? t("opportunities.figures.wonDetail", {
                  won: f.opportunities.won,
                  lost: f.opportunities.lost,
                  bids: f.opportunities.bidsSent,
                })
              : ""
          }
        />
      </SimpleGrid>
    </Paper>
  );
}
