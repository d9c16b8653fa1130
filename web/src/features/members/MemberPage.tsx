import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, Menu, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import {
  IconChevronDown,
  IconHistory,
  IconId,
  IconMapPin,
  IconMessages,
  IconPencil,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { Member } from "../../api/types";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { ContactLogTab } from "../contacts/ContactLogTab";
import { useMember } from "./api";
import { StatusBadge } from "./badges";
import { DeleteMemberModal } from "./DeleteMemberModal";
import { HistoryTab } from "./HistoryTab";
import { ContactSection, EquipmentSection, FiguresSection, ProfileSection, VisibilitySection } from "./MemberSections";
import { MembershipSection } from "./MembershipSection";
import { PeopleSection } from "./PeopleSection";

function MemberActions({ member }: { member: Member }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const [deleting, setDeleting] = useState(false);
  if (!member.canEdit) return null;
  const own = cluster.role === "member" && cluster.memberId === member.id;
  const editPath = own ? cluster.path("my-company") : cluster.path(`members/${member.id}/edit`);
  return (
    <>
      <Button component={Link} to={editPath} leftSection={<IconPencil size={16} />} data-testid="member-edit">
        {t("common.edit")}
      </Button>
      {cluster.isStaff && (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={14} />} data-testid="member-more">
              {t("common.more")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(true)}>
              {t("member.delete")}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {deleting && <DeleteMemberModal member={member} onClose={() => setDeleting(false)} />}
    </>
  );
}

export function MemberHeader({ member }: { member: Member }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  return (
    <PageHeader
      before={
        cluster.role !== "funder" && (
          <Breadcrumbs mb="xs" fz="xs">
            <Anchor component={Link} to={cluster.path("members")} size="xs">
              {t("nav.directory")}
            </Anchor>
            <Text size="xs" c="dimmed" truncate maw={300}>
              {member.legalName}
            </Text>
          </Breadcrumbs>
        )
      }
      title={member.legalName}
      titleTestId="member-title"
      subtitle={
        <Group gap="xs" mt={2}>
          {member.tradeName && member.tradeName !== member.legalName && <Text size="sm">{member.tradeName}</Text>}
          <Badge color="gray" variant="light" leftSection={<IconId size={12} />}>
            {t(`enums.kind.${member.kind}`)}
          </Badge>
          <StatusBadge status={member.status} />
          {member.town && (
            <Group gap={4}>
              <IconMapPin size={14} />
              <Text size="sm">
                {member.town}
                {member.department ? ` (${member.department})` : ""}
              </Text>
            </Group>
          )}
        </Group>
      }
      actions={<MemberActions member={member} />}
    />
  );
}

function Overview({ member }: { member: Member }) {
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          <ProfileSection member={member} />
          <PeopleSection member={member} />
          <EquipmentSection member={member} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <ContactSection member={member} />
          <FiguresSection member={member} />
          <MembershipSection member={member} />
          <VisibilitySection member={member} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function MemberSkeleton() {
  return (
    <Stack gap="md" aria-hidden>
      <Skeleton h={28} w={320} />
      <Skeleton h={16} w={220} />
      <Grid mt="md">
        <Grid.Col span={8}>
          <Skeleton h={220} />
        </Grid.Col>
        <Grid.Col span={4}>
          <Skeleton h={220} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export default function MemberPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const cluster = useCluster();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const member = useMember(id);
  const requested = params.get("tab");
  const tab = cluster.isStaff && (requested === "history" || requested === "contacts") ? requested : "overview";

  if (member.isPending) return <MemberSkeleton />;
  if (member.isError) {
    return (
      <ErrorDisplay
        error={member.error}
        action={
          <Button size="xs" variant="default" onClick={() => navigate(cluster.path("members"))}>
            {t("member.backToDirectory")}
          </Button>
        }
      />
    );
  }
  const data = member.data;
  return (
    <>
      <MemberHeader member={data} />
      {cluster.isStaff ? (
        <Tabs
          value={tab}
          onChange={(value) => setParams(value && value !== "overview" ? { tab: value } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="overview" leftSection={<IconId size={14} />}>
              {t("member.tabs.overview")}
            </Tabs.Tab>
            <Tabs.Tab value="contacts" leftSection={<IconMessages size={14} />} data-testid="tab-contacts">
              {t("contacts.tab")}
            </Tabs.Tab>
            <Tabs.Tab value="history" leftSection={<IconHistory size={14} />} data-testid="tab-history">
              {t("member.tabs.history")}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview">
            <Overview member={data} />
          </Tabs.Panel>
          <Tabs.Panel value="contacts">
            <ContactLogTab member={data} />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <HistoryTab memberId={data.id} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Overview member={data} />
      )}
    </>
  );
}
