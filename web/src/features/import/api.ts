import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_BASE, api } from "../../api/client";
import type { ColumnMapping, ImportPreview, ImportResult, ImportRun } from "../../api/types";
import { useCluster } from "../auth/cluster";

export type MappingState = Record<number, ColumnMapping | null>;
export type OnExisting = "update" | "reject";

export function usePreview() {
  const cluster = useCluster();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append("file", file);
      return api.post<ImportPreview>(cluster.apiPath("imports/preview"), body);
    },
  });
}

export function useRunImport() {
  const cluster = useCluster();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping, onExisting }: { file: File; mapping: MappingState; onExisting: OnExisting }) => {
      const body = new FormData();
      body.append("file", file);
      body.append("mapping", JSON.stringify(mapping));
      body.append("onExisting", onExisting);
      return api.post<ImportResult>(cluster.apiPath("imports"), body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["imports", cluster.slug] });
      void client.invalidateQueries({ queryKey: ["directory"] });
      void client.invalidateQueries({ queryKey: ["directory-map"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      void client.invalidateQueries({ queryKey: ["member"] });
    },
  });
}

export function useImportRuns() {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["imports", cluster.slug],
    queryFn: () => api.get<{ runs: ImportRun[] }>(cluster.apiPath("imports")).then((r) => r.runs),
  });
}

export function useRejectedHref() {
  const cluster = useCluster();
  return (runId: string, format: "xlsx" | "csv") =>
    `${API_BASE}${cluster.apiPath(`imports/${runId}/rejected`)}?format=${format}`;
}
