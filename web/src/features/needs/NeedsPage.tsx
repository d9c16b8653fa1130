import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  Paper,
  Progress,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconMessageQuestion, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../lib/format";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { type Need, type NeedFilters, type NeedStatus, useNeeds } from "./api";
import { MeTooButton } from "./MeTooButton";
import { PostNeedForm } from "./PostNeedForm";
import { ProposalsPanel } from "./ProposalsPanel";

const STATUSES: (NeedStatus | "all")[] = ["open", "group_opened", "merged", "closed", "all"];

function NeedRow({ need, threshold }: { need: Need; threshold: number }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="need-row">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Anchor component={Link} to={cluster.path(`needs/${need.id}`)} fw={600} c="inherit" data-testid="need-link">
            {need.title}
          </Anchor>
          {need.body && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {need.body}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {t("needs.by", { label: need.author.label, company: need.author.company?.name ?? "—" })} ·{" "}
            {format.date(need.createdAt)}
          </Text>
        </div>
        <Stack gap={6} align="flex-end" miw={150}>
          <Badge variant="light" size="lg" data-testid="need-companies">
            {t("needs.companies", { count: need.companyCount })}
          </Badge>
          {need.status === "open" ? (
            <Progress
              w={120}
              size="sm"
              value={Math.min(100, (need.companyCount / threshold) * 100)}
              aria-label={t("needs.progress", { count: need.companyCount, threshold })}
            />
          ) : (
            <Badge variant="light" color="gray">
              {t(`needs.status.${need.status}`)}
            </Badge>
          )}
          <MeTooButton need={need} />
        </Stack>
      </Group>
    </Paper>
  );
}

export default function NeedsPage() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const [filters, setFilters] = useState<NeedFilters>({ q: "", status: "open", sort: "support", mine: false });
  const [q] = useDebouncedValue(filters.q, 250);
  const needs = useNeeds({ ...filters, q });
  const threshold = needs.data?.threshold ?? 3;
  return (
    <Stack gap="md">
      <PageHeader title={t("needs.title")} subtitle={t("needs.subtitle", { count: threshold })} />
      <ProposalsPanel />
      {cluster.role === "member" && <PostNeedForm />}
      <Group gap="sm">
        <TextInput
          w={280}
          leftSection={<IconSearch size={16} />}
          placeholder={t("needs.filter.search")}
          aria-label={t("needs.filter.search")}
          value={filters.q}
          onChange={(e) => setFilters({ ...filters, q: e.currentTarget.value })}
          data-testid="needs-search"
        />
        <Select
          w={190}
          aria-label={t("needs.filter.status.all")}
          data={STATUSES.map((s) => ({ value: s, label: t(`needs.filter.status.${s}`) }))}
          value={filters.status}
          onChange={(status) => status && setFilters({ ...filters, status: status as NeedFilters["status"] })}
          allowDeselect={false}
          data-testid="needs-status"
        />
        <Select
          w={190}
          aria-label={t("needs.filter.sort.support")}
          data={(["support", "recent"] as const).map((s) => ({ value: s, label: t(`needs.filter.sort.${s}`) }))}
          value={filters.sort}
          onChange={(sort) => sort && setFilters({ ...filters, sort: sort as NeedFilters["sort"] })}
          allowDeselect={false}
        />
        {cluster.role === "member" && (
          <Checkbox
            label={t("needs.filter.mine")}
            checked={filters.mine}
            onChange={(e) => setFilters({ ...filters, mine: e.currentTarget.checked })}
          />
        )}
      </Group>
      {needs.isError && <ErrorDisplay error={needs.error} onRetry={() => needs.refetch()} />}
      {needs.isPending ? (
        <Skeleton h={120} radius="md" />
      ) : needs.data?.needs.length === 0 ? (
        <Empty
          testId="needs-empty"
          icon={<IconMessageQuestion size={22} stroke={1.5} />}
          title={t("needs.empty")}
          description={t("needs.emptyText")}
        />
      ) : (
        <Stack gap="xs" data-testid="needs-list">
          {needs.data?.needs.map((need) => (
            <NeedRow key={need.id} need={need} threshold={threshold} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
