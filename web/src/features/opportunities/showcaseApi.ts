import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";

/** JSON shapes of src/modules/opportunities/showcase.contract.ts: the public showcase, no session needed. */
export interface ShowcaseMember {
  id: string;
  name: string;
  legalName: string;
  town: string | null;
  department: string | null;
  trades: { code: string; label: string }[];
  description: string | null;
  certifications: string[];
  website: string | null;
  roadMinutes?: number;
}
type Facet = { value: string; label: string; count: number }[];
export interface Showcase {
  cluster: { name: string; description: string | null };
  trades: { code: string; label: string }[];
  items: ShowcaseMember[];
  total: number;
  page: number;
  pageSize: number;
  facets: { trade: Facet; certification: Facet; department: Facet };
  origin: { insee: string; name: string } | null;
}
export interface ShowcaseFilters {
  q: string;
  trade: string | null;
  certification: string | null;
  department: string | null;
  near: string | null;
  within: number;
  page: number;
}
export interface PublicCommune {
  insee: string;
  name: string;
  department: string;
  postcodes: string[];
}

const base = (slug: string) => `/clusters/${encodeURIComponent(slug)}/showcase`;

export function useShowcase(slug: string, f: ShowcaseFilters) {
  const search = queryString({
    q: f.q.trim(),
    trade: f.trade,
    certification: f.certification,
    department: f.department,
    near: f.near,
    within: f.near ? f.within : null,
    page: f.page,
  });
  return useQuery({
    queryKey: ["showcase", slug, search],
    queryFn: () => api.get<Showcase>(`${base(slug)}${search}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export const showcaseCommunes = (slug: string, q: string) =>
  api.get<{ communes: PublicCommune[] }>(`${base(slug)}/communes${queryString({ q })}`).then((r) => r.communes);

export const submitShowcaseNeed = (slug: string, input: Record<string, unknown>) =>
  api.post<{ received: true; reference: string }>(`${base(slug)}/needs`, input);
