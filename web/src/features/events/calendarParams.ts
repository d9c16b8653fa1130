import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { addDays, isMonthKey, todayKey } from "./dates";
import { EVENT_KINDS, type EventKind } from "./types";

/** The calendar's state, kept in the page's query string so a view can be shared and survives reloads. */
export interface CalendarState {
  view: "month" | "list";
  /** "YYYY-MM", the month shown by the month view. */
  month: string;
  kind: EventKind | null;
  q: string;
  /** How many months ahead the list shows. */
  span: number;
}

export const LIST_SPAN = 6;

export function readCalendar(params: URLSearchParams): CalendarState {
  const kind = params.get("kind");
  const month = params.get("month");
  const span = Number(params.get("span"));
  return {
    view: params.get("view") === "list" ? "list" : "month",
    month: isMonthKey(month) ? month : todayKey().slice(0, 7),
    kind: kind && (EVENT_KINDS as readonly string[]).includes(kind) ? (kind as EventKind) : null,
    q: params.get("q") ?? "",
    span: Number.isInteger(span) && span > LIST_SPAN && span <= 12 ? span : LIST_SPAN,
  };
}

function writeCalendar(state: CalendarState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.view === "list") search.set("view", "list");
  if (state.view === "month" && state.month !== todayKey().slice(0, 7)) search.set("month", state.month);
  if (state.kind) search.set("kind", state.kind);
  if (state.q.trim()) search.set("q", state.q);
  if (state.view === "list" && state.span > LIST_SPAN) search.set("span", String(state.span));
  return search;
}

export function useCalendarState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readCalendar(params), [params]);
  const update = useCallback(
    (change: Partial<CalendarState>, options: { replace?: boolean } = {}) =>
      setParams((current) => writeCalendar({ ...readCalendar(current), ...change }), { replace: options.replace }),
    [setParams],
  );
  return { state, update } as const;
}

/** [from, to) of the API query for a state. */
export function calendarRange(state: CalendarState, gridFrom: string, gridTo: string) {
  if (state.view === "month") return { from: gridFrom, to: gridTo };
  // The API takes at most 400 days at once.
  const today = todayKey();
  return { from: today, to: addDays(today, Math.min(state.span * 31, 399)) };
}
