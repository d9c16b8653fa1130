import { describe, expect, it } from "vitest";
import { createApi } from "./app.js";
import type { AppServices } from "./context.js";

// Building the OpenAPI document touches no service, so no database is needed here.
const api = createApi({} as AppServices);
const document = api.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "Grappe", version: "test" } });

describe("endpoint permissions", () => {
  const table = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { "x-permission"?: string }>).map(
      ([method, operation]) => `${method.toUpperCase().padEnd(6)} ${path} → ${operation["x-permission"] ?? "NONE"}`,
    ),
  );

  it("every endpoint declares the permission it requires", () => {
    expect(table.filter((line) => line.endsWith("NONE"))).toEqual([]);
    expect(table.length).toBeGreaterThan(20);
  });

  it("matches the reviewed list (update it on purpose when a route or its permission changes)", async () => {
    await expect(`${table.sort().join("\n")}\n`).toMatchFileSnapshot("./__snapshots__/permissions.txt");
  });

  it("only health, the calendars, guests' secret links and the showcase are reachable without a session", () => {
    expect(table.filter((line) => line.endsWith("→ public")).sort()).toEqual([
      "DELETE /clusters/{slug}/registrations/by-token/{token} → public",
      "GET    /clusters/{slug}/calendar/{file} → public",
      "GET    /clusters/{slug}/events.ics → public",
      "GET    /clusters/{slug}/registrations/by-token/{token} → public",
      // The showcase a cluster puts online for buyers, and its need form (rate-limited, honeypot).
      "GET    /clusters/{slug}/showcase → public",
      "GET    /clusters/{slug}/showcase/communes → public",
      "GET    /health → public",
      "POST   /clusters/{slug}/occurrences/{occurrenceId}/guest-registrations → public",
      "POST   /clusters/{slug}/registrations/by-token/{token}/feedback → public",
      "POST   /clusters/{slug}/showcase/needs → public",
    ]);
  });
});
