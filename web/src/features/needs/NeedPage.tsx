import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { notifyError, notifySuccess } from "../members/notify";
import { type NeedDetail, useNeed, useNeedMutations, useSimilarNeeds } from "./api";
import { MeTooButton } from "./MeTooButton";

/** Staff: needs like this one, to merge it into. */
function SimilarToMerge({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const similar = useSimilarNeeds(`${need.title}\n${need.body ?? ""}`, need.id);
  const mutations = useNeedMutations();
  const candidates = (similar.data ?? []).filter((s) => s.status === "open");
  return (
    <Section title={t("needs.detail.similar")} testId="section-similar">
      {need.status === "open" && (
        <Text size="xs" c="dimmed" mb="xs">
          {t("needs.detail.mergeHelp")}
        </Text>
      )}
      {candidates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("needs.detail.noSimilar")}
        </Text>
      ) : (
        <Stack gap={6}>
          {candidates.map((s) => (
            <Group key={s.id} justify="space-between" wrap="nowrap" data-testid="merge-candidate">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={cluster.path(`needs/${s.id}`)} size="sm" truncate>
                  {s.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t("needs.companies", { count: s.companyCount })} · {Math.round(s.score * 100)} %
                </Text>
              </div>
              {need.status === "open" && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() =>
                    mutations.merge.mutate(
                      { id: need.id, intoId: s.id },
                      { onSuccess: () => notifySuccess(t("needs.detail.merged")), onError: notifyError },
                    )
                  }
                  data-testid="merge-into"
                >
                  {t("needs.detail.merge")}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}

export default function NeedPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const cluster = useCluster();
  const format = useFormat();
  const query = useNeed(id);
  const mutations = useNeedMutations();
  if (query.isError) return <ErrorDisplay error={query.error} onRetry={() => query.refetch()} fullPage />;
  const need = query.data;
  if (!need) return <Skeleton h={300} radius="md" />;
  return (
    <>
      <PageHeader
        before={
          <Breadcrumbs mb="xs" fz="xs">
            <Anchor component={Link} to={cluster.path("needs")} size="xs">
              {t("needs.detail.back")}
            </Anchor>
            <Text size="xs" c="dimmed" truncate maw={300}>
              {need.title}
            </Text>
          </Breadcrumbs>
        }
        title={need.title}
        titleTestId="need-title-heading"
        subtitle={
          <Group gap={6}>
            <Badge variant="light">{t(`needs.status.${need.status}`)}</Badge>
            <Badge variant="light" color="teal" data-testid="need-detail-companies">
              {t("needs.companies", { count: need.companyCount })}
            </Badge>
            <Text size="xs" c="dimmed">
              {t("needs.detail.author")}{" "}
              {t("needs.by", { label: need.author.label, company: need.author.company?.name ?? "—" })} ·{" "}
              {format.date(need.createdAt)}
            </Text>
          </Group>
        }
        actions={
          <>
            <MeTooButton need={need} />
            {cluster.isStaff && (need.status === "open" || need.status === "closed") && (
              <Button
                variant="default"
                onClick={() =>
                  mutations.update.mutate(
                    { id: need.id, patch: { status: need.status === "open" ? "closed" : "open" } },
                    { onError: notifyError },
                  )
                }
              >
                {need.status === "open" ? t("needs.detail.close") : t("needs.detail.reopen")}
              </Button>
            )}
          </>
        }
      />
      {need.mergedIntoId && (
        <Alert mb="md" color="gray">
          {t("needs.detail.mergedInto")}{" "}
          <Anchor component={Link} to={cluster.path(`needs/${need.mergedIntoId}`)}>
            {t("needs.detail.seeMerged")}
          </Anchor>
        </Alert>
      )}
      {need.workingGroupId && (
        <Alert mb="md" color="teal">
          <Anchor component={Link} to={cluster.path(`groups/${need.workingGroupId}`)} data-testid="need-group-link">
            {t("needs.detail.group")}
          </Anchor>
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {need.body && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {need.body}
              </Text>
            )}
            <Section title={t("needs.detail.supporters")} testId="section-supporters">
              {need.supporters.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("needs.detail.noSupporters")}
                </Text>
              ) : (
                <Stack gap="xs">
                  {need.supporters.map((s) => (
                    <div key={s.company.id} data-testid="supporter">
                      <Text size="sm" fw={600}>
                        {s.company.name}{" "}
                        <Text span size="xs" c="dimmed" fw={400}>
                          {s.label} · {format.date(s.createdAt)}
                        </Text>
                      </Text>
                      {s.comment && (
                        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                          {s.comment}
                        </Text>
                      )}
                    </div>
                  ))}
                </Stack>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {cluster.isStaff && <SimilarToMerge need={need} />}
            {need.mergedFrom.length > 0 && (
              <Section title={t("needs.detail.mergedFrom")}>
                <Stack gap={4}>
                  {need.mergedFrom.map((m) => (
                    <Anchor key={m.id} component={Link} to={cluster.path(`needs/${m.id}`)} size="sm">
                      {m.title}
                    </Anchor>
                  ))}
                </Stack>
              </Section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
