import { Box, Button, Drawer, Group, Pagination, Select, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconDownload, IconFilter, IconList, IconMap, IconPlus, IconSearchOff } from "@tabler/icons-react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { API_BASE } from "../../api/client";
import { useFormat } from "../../lib/format";
import { Empty } from "../../ui/Empty";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { FullPageLoader } from "../../ui/FullPageLoader";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { useDirectory } from "./api";
import { FacetPanel } from "./FacetPanel";
import { filtersQuery, hasActiveFilters, PAGE_SIZE, SORTS, useDirectoryFilters } from "./filters";
import { RadiusControl } from "./RadiusControl";
import { ResultsTable } from "./ResultsTable";
import { SearchBox } from "./SearchBox";

const MapView = lazy(() => import("./MapView"));

function ExportButtons({ query }: { query: string }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const href = (format: "csv" | "xlsx") =>
    `${API_BASE}${cluster.apiPath("members/export")}?format=${format}${query ? `&${query.slice(1)}` : ""}`;
  return (
    <>
      <Button
        component="a"
        href={href("csv")}
        download
        variant="default"
        leftSection={<IconDownload size={16} />}
        data-testid="export-csv"
      >
        {t("directory.exportCsv")}
      </Button>
      <Button
        component="a"
        href={href("xlsx")}
        download
        variant="default"
        leftSection={<IconDownload size={16} />}
        data-testid="export-xlsx"
      >
        {t("directory.exportXlsx")}
      </Button>
    </>
  );
}

export function DirectoryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const cluster = useCluster();
  const { filters, update, view, setView } = useDirectoryFilters();
  const [drawer, { open: openDrawer, close: closeDrawer }] = useDisclosure(false);
  const directory = useDirectory(filters);
  const data = directory.data;
  const total = data?.total;
  const pages = total ? Math.max(1, Math.ceil(total / PAGE_SIZE)) : 1;
  const active = hasActiveFilters(filters);
  const sortOptions = SORTS.filter((s) => (s !== "distance" || filters.near) && (s !== "relevance" || filters.q)).map(
    (s) => ({ value: s, label: t(`directory.sort.${s}`) }),
  );
  const defaultSort = filters.q ? "relevance" : filters.near ? "distance" : "name";
  const first = (filters.page - 1) * PAGE_SIZE + 1;
  const selectedCount = Object.values(filters.facets).reduce((n, values) => n + values.length, 0);
  const clearAll = () =>
    update({
      q: "",
      near: null,
      within: null,
      facets: { trade: [], sizeClass: [], certification: [], department: [], status: [], kind: [] },
    });
  const facetPanel = (
    <FacetPanel
      facets={data?.facets}
      selected={filters.facets}
      onChange={(name, values) => update({ facets: { ...filters.facets, [name]: values } })}
    />
  );

  return (
    <Box>
      <PageHeader
        title={t("directory.title")}
        subtitle={
          total !== undefined
            ? t("directory.results", { count: total, formatted: format.number(total) })
            : t("common.loading")
        }
        actions={
          cluster.isStaff && (
            <>
              <ExportButtons query={filtersQuery(filters)} />
              <Button
                component={Link}
                to={cluster.path("members/new")}
                leftSection={<IconPlus size={16} />}
                data-testid="member-new"
              >
                {t("directory.newMember")}
              </Button>
            </>
          )
        }
      />
      <Stack gap="sm" mb="md">
        <Group gap="sm" wrap="wrap">
          <SearchBox value={filters.q} onChange={(q) => update({ q }, { replace: true })} />
          <Select
            w={190}
            aria-label={t("directory.sort.label")}
            data={sortOptions}
            value={filters.sort && sortOptions.some((o) => o.value === filters.sort) ? filters.sort : defaultSort}
            onChange={(sort) => update({ sort })}
            data-testid="directory-sort"
            visibleFrom="xs"
          />
          <Button variant="default" hiddenFrom="md" leftSection={<IconFilter size={16} />} onClick={openDrawer}>
            {selectedCount ? `${t("directory.filters")} (${selectedCount})` : t("directory.filters")}
          </Button>
          <Button
            variant="default"
            leftSection={view === "map" ? <IconList size={16} /> : <IconMap size={16} />}
            onClick={() => setView(view === "map" ? "list" : "map")}
            aria-pressed={view === "map"}
            data-testid="map-toggle"
          >
            {view === "map" ? t("directory.viewList") : t("directory.viewMap")}
          </Button>
        </Group>
        <RadiusControl
          near={filters.near}
          within={filters.within}
          originName={data?.origin?.name ?? null}
          onChange={(change) => update({ ...change, sort: change.near ? filters.sort : null })}
        />
      </Stack>
      <Group align="flex-start" gap="xl" wrap="nowrap">
        <Box w={250} miw={250} visibleFrom="md" component="aside" aria-label={t("directory.filters")}>
          {active && (
            <Button variant="subtle" size="compact-xs" mb="sm" onClick={clearAll} data-testid="clear-filters">
              {t("directory.clearFilters")}
            </Button>
          )}
          {facetPanel}
        </Box>
        <Drawer opened={drawer} onClose={closeDrawer} title={t("directory.filters")} size="xs" hiddenFrom="md">
          {facetPanel}
        </Drawer>
        <Box style={{ flex: 1, minWidth: 0 }}>
          {directory.isError && <ErrorDisplay error={directory.error} onRetry={() => directory.refetch()} />}
          {view === "map" ? (
            <Suspense fallback={<FullPageLoader />}>
              <MapView filters={filters} origin={data?.origin ?? null} total={total} />
            </Suspense>
          ) : data && data.total === 0 ? (
            <Empty
              testId="directory-empty"
              icon={<IconSearchOff size={22} stroke={1.5} />}
              title={t("directory.empty.title")}
              description={active ? t("directory.empty.filtered") : t("directory.empty.none")}
              action={
                cluster.isStaff && !active ? (
                  <Button component={Link} to={cluster.path("import")} variant="default">
                    {t("directory.empty.import")}
                  </Button>
                ) : undefined
              }
            />
          ) : (
            !directory.isError && (
              <>
                <ResultsTable items={data?.items} withDistance={Boolean(data?.origin)} loading={directory.isFetching} />
                {data && data.total > 0 && (
                  <Group justify="space-between" mt="md">
                    <Text size="xs" c="dimmed">
                      {t("directory.range", {
                        from: format.number(first),
                        to: format.number(Math.min(first + PAGE_SIZE - 1, data.total)),
                        total: format.number(data.total),
                      })}
                    </Text>
                    {pages > 1 && (
                      <Pagination
                        size="sm"
                        total={pages}
                        value={Math.min(filters.page, pages)}
                        onChange={(page) => update({ page })}
                        data-testid="directory-pagination"
                      />
                    )}
                  </Group>
                )}
              </>
            )
          )}
        </Box>
      </Group>
    </Box>
  );
}
