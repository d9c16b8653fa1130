import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconCrown, IconUsersGroup } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { notifyError, notifySuccess } from "../members/notify";
import { type OpportunityDetail, type Proposal, useOpportunityMutations } from "./api";

const statusColor: Record<Proposal["status"], string> = {
  suggested: "blue",
  invited: "violet",
  confirmed: "teal",
  declined: "red",
  superseded: "gray",
};
const answerColor = { invited: "gray", accepted: "teal", declined: "red", withdrawn: "gray" } as const;

function ProposalCard({
  opportunity,
  proposal,
  teamConfirmed,
}: {
  opportunity: OpportunityDetail;
  proposal: Proposal;
  teamConfirmed: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { pick } = useOpportunityMutations();
  const closed = opportunity.stage === "won" || opportunity.stage === "lost";
  return (
    <Paper withBorder radius="md" p="sm" data-testid="proposal">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={650}>{t("opportunities.consortium.rank", { rank: proposal.rank })}</Text>
          <Badge color={statusColor[proposal.status]} variant="light" data-testid="proposal-status">
            {t(`opportunities.consortium.status.${proposal.status}`)}
          </Badge>
          {proposal.optimal && (
            <Badge color="teal" variant="outline">
              {t("opportunities.consortium.optimal")}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t("opportunities.consortium.companies", { count: proposal.members.length })} ·{" "}
          {t("opportunities.consortium.travel", { time: format.duration(proposal.travelMinutes) })}
        </Text>
      </Group>
      <Table fz="sm" verticalSpacing={4}>
        <Table.Tbody>
          {proposal.members.map((m) => (
            <Table.Tr key={m.id} data-testid="proposal-member">
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {m.isLeader && <IconCrown size={14} aria-label={t("opportunities.consortium.leads")} />}
                  <Text size="sm" fw={m.isLeader ? 600 : 400}>
                    {m.name}
                  </Text>
                  {m.town && (
                    <Text size="xs" c="dimmed">
                      {m.town}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {m.steps.map((s) => s.label).join(", ") || (m.isLeader ? t("opportunities.consortium.leads") : "")}
              </Table.Td>
              <Table.Td w={110}>
                {m.invitation && (
                  <Badge size="sm" variant="light" color={answerColor[m.invitation.status]}>
                    {t(`opportunities.consortium.answer.${m.invitation.status}`)}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {proposal.status === "suggested" && !closed && !teamConfirmed && (
        <Group justify="flex-end" mt="xs">
          <Button
            size="xs"
            loading={pick.isPending}
            onClick={() =>
              pick.mutate(
                { id: opportunity.id, proposalId: proposal.id },
                { onSuccess: () => notifySuccess(t("opportunities.consortium.picked")), onError: notifyError },
              )
            }
            data-testid="proposal-pick"
          >
            {t("opportunities.consortium.pick")}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** Staff ask the consortium builder for teams, pick one, and follow the invited companies' answers. */
export function ConsortiumPanel({ opportunity }: { opportunity: OpportunityDetail }) {
  const { t } = useTranslation();
  const { propose } = useOpportunityMutations();
  const [top, setTop] = useState(3);
  const [fairness, setFairness] = useState(true);
  const closed = opportunity.stage === "won" || opportunity.stage === "lost";
  const active = opportunity.proposals.filter((p) => p.status !== "superseded");
  const latestRound = opportunity.proposals[0]?.round;
  const asked = propose.isSuccess && !active.some((p) => p.round === latestRound && p.status === "suggested");
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} fz="md">
          <Group gap={6}>
            <IconUsersGroup size={18} /> {t("opportunities.consortium.title")}
          </Group>
        </Title>
      </Group>
      <Text size="sm" c="dimmed">
        {t("opportunities.consortium.help")}
      </Text>
      {!closed && (
        <Group align="flex-end" gap="sm">
          <NumberInput
            w={170}
            label={t("opportunities.consortium.top")}
            min={1}
            max={10}
            value={top}
            onChange={(v) => setTop(Number(v) || 1)}
          />
          <Checkbox
            label={t("opportunities.consortium.fairness")}
            checked={fairness}
            onChange={(e) => setFairness(e.currentTarget.checked)}
            mb={8}
          />
          <Button
            loading={propose.isPending}
            onClick={() => propose.mutate({ id: opportunity.id, top, fairness }, { onError: notifyError })}
            data-testid="consortium-propose"
          >
            {opportunity.proposals.length ? t("opportunities.consortium.again") : t("opportunities.consortium.propose")}
          </Button>
        </Group>
      )}
      {opportunity.uncovered.length > 0 && (
        <Alert color="orange" data-testid="consortium-uncovered">
          {t("opportunities.consortium.uncovered", { steps: opportunity.uncovered.map((s) => s.label).join(", ") })}
        </Alert>
      )}
      {asked && opportunity.uncovered.length === 0 && !active.some((p) => p.status === "invited") && (
        <Alert color="orange">{t("opportunities.consortium.noTeam")}</Alert>
      )}
      {active.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("opportunities.consortium.none")}
        </Text>
      ) : (
        active.map((p) => (
          <ProposalCard
            key={p.id}
            opportunity={opportunity}
            proposal={p}
            teamConfirmed={active.some((x) => x.status === "confirmed")}
          />
        ))
      )}
    </Stack>
  );
}
