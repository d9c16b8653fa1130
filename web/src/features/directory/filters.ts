import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { queryString } from "../../api/client";
import { type FacetName, facetNames } from "../../api/types";

/** A directory view, as kept in the page's query string (the same keys as the API's). */
export interface DirectoryFilters {
  q: string;
  facets: Record<FacetName, string[]>;
  near: string | null;
  within: number | null;
  sort: string | null;
  page: number;
}

export const SORTS = ["relevance", "name", "distance", "size", "joined", "updated"] as const;
export const RADIUS_PRESETS = [30, 60, 90, 120, 180] as const;
export const DEFAULT_WITHIN = 120;
export const PAGE_SIZE = 25;

const list = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

export function readFilters(params: URLSearchParams): DirectoryFilters {
  const facets = {} as Record<FacetName, string[]>;
  for (const name of facetNames) facets[name] = list(params.get(name));
  const within = Number(params.get("within"));
  const page = Number(params.get("page"));
  const sort = params.get("sort");
  return {
    q: params.get("q") ?? "",
    facets,
    near: params.get("near") || null,
    within: Number.isFinite(within) && within > 0 ? within : null,
    sort: sort && (SORTS as readonly string[]).includes(sort) ? sort : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The filters as API query parameters (without paging). */
export function filterParams(filters: DirectoryFilters): Record<string, string | number | string[] | null> {
  return {
    q: filters.q.trim() || null,
    ...filters.facets,
    near: filters.near,
    within: filters.near ? (filters.within ?? DEFAULT_WITHIN) : null,
    sort: filters.sort,
  };
}

export const filtersQuery = (filters: DirectoryFilters, extra: Record<string, string | number | null> = {}) =>
  queryString({ ...filterParams(filters), ...extra });

export const hasActiveFilters = (filters: DirectoryFilters) =>
  Boolean(filters.q.trim() || filters.near || facetNames.some((name) => filters.facets[name].length));

export function useDirectoryFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const view = params.get("view") === "map" ? "map" : "list";

  /** Changes some filters; any change but paging goes back to page 1. */
  const update = useCallback(
    (change: Partial<DirectoryFilters>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = { ...readFilters(current), ...change };
          if (!("page" in change)) next.page = 1;
          const search = new URLSearchParams(queryString(filterParams(next)).slice(1));
          if (next.page > 1) search.set("page", String(next.page));
          const view = current.get("view");
          if (view) search.set("view", view);
          return search;
        },
        { replace: options.replace },
      );
    },
    [setParams],
  );

  const setView = useCallback(
    (next: "list" | "map") => {
      setParams((current) => {
        const search = new URLSearchParams(current);
        if (next === "map") search.set("view", "map");
        else search.delete("view");
        return search;
      });
    },
    [setParams],
  );

  return { filters, update, view, setView } as const;
}
