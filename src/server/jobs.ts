import type { Database } from "../db/client.js";
import { queueDayBeforeReminders } from "../modules/events/reminders.js";
import { queueFundingCallReminders } from "../modules/funding/calls.service.js";
import { dispatchOutbox, type Mailer } from "../platform/mail/mail.service.js";

export interface JobOptions {
  /** How often the outbox is sent (default 10 s). */
  dispatchEveryMs?: number;
  /** How often the day-before reminders are looked for (default 15 min). */
  remindersEveryMs?: number;
}

export interface BackgroundJobs {
  /** Stops the loops and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * The server's background work: sending the outbox and queueing the
 * day-before reminders, each in its own loop that never overlaps itself.
 * A failing run is logged and tried again at the next turn.
 */
export function startBackgroundJobs(
  services: { database: Database; mailer: Mailer },
  options: JobOptions = {},
): BackgroundJobs {
  let stopped = false;
  const running = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();

  function loop(name: string, everyMs: number, work: () => Promise<unknown>, firstAfterMs: number) {
    const turn = () => {
      if (stopped) return;
      const run = work()
        .then(() => undefined)
        .catch((error) => console.error(`${name} failed: ${error instanceof Error ? error.message : error}`))
        .finally(() => {
          running.delete(run);
          schedule(everyMs);
        });
      running.add(run);
    };
    const schedule = (ms: number) => {
      if (stopped) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        turn();
      }, ms);
      timer.unref();
      timers.add(timer);
    };
    schedule(firstAfterMs);
  }

  loop(
    "Sending the outbox",
    options.dispatchEveryMs ?? 10_000,
    () => dispatchOutbox(services.database, services.mailer),
    1_000,
  );
  loop(
    "Queueing reminders",
    options.remindersEveryMs ?? 15 * 60_000,
    // Events' day-before reminders, then funding calls' reminders before their deadline.
    async () => {
      await queueDayBeforeReminders(services.database.db);
      await queueFundingCallReminders(services.database.db);
    },
    5_000,
  );

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
