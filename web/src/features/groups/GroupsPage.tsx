import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from "@mantine/core";
import { IconPlus, IconUsersGroup } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { type GroupStatus, type GroupSummary, useGroups, WORKSTREAMS, type Workstream } from "./api";
import { GroupFormModal } from "./GroupFormModal";

function GroupCard({ group }: { group: GroupSummary }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component={Link}
      to={cluster.path(`groups/${group.id}`)}
      style={{ textDecoration: "none", color: "inherit" }}
      data-testid="group-card"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text fw={600} lineClamp={2}>
          {group.name}
        </Text>
        {group.status === "closed" && (
          <Badge color="gray" variant="light">
            {t("groups.status.closed")}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" lineClamp={2} mt={2}>
        {group.theme}
      </Text>
      <Group gap={6} mt="sm">
        <Badge variant="light">{t(`groups.workstream.${group.workstream}`)}</Badge>
        {group.myStatus && (
          <Badge color={group.myStatus === "invited" ? "orange" : "teal"} variant="light" data-testid="group-my-status">
            {t(`groups.membership.${group.myStatus}`)}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt="sm">
        {group.leader
          ? `${t("groups.leader")} : ${group.leader.name} (${group.leader.memberName})`
          : t("groups.noLeader")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("groups.counts", { members: group.memberCount, invited: group.invitedCount, actions: group.openActions })}
      </Text>
    </Paper>
  );
}

export default function GroupsPage() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const [workstream, setWorkstream] = useState<Workstream | null>(null);
  const [status, setStatus] = useState<GroupStatus | "all">("active");
  const [creating, setCreating] = useState(false);
  const groups = useGroups({ workstream, status: status === "all" ? null : status });
  return (
    <Stack gap={0}>
      <PageHeader
        title={t("groups.title")}
        subtitle={groups.data ? t("groups.subtitle", { count: groups.data.length }) : t("common.loading")}
        actions={
          cluster.isStaff && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="group-new">
              {t("groups.new")}
            </Button>
          )
        }
      />
      <Group gap="sm" mb="md">
        <Select
          w={300}
          aria-label={t("groups.field.workstream")}
          placeholder={t("groups.allWorkstreams")}
          data={WORKSTREAMS.map((w) => ({ value: w, label: t(`groups.workstream.${w}`) }))}
          value={workstream}
          onChange={(value) => setWorkstream(value as Workstream | null)}
          clearable
          data-testid="groups-workstream"
        />
        <SegmentedControl
          value={status}
          onChange={(value) => setStatus(value as GroupStatus | "all")}
          data={[
            { value: "active", label: t("groups.status.active") },
            { value: "closed", label: t("groups.status.closed") },
            { value: "all", label: t("groups.allStatuses") },
          ]}
        />
      </Group>
      {groups.isError && <ErrorDisplay error={groups.error} onRetry={() => groups.refetch()} />}
      {groups.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={140} radius="md" />
          ))}
        </SimpleGrid>
      ) : groups.data?.length === 0 ? (
        <Empty
          testId="groups-empty"
          icon={<IconUsersGroup size={22} stroke={1.5} />}
          title={t("groups.empty")}
          description={t("groups.emptyText")}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {groups.data?.map((group) => (
            <GroupCard key={group.id} group={group} />
          ))}
        </SimpleGrid>
      )}
      {creating && <GroupFormModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
