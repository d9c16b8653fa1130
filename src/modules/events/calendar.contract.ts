import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { errorResponses } from "../members/members.contract.js";

const slugParam = z.object({ slug: z.string().min(1).max(60) });
const calendarFile = {
  description: "An iCalendar feed (RFC 5545) for Thunderbird, Google Calendar, Outlook…",
  content: { "text/calendar": { schema: z.string() } },
};

export const publicCalendar = defineRoute("public", {
  method: "get",
  path: "/clusters/{slug}/events.ics",
  tags: ["calendars"],
  summary: "The cluster's public calendar: published events open to the public or to partner clusters",
  request: { params: slugParam },
  responses: { 200: calendarFile, 304: { description: "Unchanged (If-None-Match)" }, 404: errorResponses[404] },
});

export const myCalendar = defineRoute("events.read", {
  method: "get",
  path: "/clusters/{slug}/me/calendar",
  tags: ["calendars"],
  summary: "The secret address of the caller's own calendar (their registrations), created on the first call",
  request: { params: slugParam },
  responses: {
    200: {
      description: "The feed's address: keep it private, anyone holding it reads the calendar",
      content: { "application/json": { schema: z.object({ url: z.string() }) } },
    },
    ...errorResponses,
  },
});

export const privateCalendar = defineRoute("public", {
  method: "get",
  path: "/clusters/{slug}/calendar/{file}",
  tags: ["calendars"],
  summary: "A person's calendar of registrations; {file} is the secret token followed by .ics",
  request: { params: slugParam.extend({ file: z.string().max(200).describe("{token}.ics") }) },
  responses: { 200: calendarFile, 304: { description: "Unchanged (If-None-Match)" }, 404: errorResponses[404] },
});
