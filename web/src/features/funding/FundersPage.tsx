import { Anchor, Badge, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconBuildingBank, IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { type Target, useReportDashboard } from "../reports/api";
import { type Funder, type Grant, useFunders, useGrants } from "./api";
import { FunderModal } from "./FunderModal";
import { FundingMixCard } from "./FundingMixCard";
import { GrantCard } from "./GrantCard";
import { GrantModal } from "./GrantModal";

function FunderSection({ funder, grants, actuals }: { funder: Funder; grants: Grant[]; actuals: Map<string, Target> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  return (
    <Section
      testId="funder-section"
      title={
        <Group gap="xs" component="span">
          <span data-testid="funder-title">{funder.name}</span>
          <Badge variant="light" color="gray" size="sm">
            {t(`funding.kind.${funder.kind}`)}
          </Badge>
        </Group>
      }
      action={
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            {t("common.edit")}
          </Button>
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
            data-testid="grant-new"
          >
            {t("funding.grants.new")}
          </Button>
        </Group>
      }
    >
      {(funder.contactName || funder.contactEmail) && (
        <Text size="xs" c="dimmed" mb="sm">
          {funder.contactName}
          {funder.contactEmail && (
            <>
              {funder.contactName && " · "}
              <Anchor href={`mailto:${funder.contactEmail}`} size="xs">
                {funder.contactEmail}
              </Anchor>
            </>
          )}
        </Text>
      )}
      <Stack gap="sm">
        {grants.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("funding.funders.noGrant")}
          </Text>
        ) : (
          grants.map((grant) => <GrantCard key={grant.id} grant={grant} actuals={actuals} />)
        )}
      </Stack>
      {editing && <FunderModal funder={funder} onClose={() => setEditing(false)} />}
      {adding && <GrantModal funderId={funder.id} onClose={() => setAdding(false)} />}
    </Section>
  );
}

/** Funders, their grants and funded actions (target beside the year's actual), and the year's funding mix. */
export default function FundersPage() {
  const { t } = useTranslation();
  const funders = useFunders();
  const grants = useGrants();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const dashboard = useReportDashboard(year);
  const [creating, setCreating] = useState(false);
  const actuals = new Map((dashboard.data?.targets ?? []).map((target) => [target.actionId, target]));
  const error = funders.error ?? grants.error;
  return (
    <Stack gap="md">
      <PageHeader
        title={t("funding.funders.title")}
        subtitle={t("funding.funders.subtitle")}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="funder-new">
            {t("funding.funders.new")}
          </Button>
        }
      />
      <FundingMixCard year={year} onYear={setYear} />
      {error && (
        <ErrorDisplay
          error={error}
          onRetry={() => {
            void funders.refetch();
            void grants.refetch();
          }}
        />
      )}
      {funders.isPending || grants.isPending ? (
        <Skeleton h={200} />
      ) : funders.data?.length === 0 ? (
        <Empty
          testId="funders-empty"
          icon={<IconBuildingBank size={22} stroke={1.5} />}
          title={t("funding.funders.none")}
        />
      ) : (
        funders.data?.map((funder) => (
          <FunderSection
            key={funder.id}
            funder={funder}
            grants={(grants.data ?? [])
              .filter((g) => g.funder.id === funder.id)
              .sort((a, b) => b.periodStart.localeCompare(a.periodStart))}
            actuals={actuals}
          />
        ))
      )}
      {creating && <FunderModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
