import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { DirectoryQuerySchema, errorResponses } from "../members/members.contract.js";

/** What a visitor may search the showcase by: words, trade, certification and place (department or radius). */
export const ShowcaseQuerySchema = DirectoryQuerySchema.pick({
  q: true,
  trade: true,
  certification: true,
  department: true,
  near: true,
  within: true,
  page: true,
}).extend({ pageSize: z.coerce.number().int().min(1).max(60).default(24) });
export type ShowcaseQuery = z.infer<typeof ShowcaseQuerySchema>;

const required = (what: string, min = 1, max = 200) =>
  z
    .string(`${what} : texte attendu`)
    .trim()
    .min(min, min > 1 ? `${what} : ${min} caractères au moins` : `${what} est obligatoire`)
    .max(max, `${what} : ${max} caractères au plus`);

export const ShowcaseNeedSchema = z
  .object({
    company: required("Le nom de votre entreprise", 2),
    contactName: required("Votre nom", 2),
    email: z.string("Adresse e-mail attendue").trim().email("Adresse e-mail invalide").max(200),
    phone: z.string().trim().max(40, "Téléphone : 40 caractères au plus").nullish(),
    title: required("L'objet de votre besoin", 5),
    description: z.string().trim().max(5000, "Description : 5 000 caractères au plus").nullish(),
    steps: z
      .array(z.string().max(60), "Liste de métiers attendue")
      .max(20, "20 métiers au plus")
      .optional()
      .describe("Trade codes of the showcase's list"),
    certifications: z.array(z.string().trim().min(1).max(80)).max(10, "10 certifications au plus").optional(),
    volumes: z.string().trim().max(1000, "Volumes : 1 000 caractères au plus").nullish(),
    deadline: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Échéance : date attendue au format AAAA-MM-JJ")
      .nullish(),
    siteCommuneInsee: z
      .string()
      .regex(/^\d[\dAB]\d{3}$/, "Lieu du site : choisissez une commune de la liste")
      .nullish(),
    /** Honeypot: hidden from people, filled by robots. Anything in it and nothing is stored. */
    website: z.string().max(500).optional(),
  })
  .openapi("ShowcaseNeed");
export type ShowcaseNeed = z.infer<typeof ShowcaseNeedSchema>;

const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }));
export const ShowcaseMemberSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    legalName: z.string(),
    town: z.string().nullable(),
    department: z.string().nullable(),
    trades: z.array(z.object({ code: z.string(), label: z.string() })),
    description: z.string().nullable(),
    certifications: z.array(z.string()),
    website: z.string().nullable(),
    roadMinutes: z.number().optional(),
  })
  .openapi("ShowcaseMember");

export const ShowcaseSchema = z
  .object({
    cluster: z.object({ name: z.string(), description: z.string().nullable() }),
    trades: z.array(z.object({ code: z.string(), label: z.string() })),
    items: z.array(ShowcaseMemberSchema),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    facets: z.object({ trade: Facet, certification: Facet, department: Facet }),
    origin: z.object({ insee: z.string(), name: z.string() }).nullable(),
  })
  .openapi("Showcase");

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const slugParam = z.object({ slug: z.string().min(1).max(60) });

export const showcase = defineRoute("public", {
  method: "get",
  path: "/clusters/{slug}/showcase",
  tags: ["showcase"],
  summary: "The cluster's public showcase: its members' capabilities, only what each made public",
  request: { params: slugParam, query: ShowcaseQuerySchema },
  responses: { 200: json(ShowcaseSchema, "Showcase"), ...errorResponses },
});

export const showcaseCommunes = defineRoute("public", {
  method: "get",
  path: "/clusters/{slug}/showcase/communes",
  tags: ["showcase"],
  summary: "Communes of the official list by name or postcode, for the showcase's place fields",
  request: { params: slugParam, query: z.object({ q: z.string().trim().min(2, "2 caractères au moins").max(80) }) },
  responses: {
    200: json(
      z.object({
        communes: z.array(
          z.object({ insee: z.string(), name: z.string(), department: z.string(), postcodes: z.array(z.string()) }),
        ),
      }),
      "Communes",
    ),
    ...errorResponses,
  },
});

export const submitNeed = defineRoute("public", {
  method: "post",
  path: "/clusters/{slug}/showcase/needs",
  tags: ["showcase"],
  summary: "A buyer submits a need (no sign-in): a lead for the staff. Rate-limited per sender and cluster",
  request: {
    params: slugParam,
    body: { content: { "application/json": { schema: ShowcaseNeedSchema } }, required: true },
  },
  responses: {
    201: json(z.object({ received: z.literal(true), reference: z.string() }), "Received"),
    429: json(z.any(), "Too many needs from this sender: try again later"),
    ...errorResponses,
  },
});
