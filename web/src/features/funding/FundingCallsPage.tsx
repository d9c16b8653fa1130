import { Badge, Button, Grid, Group, Paper, Skeleton, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconPlus, IconSpeakerphone } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useFormat } from "../../lib/format";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { type FundingCall, useFundingCalls } from "./api";
import { CallDetail } from "./CallDetail";
import { CallFormModal } from "./CallFormModal";
import { stateColor } from "./callState";

function CallCard({ call, active, onClick }: { call: FundingCall; active: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { state } = call;
  return (
    <UnstyledButton onClick={onClick} data-testid="call-card" data-call-id={call.id}>
      <Paper withBorder radius="md" p="sm" bg={active ? "violet.0" : undefined}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text fw={600} size="sm" lineClamp={2}>
            {call.title}
          </Text>
          <Badge size="sm" variant="light" color={stateColor[state]}>
            {t(`funding.calls.${state}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" mt={2}>
          {call.funderName} ·{" "}
          {state === "upcoming" && call.opensOn
            ? t("funding.calls.opens", { date: format.date(call.opensOn) })
            : t("funding.calls.closes", { date: format.date(call.closesOn) })}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

/** Funding calls: the list (open ones first), the chosen call's eligible members and the notice. */
export default function FundingCallsPage() {
  const { t } = useTranslation();
  const calls = useFundingCalls();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const select = (id: string) => setParams({ call: id }, { replace: true });
  // The server lists the open calls first.
  const sorted = calls.data ?? [];
  const current = sorted.find((c) => c.id === params.get("call")) ?? sorted[0];
  return (
    <Stack gap={0}>
      <PageHeader
        title={t("funding.calls.title")}
        subtitle={t("funding.calls.subtitle")}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="call-new">
            {t("funding.calls.new")}
          </Button>
        }
      />
      {calls.isError && <ErrorDisplay error={calls.error} onRetry={() => calls.refetch()} />}
      {calls.isPending ? (
        <Skeleton h={200} />
      ) : sorted.length === 0 ? (
        <Empty
          testId="calls-empty"
          icon={<IconSpeakerphone size={22} stroke={1.5} />}
          title={t("funding.calls.none")}
          description={t("funding.calls.noneText")}
        />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="xs" data-testid="call-list">
              {sorted.map((call) => (
                <CallCard key={call.id} call={call} active={call.id === current?.id} onClick={() => select(call.id)} />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>{current && <CallDetail key={current.id} call={current} />}</Grid.Col>
        </Grid>
      )}
      {creating && <CallFormModal onClose={() => setCreating(false)} onCreated={select} />}
    </Stack>
  );
}
