import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { errorResponses } from "./members.contract.js";

export const PersonInputSchema = z
  .object({
    firstName: z.string().trim().max(100).nullish(),
    lastName: z.string().trim().min(1, "Le nom est obligatoire").max(100),
    jobTitle: z.string().trim().max(150).nullish(),
    email: z.string().trim().email("Adresse e-mail invalide").max(200).nullish().or(z.literal("")),
    phone: z.string().trim().max(40).nullish(),
    listed: z.boolean().default(false).describe("The person's consent to appear in the directory"),
    isMainContact: z.boolean().default(false),
  })
  .openapi("PersonInput");
export type PersonInput = z.infer<typeof PersonInputSchema>;
export const PersonPatchSchema = PersonInputSchema.partial().openapi("PersonPatch");

const PersonOut = z.object({
  id: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  listed: z.boolean(),
  isMainContact: z.boolean(),
  erased: z.boolean(),
});
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const memberParams = z.object({ slug: z.string(), id: z.string().uuid("Identifiant de membre invalide") });
const personParams = z.object({ slug: z.string(), personId: z.string().uuid("Identifiant de personne invalide") });

export const addPerson = defineRoute("members.write-own", {
  method: "post",
  path: "/clusters/{slug}/members/{id}/people",
  tags: ["people"],
  summary: "Add a person to a member company",
  request: {
    params: memberParams,
    body: { content: { "application/json": { schema: PersonInputSchema } }, required: true },
  },
  responses: { 201: json(PersonOut, "Created"), ...errorResponses },
});

export const updatePerson = defineRoute("members.write-own", {
  method: "patch",
  path: "/clusters/{slug}/people/{personId}",
  tags: ["people"],
  summary: "Change a person (including their consent to be listed)",
  request: {
    params: personParams,
    body: { content: { "application/json": { schema: PersonPatchSchema } }, required: true },
  },
  responses: { 200: json(PersonOut, "Updated"), ...errorResponses },
});

export const removePerson = defineRoute("members.write-own", {
  method: "delete",
  path: "/clusters/{slug}/people/{personId}",
  tags: ["people"],
  summary: "Remove a person who left the company",
  request: { params: personParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});

export const exportPerson = defineRoute("people.privacy", {
  method: "get",
  path: "/clusters/{slug}/people/{personId}/export",
  tags: ["people"],
  summary: "Everything held on a person (GDPR right of access), as JSON",
  request: { params: personParams },
  responses: {
    200: {
      ...json(z.record(z.string(), z.unknown()), "The data, as a file to save"),
      headers: z.object({
        "Content-Disposition": z.string().openapi({ example: 'attachment; filename="personne-<personId>.json"' }),
        "Cache-Control": z.string().openapi({ example: "no-store" }),
      }),
    },
    ...errorResponses,
  },
});

export const erasePerson = defineRoute("people.privacy", {
  method: "post",
  path: "/clusters/{slug}/people/{personId}/erase",
  tags: ["people"],
  summary: "Erase a person's identifying data (GDPR right to erasure); anonymous counts stay",
  request: { params: personParams },
  responses: { 200: json(PersonOut, "Erased"), ...errorResponses },
});

export const DuesInputSchema = z.object({
  amountCents: z.number().int().min(0, "Montant négatif").max(100_000_000),
  paidOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ")
    .nullable(),
});

export const setDues = defineRoute("members.write", {
  method: "put",
  path: "/clusters/{slug}/members/{id}/dues/{year}",
  tags: ["members"],
  summary: "Record a member's dues for a year (amount, payment date)",
  request: {
    params: memberParams.extend({ year: z.coerce.number().int().min(1980).max(2100) }),
    body: { content: { "application/json": { schema: DuesInputSchema } }, required: true },
  },
  responses: { 204: { description: "Saved" }, ...errorResponses },
});

export const deleteDues = defineRoute("members.write", {
  method: "delete",
  path: "/clusters/{slug}/members/{id}/dues/{year}",
  tags: ["members"],
  summary: "Remove a member's dues line for a year",
  request: { params: memberParams.extend({ year: z.coerce.number().int().min(1980).max(2100) }) },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});
