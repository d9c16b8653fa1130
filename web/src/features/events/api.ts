import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_BASE, api, queryString } from "../../api/client";
import { useCluster } from "../auth/cluster";
import type {
  DocumentKind,
  EventDetail,
  EventDocument,
  EventInput,
  OccurrenceDetail,
  OccurrencePatch,
  OccurrenceSummary,
  Registration,
  RegistrationRequest,
} from "./types";

export interface CalendarQuery {
  from: string;
  to: string;
  kind?: string | null;
  q?: string | null;
}

export function useOccurrences(query: CalendarQuery, options: { enabled?: boolean } = {}) {
  const cluster = useCluster();
  const search = queryString({ from: query.from, to: query.to, kind: query.kind, q: query.q?.trim() });
  return useQuery({
    queryKey: ["events", cluster.slug, "list", search],
    queryFn: () =>
      api.get<{ occurrences: OccurrenceSummary[] }>(`${cluster.apiPath("events")}${search}`).then((r) => r.occurrences),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useEvent(eventId: string | undefined) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["events", cluster.slug, "event", eventId],
    queryFn: () => api.get<EventDetail>(cluster.apiPath(`events/${eventId}`)),
    enabled: Boolean(eventId),
  });
}

export function useOccurrence(id: string | undefined) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["events", cluster.slug, "occurrence", id],
    queryFn: () => api.get<OccurrenceDetail>(cluster.apiPath(`occurrences/${id}`)),
    enabled: Boolean(id),
  });
}

export function useRegistrations(occurrenceId: string, enabled: boolean, refetchInterval?: number) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["events", cluster.slug, "registrations", occurrenceId],
    queryFn: () =>
      api
        .get<{ registrations: Registration[] }>(cluster.apiPath(`occurrences/${occurrenceId}/registrations`))
        .then((r) => r.registrations),
    enabled,
    refetchInterval,
  });
}

/** Every events view (calendar, pages, registrations, dashboard card) after a change. */
export function useRefreshEvents() {
  const client = useQueryClient();
  const cluster = useCluster();
  return () => client.invalidateQueries({ queryKey: ["events", cluster.slug] });
}

export function useSaveEvent(eventId: string | null) {
  const cluster = useCluster();
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: (input: Partial<EventInput> & { version?: number }) =>
      eventId
        ? api.patch<EventDetail>(cluster.apiPath(`events/${eventId}`), input)
        : api.post<EventDetail>(cluster.apiPath("events"), input),
    onSuccess: () => refresh(),
  });
}

export function useCancelSeries(eventId: string) {
  const cluster = useCluster();
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: (reason: string) => api.post(cluster.apiPath(`events/${eventId}/cancel`), { reason }),
    onSuccess: () => refresh(),
  });
}

export function useOccurrenceMutations(id: string) {
  const cluster = useCluster();
  const refresh = useRefreshEvents();
  const done = { onSuccess: () => refresh() };
  return {
    update: useMutation({
      mutationFn: (patch: OccurrencePatch) => api.patch<OccurrenceDetail>(cluster.apiPath(`occurrences/${id}`), patch),
      ...done,
    }),
    cancel: useMutation({
      mutationFn: (reason: string) => api.post(cluster.apiPath(`occurrences/${id}/cancel`), { reason }),
      ...done,
    }),
    register: useMutation({
      mutationFn: (body: RegistrationRequest) =>
        api.post<Registration>(cluster.apiPath(`occurrences/${id}/registrations`), body),
      ...done,
    }),
    unregister: useMutation({
      mutationFn: (registrationId: string) =>
        api.delete<{ promoted: Registration | null }>(cluster.apiPath(`registrations/${registrationId}`)),
      ...done,
    }),
    feedback: useMutation({
      mutationFn: ({ registrationId, rating, comment }: { registrationId: string; rating: number; comment: string }) =>
        api.post(cluster.apiPath(`registrations/${registrationId}/feedback`), {
          rating,
          comment: comment.trim() || undefined,
        }),
      ...done,
    }),
    upload: useMutation({
      mutationFn: ({ file, title, kind }: { file: File; title: string; kind: DocumentKind }) => {
        const body = new FormData();
        body.set("file", file);
        body.set("title", title);
        body.set("kind", kind);
        return api.post<EventDocument>(cluster.apiPath(`occurrences/${id}/documents`), body);
      },
      ...done,
    }),
    removeDocument: useMutation({
      mutationFn: (documentId: string) => api.delete(cluster.apiPath(`occurrences/${id}/documents/${documentId}`)),
      ...done,
    }),
  };
}

/** Check in and undo, applied to the list at once (the door does not wait for the network). */
export function useCheckIn(occurrenceId: string) {
  const cluster = useCluster();
  const client = useQueryClient();
  const key = ["events", cluster.slug, "registrations", occurrenceId];
  return useMutation({
    mutationFn: ({ registrationId, present }: { registrationId: string; present: boolean }) =>
      present
        ? api.post<Registration>(cluster.apiPath(`registrations/${registrationId}/check-in`), {})
        : api.delete<Registration>(cluster.apiPath(`registrations/${registrationId}/check-in`)),
    onMutate: async ({ registrationId, present }) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<Registration[]>(key);
      client.setQueryData<Registration[]>(key, (list) =>
        list?.map((r) =>
          r.id === registrationId ? { ...r, checkedInAt: present ? new Date().toISOString() : null } : r,
        ),
      );
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** The signed-in person's private feed (created by the server on the first call). */
export function useMyCalendarUrl(enabled: boolean) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["events", cluster.slug, "my-calendar"],
    queryFn: () => api.get<{ url: string }>(cluster.apiPath("me/calendar")).then((r) => absoluteUrl(r.url)),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const absoluteUrl = (url: string) =>
  /^[a-z]+:\/\//i.test(url) ? url : new URL(url, window.location.origin).href;

/** webcal:// opens the feed in the calendar application instead of downloading it. */
export const webcalUrl = (url: string) => url.replace(/^https?:\/\//i, "webcal://");

export function usePublicFeedUrl() {
  const cluster = useCluster();
  return absoluteUrl(`${API_BASE}${cluster.apiPath("events.ics")}`);
}

export function useDocumentUrl(occurrenceId: string) {
  const cluster = useCluster();
  return (documentId: string) => `${API_BASE}${cluster.apiPath(`occurrences/${occurrenceId}/documents/${documentId}`)}`;
}
