import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { IconExternalLink, IconPlus, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { notifySuccess } from "../members/notify";
import { type Opportunity, STAGES, type Stage, useBoard, useOpportunityMutations, useShowcaseSetting } from "./api";
import { FiguresCard } from "./FiguresCard";
import { NeedForm } from "./NeedForm";

export const stageColor: Record<Stage, string> = {
  lead: "gray",
  qualified: "blue",
  team_formed: "violet",
  bid_sent: "orange",
  won: "teal",
  lost: "red",
};

function Card({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const format = useFormat();
  const o = opportunity;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="opportunity-card">
      <Anchor component={Link} to={cluster.path(`opportunities/${o.id}`)} fw={600} c="inherit" size="sm">
        {o.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {[o.buyer.company, o.site?.town].filter(Boolean).join(" · ") || "—"}
      </Text>
      <Group gap={6} mt={6}>
        <Badge size="xs" variant="light" color="gray">
          {t(`opportunities.sources.${o.source}`)}
        </Badge>
        {o.amountCents != null && (
          <Badge size="xs" variant="light">
            {format.compactEuros(o.amountCents / 100)}
          </Badge>
        )}
        {o.deadline && (
          <Badge size="xs" variant="outline" color="gray">
            {format.date(o.deadline)}
          </Badge>
        )}
      </Group>
      {o.referredBy && o.referredTo && (
        <Text size="xs" mt={4}>
          {t("opportunities.referral", { from: o.referredBy.name, to: o.referredTo.name })}
        </Text>
      )}
      {o.leader ? (
        <Text size="xs" mt={4}>
          {t("opportunities.leader", { name: o.leader.name })}
        </Text>
      ) : (
        o.team.invited > 0 && (
          <Text size="xs" mt={4} c="violet">
            {t("opportunities.team", o.team)}
          </Text>
        )
      )}
    </Paper>
  );
}

function ShowcaseSwitch() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const setting = useShowcaseSetting(true);
  const { setShowcase } = useOpportunityMutations();
  const online = setting.data?.showcaseEnabled ?? false;
  return (
    <Group gap="xs">
      <Switch
        label={t("opportunities.showcase.online")}
        checked={online}
        disabled={setting.isPending || setShowcase.isPending}
        onChange={(e) => setShowcase.mutate(e.currentTarget.checked)}
        data-testid="showcase-switch"
      />
      {online && (
        <Anchor href={`/vitrine/${cluster.slug}`} target="_blank" size="sm">
          <Group gap={4}>
            {t("opportunities.showcase.open")} <IconExternalLink size={14} />
          </Group>
        </Anchor>
      )}
    </Group>
  );
}

export default function BoardPage() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 250);
  const board = useBoard(debounced);
  const [creating, { open, close }] = useDisclosure(false);
  const { create } = useOpportunityMutations();
  const byStage = (stage: Stage) => (board.data ?? []).filter((o) => o.stage === stage);
  return (
    <Stack gap="md">
      <PageHeader
        title={t("opportunities.title")}
        subtitle={t("opportunities.subtitle")}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="opportunity-new">
            {t("opportunities.new")}
          </Button>
        }
      />
      <Group justify="space-between" align="flex-start">
        <TextInput
          w={280}
          leftSection={<IconSearch size={16} />}
          placeholder={t("opportunities.search")}
          aria-label={t("opportunities.search")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <ShowcaseSwitch />
      </Group>
      <FiguresCard />
      {board.isError && <ErrorDisplay error={board.error} onRetry={() => board.refetch()} />}
      {board.isPending ? (
        <Skeleton h={240} radius="md" />
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="sm" data-testid="opportunity-board">
            {STAGES.map((stage) => (
              <Paper
                key={stage}
                w={250}
                miw={250}
                p="xs"
                radius="md"
                bg="var(--mantine-color-gray-0)"
                data-testid={`column-${stage}`}
              >
                <Group justify="space-between" mb="xs">
                  <Title order={2} fz="sm" fw={650}>
                    {t(`opportunities.stages.${stage}`)}
                  </Title>
                  <Badge color={stageColor[stage]} variant="light">
                    {byStage(stage).length}
                  </Badge>
                </Group>
                <Stack gap="xs">
                  {byStage(stage).map((o) => (
                    <Card key={o.id} opportunity={o} />
                  ))}
                  {byStage(stage).length === 0 && (
                    <Text size="xs" c="dimmed" ta="center" py="sm">
                      {t("opportunities.empty")}
                    </Text>
                  )}
                </Stack>
              </Paper>
            ))}
          </Group>
        </ScrollArea>
      )}
      <Modal opened={creating} onClose={close} title={t("opportunities.new")} size="lg">
        <NeedForm
          submitLabel={t("opportunities.form.create")}
          onSubmit={async (input) => {
            const created = await create.mutateAsync(input);
            notifySuccess(t("opportunities.form.created"));
            close();
            navigate(cluster.path(`opportunities/${created.id}`));
          }}
        />
      </Modal>
    </Stack>
  );
}
