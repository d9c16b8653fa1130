import { Anchor, Badge, Button, Group, NumberInput, Paper, Stack, Text } from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCluster } from "../auth/cluster";
import { notifyError, notifySuccess } from "../members/notify";
import { type Proposal, useNeedMutations, useProposals } from "./api";
import { OpenGroupModal } from "./OpenGroupModal";

/** Staff only: needs shared by enough companies to open a working group, and the threshold. */
export function ProposalsPanel() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const proposals = useProposals(cluster.isStaff);
  const mutations = useNeedMutations();
  const [opening, setOpening] = useState<Proposal | null>(null);
  const data = proposals.data;
  if (!cluster.isStaff || !data) return null;
  return (
    <Paper withBorder radius="md" p="md" bg="var(--mantine-color-yellow-0)" data-testid="proposals-panel">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Group gap={6}>
            <IconUsersGroup size={18} />
            <Text fw={600} data-testid="proposals-title">
              {t("needs.proposals.title", { count: data.proposals.length })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t("needs.proposals.help", { threshold: data.threshold })}
          </Text>
        </div>
        <NumberInput
          key={data.threshold}
          size="xs"
          w={150}
          label={t("needs.proposals.threshold")}
          defaultValue={data.threshold}
          min={2}
          max={50}
          onBlur={(e) => {
            const value = Number(e.currentTarget.value);
            if (Number.isInteger(value) && value !== data.threshold)
              mutations.setThreshold.mutate(value, {
                onSuccess: () => notifySuccess(t("needs.proposals.thresholdSaved")),
                onError: notifyError,
              });
          }}
          data-testid="needs-threshold"
        />
      </Group>
      {data.proposals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("needs.proposals.none")}
        </Text>
      ) : (
        <Stack gap="xs">
          {data.proposals.map((proposal) => (
            <Group key={proposal.need.id} justify="space-between" wrap="nowrap" data-testid="proposal">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={cluster.path(`needs/${proposal.need.id}`)} size="sm" fw={600}>
                  {proposal.need.title}
                </Anchor>
                <Group gap={4} mt={2}>
                  <Badge size="xs" data-testid="proposal-count">
                    {t("needs.companies", { count: proposal.need.companyCount })}
                  </Badge>
                  <Text size="xs" c="dimmed" truncate>
                    {proposal.companies.map((c) => c.name).join(", ")}
                  </Text>
                </Group>
              </div>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-sm" onClick={() => setOpening(proposal)} data-testid="proposal-open">
                  {t("needs.proposals.open")}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="gray"
                  onClick={() =>
                    mutations.dismiss.mutate(proposal.need.id, {
                      onSuccess: () => notifySuccess(t("needs.proposals.dismissed")),
                      onError: notifyError,
                    })
                  }
                  data-testid="proposal-dismiss"
                >
                  {t("needs.proposals.dismiss")}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {opening && <OpenGroupModal proposal={opening} onClose={() => setOpening(null)} />}
    </Paper>
  );
}
