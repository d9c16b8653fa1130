/// <reference lib="webworker" />
import { previewDates } from "./recurrence";

/** Expands a typed RRULE off the main thread: a rule that never matches can take rrule.js many seconds. */
self.onmessage = (message: MessageEvent<{ id: number; rule: string; date: string; time: string; today: string }>) => {
  const { id, rule, date, time, today } = message.data;
  try {
    self.postMessage({ id, dates: previewDates(rule, date, time, 8, today) });
  } catch {
    self.postMessage({ id, dates: [] });
  }
};
