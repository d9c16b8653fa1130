import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { API_BASE, api, queryString } from "../../api/client";
import { useCluster } from "../auth/cluster";
import { notifyError } from "../members/notify";

/** JSON shapes of src/modules/meetings/meetings.contract.ts. */
export const PHASES = ["draft", "requests_open", "requests_closed", "scheduled", "published", "held"] as const;
export type Phase = (typeof PHASES)[number];
export interface Category {
  code: string;
  label: string;
}
export interface Pause {
  label: string;
  from: number;
  to: number;
}
export interface DaySlot {
  slot: number;
  startsAt: string;
  endsAt: string;
  pause: string | null;
}
export interface MeetingDay {
  eventId: string;
  title: string;
  startsAt: string;
  place: string | null;
  configured: boolean;
  phase: Phase;
  startTime: string;
  slotMinutes: number;
  slotCount: number;
  pauses: Pause[];
  tables: number | null;
  categories: Category[];
  allowedPairs: [string, string][];
  timeLimitSeconds: number;
  slots: DaySlot[];
  myParticipantId: string | null;
  counts: { participants: number; requests: number; accepted: number; meetings: number };
  priorityWeights: Record<string, number>;
}
export type DayConfig = Pick<
  MeetingDay,
  "startTime" | "slotMinutes" | "slotCount" | "pauses" | "tables" | "categories" | "allowedPairs" | "timeLimitSeconds"
>;
export interface Participant {
  id: string;
  name: string;
  company: string;
  memberId: string | null;
  isGuest: boolean;
  category: Category | null;
  offers: string;
  seeks: string;
  trades: { code: string; label: string }[];
  availableFrom: number | null;
  availableTo: number | null;
  stand: string | null;
  status: "active" | "cancelled";
  mine: boolean;
  contact: { email: string | null; phone: string | null } | null;
}
export interface ParticipantInput {
  memberId?: string | null;
  personId?: string | null;
  name?: string;
  company?: string;
  email?: string | null;
  phone?: string | null;
  tradeCodes?: string[];
  category?: string | null;
  offers?: string;
  seeks?: string;
  availableFrom?: number | null;
  availableTo?: number | null;
  stand?: string | null;
  status?: "active" | "cancelled";
}
export type RequestStatus = "pending" | "accepted" | "declined" | "withdrawn";
interface Who {
  id: string;
  name: string;
  company: string;
}
export interface MeetingRequest {
  id: string;
  from: Who;
  to: Who;
  priority: number;
  weight: number;
  status: RequestStatus;
  forced: boolean;
  message: string | null;
  mineToAnswer: boolean;
  mineAsked: boolean;
  createdAt: string;
}
export interface Suggestion {
  participant: Participant;
  score: number;
  seeksOffers: number;
  offersSeeks: number;
  sharedTrades: string[];
}
export interface Meeting {
  id: string;
  slot: number;
  startsAt: string;
  endsAt: string;
  table: number | null;
  stand: string | null;
  a: Who;
  b: Who;
  weight: number;
  held: boolean | null;
  followUp: boolean | null;
}
export interface ScheduleReview {
  schedule: {
    id: string;
    version: number;
    kind: "schedule" | "replan";
    status: "draft" | "published" | "superseded";
    weight: number;
    upperBound: number;
    ratio: number;
    breaks: number;
    valid: boolean;
    problems: string[];
    stats: {
      seconds?: { total: number };
      boundMethod?: string;
      minMeetings?: number;
      maxBreaks?: number;
      fromSlot?: number;
      kept?: number;
      added?: unknown[];
      removed?: { a: string; b: string; reason: string }[];
    };
    createdAt: string;
    publishedAt: string | null;
  } | null;
  meetings: Meeting[];
  unplaced: { requestId: string | null; from: string; to: string; weight: number; reason: string }[];
  perParticipant: { id: string; name: string; company: string; meetings: number; breaks: number; requested: number }[];
}
export interface AgendaItem {
  slot: number;
  startsAt: string;
  endsAt: string;
  kind: "meeting" | "pause" | "free" | "away";
  label: string | null;
  meeting: (Meeting & { with: Participant }) | null;
}
export interface Agenda {
  day: MeetingDay;
  participant: Participant;
  published: boolean;
  items: AgendaItem[];
}
export interface Board {
  now: string;
  slot: number | null;
  slotStartsAt: string | null;
  slotEndsAt: string | null;
  pause: string | null;
  next: number | null;
  places: { place: string; table: number | null; now: Meeting | null; next: Meeting | null }[];
}
export interface Outcomes {
  meetings: number;
  held: number;
  notHeld: number;
  unknown: number;
  followUps: number;
}

const dayPath = (eventId: string, sub = "") => `meeting-days/${eventId}${sub ? `/${sub}` : ""}`;

/** Where the browser downloads a file of the day (PDF, ics). */
export function useFileUrl() {
  const cluster = useCluster();
  return (eventId: string, sub: string) => `${API_BASE}${cluster.apiPath(dayPath(eventId, sub))}`;
}

