import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { DirectoryResult, MapPoint } from "../../api/types";
import { useCluster } from "../auth/cluster";
import { type DirectoryFilters, filtersQuery, PAGE_SIZE } from "./filters";

export function useDirectory(filters: DirectoryFilters, pageSize = PAGE_SIZE) {
  const cluster = useCluster();
  const query = filtersQuery(filters, { page: filters.page > 1 ? filters.page : null, pageSize });
  return useQuery({
    queryKey: ["directory", cluster.slug, query],
    queryFn: () => api.get<DirectoryResult>(`${cluster.apiPath("members")}${query}`),
    placeholderData: keepPreviousData,
  });
}

export function useMapPoints(filters: DirectoryFilters, enabled: boolean) {
  const cluster = useCluster();
  const query = filtersQuery(filters);
  return useQuery({
    queryKey: ["directory-map", cluster.slug, query],
    queryFn: () => api.get<{ points: MapPoint[] }>(`${cluster.apiPath("members/map")}${query}`).then((r) => r.points),
    placeholderData: keepPreviousData,
    enabled,
  });
}
