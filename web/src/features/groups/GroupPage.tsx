import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconCalendarPlus, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { ActionPlan } from "./ActionPlan";
import { type GroupDetail, useGroup } from "./api";
import { Deliverables } from "./Deliverables";
import { GroupFormModal } from "./GroupFormModal";
import { GroupMembers } from "./GroupMembers";

function Meetings({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const format = useFormat();
  return (
    <Section
      title={t("groups.sections.meetings")}
      testId="section-meetings"
      action={
        group.canManage && (
          <Button
            size="compact-xs"
            variant="subtle"
            component={Link}
            to={`${cluster.path("events/new")}?workingGroupId=${group.id}`}
            leftSection={<IconCalendarPlus size={14} />}
            data-testid="meeting-new"
          >
            {t("groups.meetings.new")}
          </Button>
        )
      }
    >
      {group.meetings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("groups.meetings.none")}
        </Text>
      ) : (
        <Stack gap={4}>
          {group.meetings.map((m) => (
            <Group key={m.occurrenceId} justify="space-between" wrap="nowrap" data-testid="meeting-row">
              <Anchor component={Link} to={cluster.path(`occurrences/${m.occurrenceId}`)} size="sm" truncate>
                {m.title}
              </Anchor>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {format.dateTime(m.startsAt)}
                </Text>
                {m.status !== "scheduled" && (
                  <Badge size="xs" color="gray" variant="light">
                    {t(`groups.meetings.status.${m.status}` as never)}
                  </Badge>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

export default function GroupPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const cluster = useCluster();
  const group = useGroup(id);
  const [editing, setEditing] = useState(false);
  if (group.isError) return <ErrorDisplay error={group.error} onRetry={() => group.refetch()} fullPage />;
  if (!group.data) return <Skeleton h={300} radius="md" />;
  const g = group.data;
  return (
    <>
      <PageHeader
        before={
          <Breadcrumbs mb="xs" fz="xs">
            <Anchor component={Link} to={cluster.path("groups")} size="xs">
              {t("groups.title")}
            </Anchor>
            <Text size="xs" c="dimmed" truncate maw={300}>
              {g.name}
            </Text>
          </Breadcrumbs>
        }
        title={g.name}
        titleTestId="group-title"
        subtitle={
          <Stack gap={4}>
            <Text size="sm">{g.theme}</Text>
            <Group gap={6}>
              <Badge variant="light">{t(`groups.workstream.${g.workstream}`)}</Badge>
              <Badge variant="light" color={g.status === "active" ? "teal" : "gray"}>
                {t(`groups.status.${g.status}`)}
              </Badge>
              <Text size="xs" c="dimmed" data-testid="group-leader-name">
                {g.leader ? `${t("groups.leader")} : ${g.leader.name} (${g.leader.memberName})` : t("groups.noLeader")}
              </Text>
              {g.originNeedId && (
                <Anchor component={Link} to={cluster.path(`needs/${g.originNeedId}`)} size="xs">
                  {t("groups.fromNeed")}
                </Anchor>
              )}
            </Group>
          </Stack>
        }
        actions={
          g.canManage && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
              data-testid="group-edit"
            >
              {t("common.edit")}
            </Button>
          )
        }
      />
      {g.description && (
        <Text size="sm" mb="md" style={{ whiteSpace: "pre-wrap" }}>
          {g.description}
        </Text>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <ActionPlan group={g} />
            <Deliverables group={g} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <GroupMembers group={g} />
            <Meetings group={g} />
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <GroupFormModal group={g} onClose={() => setEditing(false)} />}
    </>
  );
}