export function useDays() {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["meeting-days", cluster.slug],
    queryFn: () => api.get<{ days: MeetingDay[] }>(cluster.apiPath("meeting-days")),
  });
}

export function useDay(eventId: string) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["meeting-day", cluster.slug, eventId],
    queryFn: () => api.get<MeetingDay>(cluster.apiPath(dayPath(eventId))),
  });
}

export function useParticipants(eventId: string, enabled = true) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["meeting-day", cluster.slug, eventId, "participants"],
    queryFn: () => api.get<{ participants: Participant[] }>(cluster.apiPath(dayPath(eventId, "participants"))),
    enabled,
  });
}

export function useRequests(eventId: string, enabled = true) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["meeting-day", cluster.slug, eventId, "requests"],
    queryFn: () => api.get<{ requests: MeetingRequest[] }>(cluster.apiPath(dayPath(eventId, "requests"))),
    enabled,
  });
}

/** Whom to meet: for oneself, or (staff) for the participant given. */
export function useSuggestions(eventId: string, participantId: string | null = null, enabled = true) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["meeting-day", cluster.slug, eventId, "suggestions", participantId],
    queryFn: () =>
      api.get<{ suggestions: Suggestion[] }>(
        `${cluster.apiPath(dayPath(eventId, "suggestions"))}${queryString({ participantId })}`,
      ),
    enabled,
  });
}

export function useSchedule(eventId: string, enabled = true) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["meeting-day", cluster.slug, eventId, "schedule"],
    queryFn: () => api.get<ScheduleReview>(cluster.apiPath(dayPath(eventId, "schedule"))),
    enabled,
  });
}

export function useAgenda(eventId: string, participantId: string | null) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["meeting-day", cluster.slug, eventId, "agenda", participantId],
    queryFn: () => api.get<Agenda>(cluster.apiPath(dayPath(eventId, `participants/${participantId}/agenda`))),
    enabled: Boolean(participantId),
  });
}

export function useBoard(eventId: string, at: string | null) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["meeting-day", cluster.slug, eventId, "board", at],
    queryFn: () => api.get<Board>(`${cluster.apiPath(dayPath(eventId, "board"))}${queryString({ at })}`),
    // The board follows the clock: refetch every 15 s so a slot change shows within seconds.
    refetchInterval: 15_000,
  });
}

export function useOutcomes(eventId: string, enabled = true) {
  const cluster = useCluster();
  return useQuery({
    queryKey: ["meeting-day", cluster.slug, eventId, "outcomes"],
    queryFn: () => api.get<Outcomes>(cluster.apiPath(dayPath(eventId, "outcomes"))),
    enabled,
  });
}

/** Every change of a day refreshes all of its views (they are small). */
export function useMeetingActions(eventId: string) {
  const cluster = useCluster();
  const client = useQueryClient();
  const path = (sub = "") => cluster.apiPath(dayPath(eventId, sub));
  const done = {
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ["meeting-day", cluster.slug, eventId] });
      client.invalidateQueries({ queryKey: ["meeting-days", cluster.slug] });
    },
  };
  const quiet = { ...done, onError: notifyError };
  return {
    configure: useMutation({ mutationFn: (config: DayConfig) => api.put<MeetingDay>(path(), config), ...done }),
    phase: useMutation({ mutationFn: (phase: Phase) => api.post<MeetingDay>(path("phase"), { phase }), ...quiet }),
    addParticipant: useMutation({
      mutationFn: (input: ParticipantInput) => api.post<Participant>(path("participants"), input),
      ...done,
    }),
    updateParticipant: useMutation({
      mutationFn: ({ id, ...patch }: ParticipantInput & { id: string }) =>
        api.patch<Participant>(path(`participants/${id}`), patch),
      ...done,
    }),
    request: useMutation({
      mutationFn: (input: {
        toId: string;
        fromId?: string;
        priority: number;
        message?: string | null;
        force?: boolean;
      }) => api.post<MeetingRequest>(path("requests"), input),
      ...quiet,
    }),
    answer: useMutation({
      mutationFn: ({ id, ...patch }: { id: string; status?: RequestStatus; priority?: number }) =>
        api.patch<MeetingRequest>(path(`requests/${id}`), patch),
      ...quiet,
    }),
    schedule: useMutation({
      mutationFn: (timeLimitSeconds?: number) => api.post<ScheduleReview>(path("schedule"), { timeLimitSeconds }),
      ...quiet,
    }),
    publish: useMutation({ mutationFn: () => api.post<ScheduleReview>(path("schedule/publish")), ...quiet }),
    replan: useMutation({
      mutationFn: (fromSlot?: number) => api.post<ScheduleReview>(path("replan"), { fromSlot }),
      ...quiet,
    }),
    outcome: useMutation({
      mutationFn: ({ id, ...input }: { id: string; held?: boolean | null; followUp?: boolean | null }) =>
        api.patch<Meeting>(path(`meetings/${id}`), input),
      ...quiet,
    }),
  };
}
