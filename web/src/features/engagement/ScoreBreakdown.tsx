import { Badge, Group, Progress, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { type Component, components, type MemberEngagement, type Weights } from "./api";

export const componentColors: Record<Component, string> = {
  events: "violet",
  groups: "teal",
  needs: "orange",
  meetings: "blue",
};

const scoreColor = (score: number) => (score >= 60 ? "teal" : score >= 30 ? "yellow" : score > 0 ? "orange" : "red");

export function ScoreBadge({ score }: { score: number }) {
  const format = useFormat();
  return (
    <Badge
      color={scoreColor(score)}
      variant="light"
      size="lg"
      miw={48}
      style={{ fontVariantNumeric: "tabular-nums", flexShrink: 0, overflow: "visible" }}
      data-testid="score"
    >
      {format.number(score)}
    </Badge>
  );
}

/** The score as one bar split by component, each segment explained in a tooltip. */
export function ScoreBar({ engagement, weights }: { engagement: MemberEngagement; weights: Weights }) {
  const { t } = useTranslation();
  return (
    <Progress.Root size={10} w={140} aria-hidden>
      {components.map((key) => {
        const c = engagement.components[key];
        if (!c.points) return null;
        return (
          <Tooltip
            key={key}
            label={`${t(`engagement.components.${key}`)} : ${t("engagement.breakdown", { ...c, perUnit: weights[key].perUnit })}`}
          >
            <Progress.Section value={c.points} color={componentColors[key]} />
          </Tooltip>
        );
      })}
    </Progress.Root>
  );
}

/** Every component with its count, points and cap: what the score is made of. */
export function ScoreBreakdown({ engagement, weights }: { engagement: MemberEngagement; weights: Weights }) {
  const { t } = useTranslation();
  return (
    <Stack gap={8} data-testid="score-breakdown">
      {components.map((key) => {
        const c = engagement.components[key];
        return (
          <div key={key}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Tooltip label={t(`engagement.componentHelp.${key}`)} multiline w={280}>
                <Text size="sm">{t(`engagement.components.${key}`)}</Text>
              </Tooltip>
              <Text size="xs" c="dimmed" style={{ fontVariantNumeric: "tabular-nums" }}>
                {t("engagement.breakdown", { ...c, perUnit: weights[key].perUnit })}
              </Text>
            </Group>
            <Progress value={(c.points / c.max) * 100} color={componentColors[key]} size="sm" mt={4} />
          </div>
        );
      })}
    </Stack>
  );
}
