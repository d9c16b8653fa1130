import { Badge, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { Section } from "../../ui/Section";
import { useMemberEngagement } from "./api";
import { ScoreBadge, ScoreBreakdown } from "./ScoreBreakdown";

/** A member's score and its components, on its contact-log tab. */
export function MemberEngagementCard({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const engagement = useMemberEngagement(memberId);
  return (
    <Section
      title={t("engagement.member.title")}
      action={engagement.data && <ScoreBadge score={engagement.data.member.score} />}
      testId="member-engagement"
    >
      {engagement.isPending ? (
        <Skeleton h={120} />
      ) : engagement.isError ? (
        <Text size="sm" c="dimmed">
          {t("engagement.member.notMeasured")}
        </Text>
      ) : (
        <Stack gap="sm">
          <ScoreBreakdown engagement={engagement.data.member} weights={engagement.data.weights} />
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t("engagement.columns.lastParticipation")} :{" "}
              {engagement.data.member.lastParticipationAt
                ? format.date(engagement.data.member.lastParticipationAt)
                : t("engagement.never")}
            </Text>
            {engagement.data.member.churnRisk && (
              <Badge color="red" variant="light" size="sm">
                {t("engagement.atRisk")}
              </Badge>
            )}
          </Group>
        </Stack>
      )}
    </Section>
  );
}
