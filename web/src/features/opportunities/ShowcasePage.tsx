import {
  Anchor,
  Badge,
  Box,
  Container,
  Grid,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../../api/client";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { Logo } from "../../ui/Logo";
import { RemoteSelect } from "../../ui/RemoteSelect";
import { ShowcaseNeedForm } from "./ShowcaseNeedForm";
import {
  type PublicCommune,
  type ShowcaseFilters,
  type ShowcaseMember,
  showcaseCommunes,
  useShowcase,
} from "./showcaseApi";

const WITHIN = [30, 60, 90, 120, 180];

function MemberCard({ member }: { member: ShowcaseMember }) {
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="showcase-member">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fw={650}>{member.name}</Text>
        {member.roadMinutes !== undefined && (
          <Badge variant="light" color="gray">
            {format.duration(member.roadMinutes)}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {[member.town, member.department].filter(Boolean).join(" · ")}
      </Text>
      {member.description && (
        <Text size="sm" mt={6} lineClamp={3}>
          {member.description}
        </Text>
      )}
      <Group gap={4} mt={6}>
        {member.trades.map((t) => (
          <Badge key={t.code} size="sm" variant="light">
            {t.label}
          </Badge>
        ))}
        {member.certifications.map((c) => (
          <Badge key={c} size="sm" variant="outline" color="teal">
            {c}
          </Badge>
        ))}
      </Group>
      {member.website && (
        <Anchor href={member.website} target="_blank" rel="noopener noreferrer" size="xs" mt={6} display="block">
          {member.website.replace(/^https?:\/\//, "")}
        </Anchor>
      )}
    </Paper>
  );
}

/** A cluster's public showcase: no sign-in; only what members made public; and the need form. */
export default function ShowcasePage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ShowcaseFilters>({
    q: "",
    trade: null,
    certification: null,
    department: null,
    near: null,
    within: 60,
    page: 1,
  });
  const [q] = useDebouncedValue(filters.q, 250);
  const showcase = useShowcase(slug, { ...filters, q });
  const set = (patch: Partial<ShowcaseFilters>) => setFilters({ ...filters, page: 1, ...patch });
  const data = showcase.data;
  useEffect(() => {
    if (data) document.title = `${data.cluster.name} · ${t("app.name")}`;
  }, [data, t]);
  const offline = showcase.error instanceof ApiError && showcase.error.status === 404;
  const facetOptions = (list: { value: string; label: string; count: number }[]) =>
    list.map((f) => ({ value: f.value, label: `${f.label} (${f.count})` }));
  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh">
      <Box bg="white" py="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="xl">
          <Group justify="space-between">
            <Logo />
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container size="xl" py="lg">
        {offline ? (
          <Text c="dimmed" ta="center" py="xl" data-testid="showcase-offline">
            {t("opportunities.public.offline")}
          </Text>
        ) : showcase.isError ? (
          <ErrorDisplay error={showcase.error} onRetry={() => showcase.refetch()} />
        ) : !data ? (
          <Skeleton h={400} radius="md" />
        ) : (
          <Stack gap="md">
            <div>
              <Title order={1} fz={26} data-testid="showcase-title">
                {t("opportunities.public.title", { name: data.cluster.name })}
              </Title>
              <Text c="dimmed">{data.cluster.description ?? t("opportunities.public.subtitle")}</Text>
            </div>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack gap="sm">
                  <TextInput
                    leftSection={<IconSearch size={16} />}
                    placeholder={t("opportunities.public.search")}
                    aria-label={t("opportunities.public.search")}
                    value={filters.q}
                    onChange={(e) => set({ q: e.currentTarget.value })}
                    data-testid="showcase-search"
                  />
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                    <Select
                      placeholder={t("opportunities.public.trade")}
                      aria-label={t("opportunities.public.trade")}
                      data={facetOptions(data.facets.trade)}
                      value={filters.trade}
                      onChange={(trade) => set({ trade })}
                      clearable
                      searchable
                      data-testid="showcase-trade"
                    />
                    <Select
                      placeholder={t("opportunities.public.certification")}
                      aria-label={t("opportunities.public.certification")}
                      data={facetOptions(data.facets.certification)}
                      value={filters.certification}
                      onChange={(certification) => set({ certification })}
                      clearable
                    />
                    <Select
                      placeholder={t("opportunities.public.department")}
                      aria-label={t("opportunities.public.department")}
                      data={facetOptions(data.facets.department)}
                      value={filters.department}
                      onChange={(department) => set({ department })}
                      clearable
                    />
                  </SimpleGrid>
                  <Group gap="xs" grow>
                    <RemoteSelect<PublicCommune>
                      placeholder={t("opportunities.public.near")}
                      aria-label={t("opportunities.public.near")}
                      queryKey={`showcase-near-${slug}`}
                      minChars={2}
                      load={async (text) =>
                        (await showcaseCommunes(slug, text)).map((c) => ({
                          value: c.insee,
                          label: `${c.name} (${c.department})`,
                          item: c,
                        }))
                      }
                      value={filters.near}
                      onChange={(near) => set({ near })}
                    />
                    <Select
                      aria-label={t("opportunities.public.within")}
                      data={WITHIN.map((m) => ({ value: String(m), label: `≤ ${m} min` }))}
                      value={String(filters.within)}
                      onChange={(v) => v && set({ within: Number(v) })}
                      allowDeselect={false}
                      disabled={!filters.near}
                    />
                  </Group>
                  <Text size="sm" c="dimmed" data-testid="showcase-total">
                    {t("opportunities.public.results", { count: data.total })}
                  </Text>
                  {data.items.length === 0 ? (
                    <Text c="dimmed">{t("opportunities.public.none")}</Text>
                  ) : (
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      {data.items.map((m) => (
                        <MemberCard key={m.id} member={m} />
                      ))}
                    </SimpleGrid>
                  )}
                  {data.total > data.pageSize && (
                    <Pagination
                      total={Math.ceil(data.total / data.pageSize)}
                      value={filters.page}
                      onChange={(page) => setFilters({ ...filters, page })}
                    />
                  )}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Paper withBorder radius="md" p="md" bg="white" pos="relative">
                  <Title order={2} fz="lg">
                    {t("opportunities.public.submit")}
                  </Title>
                  <Text size="sm" c="dimmed" mb="sm">
                    {t("opportunities.public.submitHelp")}
                  </Text>
                  <ShowcaseNeedForm slug={slug} trades={data.trades} />
                </Paper>
              </Grid.Col>
            </Grid>
          </Stack>
        )}
      </Container>
    </Box>
  );
}
