import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, queryString } from "../../api/client";
import type { Commune, NafCode, Trade } from "../../api/types";
import { useCluster } from "../auth/cluster";

export const searchCommunes = (q: string, limit = 10) =>
  api.get<{ communes: Commune[] }>(`/reference/communes${queryString({ q, limit })}`).then((r) => r.communes);

export const searchNaf = (q: string, limit = 15) =>
  api.get<{ codes: NafCode[] }>(`/reference/naf${queryString({ q, limit })}`).then((r) => r.codes);

/** The cluster's trades taxonomy, with the label in the interface language. */
export function useTrades() {
  const cluster = useCluster();
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ["trades", cluster.slug],
    queryFn: () => api.get<{ trades: Trade[] }>(cluster.apiPath("trades")).then((r) => r.trades),
    staleTime: 10 * 60_000,
  });
  const english = i18n.language.startsWith("en");
  const options = (query.data ?? []).map((trade) => ({
    value: trade.code,
    label: english ? trade.labelEn : trade.labelFr,
  }));
  return { ...query, options };
}
