import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Grid,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconPaperclip } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { DayField } from "../events/fields";
import { notifyError, notifySuccess } from "../members/notify";
import {
  documentUrl,
  eurosToCents,
  type OpportunityDetail,
  STAGES,
  type Stage,
  useOpportunity,
  useOpportunityMutations,
} from "./api";
import { stageColor } from "./BoardPage";
import { ConsortiumPanel } from "./ConsortiumPanel";
import { NeedForm } from "./NeedForm";

function StageControl({ opportunity }: { opportunity: OpportunityDetail }) {
  const { t } = useTranslation();
  const { move } = useOpportunityMutations();
  const [stage, setStage] = useState<Stage>(opportunity.stage);
  const [amount, setAmount] = useState("");
  const [date, setDate] = useState("");
  const [lossReason, setLossReason] = useState("");
  const needsAmount = stage === "bid_sent" || stage === "won";
  const dated = needsAmount || stage === "lost";
  return (
    <Group align="flex-end" gap="sm" data-testid="stage-control">
      <Select
        w={200}
        label={t("opportunities.detail.move")}
        data={STAGES.map((s) => ({ value: s, label: t(`opportunities.stages.${s}`) }))}
        value={stage}
        onChange={(v) => v && setStage(v as Stage)}
        allowDeselect={false}
        data-testid="stage-select"
      />
      {needsAmount && (
        <TextInput
          w={160}
          label={t("opportunities.form.amount")}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          placeholder={opportunity.amountCents != null ? String(opportunity.amountCents / 100) : ""}
        />
      )}
      {dated && <DayField w={160} label={t("opportunities.detail.date")} value={date} onChange={setDate} />}
      {stage === "lost" && (
        <TextInput
          w={220}
          label={t("opportunities.detail.lossReason")}
          value={lossReason}
          onChange={(e) => setLossReason(e.currentTarget.value)}
        />
      )}
      <Button
        variant="light"
        disabled={stage === opportunity.stage}
        loading={move.isPending}
        onClick={() => {
          const cents = eurosToCents(amount);
          if (Number.isNaN(cents)) return notifyError(new Error(t("opportunities.form.invalidAmount")));
          move.mutate(
            {
              id: opportunity.id,
              stage,
              amountCents: cents,
              date: date || null,
              lossReason: stage === "lost" ? lossReason || null : undefined,
            },
            { onSuccess: () => notifySuccess(t("opportunities.detail.moved")), onError: notifyError },
          );
        }}
        data-testid="stage-move"
      >
        {t("opportunities.detail.move")}
      </Button>
    </Group>
  );
}

function Documents({ opportunity }: { opportunity: OpportunityDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const format = useFormat();
  const { upload, removeDocument } = useOpportunityMutations();
  const base = cluster.apiPath(`opportunities/${opportunity.id}`);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} fz="md">
          {t("opportunities.detail.documents")}
        </Title>
        <FileButton
          onChange={(file) =>
            file &&
            upload.mutate(
              { id: opportunity.id, file },
              { onSuccess: () => notifySuccess(t("opportunities.detail.uploaded")), onError: notifyError },
            )
          }
        >
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="light"
              leftSection={<IconPaperclip size={14} />}
              loading={upload.isPending}
            >
              {t("opportunities.detail.upload")}
            </Button>
          )}
        </FileButton>
      </Group>
      {opportunity.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("opportunities.detail.noDocuments")}
        </Text>
      ) : (
        opportunity.documents.map((d) => (
          <Group key={d.id} justify="space-between" gap="xs">
            <Anchor href={documentUrl(base, d.id)} size="sm">
              {d.title}
            </Anchor>
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {d.uploadedBy} · {format.date(d.createdAt)}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() =>
                  removeDocument.mutate({ id: opportunity.id, documentId: d.id }, { onError: notifyError })
                }
              >
                {t("opportunities.detail.remove")}
              </Button>
            </Group>
          </Group>
        ))
      )}
    </Stack>
  );
}

export default function OpportunityPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const cluster = useCluster();
  const format = useFormat();
  const query = useOpportunity(id);
  const { update } = useOpportunityMutations();
  const o = query.data;
  if (query.isError) return <ErrorDisplay error={query.error} onRetry={() => query.refetch()} />;
  if (!o) return <Skeleton h={300} radius="md" />;
  return (
    <Stack gap="md">
      <PageHeader
        before={
          <Anchor component={Link} to={cluster.path("opportunities")} size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} /> {t("opportunities.detail.back")}
            </Group>
          </Anchor>
        }
        title={o.title}
        titleTestId="opportunity-title"
        subtitle={
          <Group gap="xs">
            <Badge color={stageColor[o.stage]} variant="light" data-testid="opportunity-stage">
              {t(`opportunities.stages.${o.stage}`)}
            </Badge>
            <Badge color="gray" variant="outline">
              {t(`opportunities.sources.${o.source}`)}
            </Badge>
            {o.leader && <Text size="sm">{t("opportunities.leader", { name: o.leader.name })}</Text>}
            {o.amountCents != null && <Text size="sm">{format.euros(o.amountCents / 100)}</Text>}
            {(o.bidSentOn || o.closedOn) && (
              <Text size="sm" c="dimmed">
                {t("opportunities.detail.dates", {
                  bid: format.date(o.bidSentOn) || "—",
                  closed: format.date(o.closedOn) || "—",
                })}
              </Text>
            )}
          </Group>
        }
      />
      <Paper withBorder radius="md" p="md">
        <StageControl key={o.stage} opportunity={o} />
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="md" mb="sm">
              {t("opportunities.detail.need")}
            </Title>
            <NeedForm
              key={o.updatedAt}
              opportunity={o}
              submitLabel={t("opportunities.form.save")}
              onSubmit={async (patch) => {
                await update.mutateAsync({ id: o.id, patch });
                notifySuccess(t("opportunities.form.saved"));
              }}
            />
          </Paper>
          <Paper withBorder radius="md" p="md" mt="md">
            <Documents opportunity={o} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder radius="md" p="md">
            <ConsortiumPanel opportunity={o} />
            {o.declined.length > 0 && (
              <Text size="sm" c="dimmed" mt="sm" data-testid="opportunity-declined">
                {t("opportunities.detail.declined")} : {o.declined.map((c) => c.name).join(", ")}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
