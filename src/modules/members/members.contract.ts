import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";

const visibility = z.enum(["staff", "members", "public"]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ");
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const memberKinds = ["company", "school", "lab", "public_body", "partner"] as const;
export const membershipStatuses = ["prospect", "member", "former"] as const;
export const sizeClasses = ["micro", "sme", "midcap", "large"] as const;

export const VisibilitySchema = z.object({
  profile: visibility,
  contact: visibility,
  figures: visibility,
  equipment: visibility,
});

/** What staff (or a member for its own company) may write. Checks that need reference data happen in the service. */
export const MemberInputSchema = z
  .object({
    kind: z.enum(memberKinds).optional().describe("Default: company"),
    legalName: z.string().trim().min(1, "La raison sociale est obligatoire").max(200),
    tradeName: optionalText(200),
    siren: optionalText(20),
    siret: optionalText(20),
    nafCode: optionalText(10),
    headcount: z.number().int().min(0).max(1_000_000).nullish(),
    turnoverEur: z.number().min(0).max(1e12).nullish(),
    addressLine: optionalText(300),
    postcode: optionalText(10),
    communeInsee: optionalText(5),
    town: optionalText(100),
    website: optionalText(300),
    email: z.string().trim().email("Adresse e-mail invalide").max(200).nullish().or(z.literal("")),
    phone: optionalText(40),
    description: optionalText(5000),
    trades: z.array(z.string().min(1).max(60)).max(40).optional(),
    certifications: z.array(z.string().trim().min(1).max(80)).max(40).optional(),
    equipment: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
    status: z.enum(membershipStatuses).optional(),
    joinedOn: isoDate.nullish(),
    leftOn: isoDate.nullish(),
    leaveReason: optionalText(500),
    sponsorId: z.string().uuid().nullish(),
    visibility: VisibilitySchema.partial().optional(),
  })
  .openapi("MemberInput");
export type MemberInput = z.infer<typeof MemberInputSchema>;

export const MemberPatchSchema = MemberInputSchema.partial()
  .extend({
    version: z.number().int().min(1).describe("The version read; a stale one answers 409 instead of overwriting"),
  })
  .openapi("MemberPatch");
export type MemberPatch = z.infer<typeof MemberPatchSchema>;

const csv = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : v.split(",")).filter(Boolean)))
    .pipe(z.array(schema));

export const DirectoryQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  trade: csv(z.string().max(60)),
  sizeClass: csv(z.enum(sizeClasses)),
  certification: csv(z.string().max(80)),
  department: csv(z.string().regex(/^(\d{2}|2A|2B|\d{3})$/, "Code de département invalide")),
  status: csv(z.enum(membershipStatuses)),
  kind: csv(z.enum(memberKinds)),
  near: z
    .string()
    .regex(/^\d[\dAB]\d{3}$/, "Code INSEE de commune attendu (5 caractères)")
    .optional()
    .describe("INSEE code of the commune the radius starts from"),
  within: z.coerce.number().int().min(5).max(600).optional().describe("Estimated road time from `near`, in minutes"),
  sort: z.enum(["relevance", "name", "distance", "size", "joined", "updated"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>;

const PersonSchema = z
  .object({
    id: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    jobTitle: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    listed: z.boolean(),
    isMainContact: z.boolean(),
    erased: z.boolean(),
  })
  .openapi("Person");

export const MemberSchema = z
  .object({
    id: z.string(),
    kind: z.enum(memberKinds),
    legalName: z.string(),
    tradeName: z.string().nullable(),
    siren: z.string().nullable(),
    siret: z.string().nullable(),
    nafCode: z.string().nullable(),
    nafLabel: z.string().nullable(),
    town: z.string().nullable(),
    department: z.string().nullable(),
    communeInsee: z.string().nullable(),
    trades: z.array(z.object({ code: z.string(), label: z.string() })),
    status: z.enum(membershipStatuses).optional(),
    distanceKm: z.number().optional(),
    roadMinutes: z.number().optional(),
    profile: z.object({ description: z.string().nullable(), certifications: z.array(z.string()) }).optional(),
    contact: z
      .object({
        addressLine: z.string().nullable(),
        postcode: z.string().nullable(),
        website: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
      })
      .optional(),
    figures: z
      .object({
        headcount: z.number().nullable(),
        turnoverEur: z.number().nullable(),
        sizeClass: z.string().nullable(),
      })
      .optional(),
    equipment: z.array(z.string()).optional(),
    membership: z
      .object({
        status: z.enum(membershipStatuses),
        joinedOn: z.string().nullable(),
        leftOn: z.string().nullable(),
        leaveReason: z.string().nullable(),
        sponsor: z.object({ id: z.string(), name: z.string() }).nullable(),
        dues: z.array(z.object({ year: z.number(), amountCents: z.number(), paidOn: z.string().nullable() })),
      })
      .optional(),
    visibility: VisibilitySchema.optional(),
    people: z.array(PersonSchema).optional(),
    canEdit: z.boolean(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .openapi("Member");

const FacetSchema = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }));
export const DirectoryResultSchema = z
  .object({
    items: z.array(MemberSchema),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    facets: z.object({
      trade: FacetSchema,
      sizeClass: FacetSchema,
      certification: FacetSchema,
      department: FacetSchema,
      status: FacetSchema,
      kind: FacetSchema,
    }),
    origin: z
      .object({ insee: z.string(), name: z.string(), lat: z.number(), lon: z.number(), maxKm: z.number() })
      .nullable(),
  })
  .openapi("DirectoryResult");

export const MapPointsSchema = z.object({
  points: z.array(
    z.object({ id: z.string(), name: z.string(), lat: z.number(), lon: z.number(), town: z.string().nullable() }),
  ),
});

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })),
      details: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
        .optional()
        .describe("Stable values to act on, e.g. duplicateId and duplicateName on the 409 of a duplicate member"),
    }),
  })
  .openapi("Error");

const errors = {
  401: { description: "Not signed in", content: { "application/json": { schema: ErrorSchema } } },
  403: { description: "Not allowed", content: { "application/json": { schema: ErrorSchema } } },
  404: { description: "Not found", content: { "application/json": { schema: ErrorSchema } } },
  422: { description: "Invalid input", content: { "application/json": { schema: ErrorSchema } } },
} as const;
export const errorResponses = errors;

const slugParam = z.object({ slug: z.string().min(1).max(60) });
const memberParams = slugParam.extend({ id: z.string().uuid("Identifiant de membre invalide") });
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const searchDirectory = defineRoute("members.read", {
  method: "get",
  path: "/clusters/{slug}/members",
  tags: ["members"],
  summary: "Search the member directory (text, facets, road-time radius, sort, paging)",
  request: { params: slugParam, query: DirectoryQuerySchema },
  responses: { 200: json(DirectoryResultSchema, "A page of members with facet counts"), ...errors },
});

export const directoryMap = defineRoute("members.read", {
  method: "get",
  path: "/clusters/{slug}/members/map",
  tags: ["members"],
  summary: "Coordinates of every member matching the directory filters (for the map)",
  request: { params: slugParam, query: DirectoryQuerySchema },
  responses: { 200: json(MapPointsSchema, "Points"), ...errors },
});

export const getMember = defineRoute("members.read", {
  method: "get",
  path: "/clusters/{slug}/members/{id}",
  tags: ["members"],
  summary: "One member, with what the caller may see",
  request: { params: memberParams },
  responses: { 200: json(MemberSchema, "The member"), ...errors },
});

export const createMember = defineRoute("members.write", {
  method: "post",
  path: "/clusters/{slug}/members",
  tags: ["members"],
  summary: "Add a member (company, school, lab, public body or partner)",
  request: {
    params: slugParam,
    body: { content: { "application/json": { schema: MemberInputSchema } }, required: true },
  },
  responses: { 201: json(MemberSchema, "Created"), 409: json(ErrorSchema, "Duplicate"), ...errors },
});

export const updateMember = defineRoute("members.write-own", {
  method: "patch",
  path: "/clusters/{slug}/members/{id}",
  tags: ["members"],
  summary: "Change a member (staff: any; a member's person: their own company, except membership)",
  request: {
    params: memberParams,
    body: { content: { "application/json": { schema: MemberPatchSchema } }, required: true },
  },
  responses: { 200: json(MemberSchema, "Updated"), 409: json(ErrorSchema, "Stale version or duplicate"), ...errors },
});

export const deleteMember = defineRoute("members.write", {
  method: "delete",
  path: "/clusters/{slug}/members/{id}",
  tags: ["members"],
  summary: "Delete a member entered by mistake (a member who leaves becomes 'former' instead)",
  request: { params: memberParams },
  responses: { 204: { description: "Deleted" }, ...errors },
});

export const HistoryEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string().describe("member, person or dues"),
  changes: z
    .array(
      z.object({
        field: z
          .string()
          .describe("The API's name of the field (trades, sponsor, dues…); internal columns are never listed"),
        year: z.number().int().optional().describe("For dues: the year"),
        before: z.unknown(),
        after: z.unknown(),
      }),
    )
    .describe("Only the fields a person reads; a sponsor is { id, name }"),
});

export const memberHistory = defineRoute("members.history", {
  method: "get",
  path: "/clusters/{slug}/members/{id}/history",
  tags: ["members"],
  summary: "Every change to a member and its people and dues: who, when, what",
  request: { params: memberParams },
  responses: { 200: json(z.object({ entries: z.array(HistoryEntrySchema) }), "History"), ...errors },
});
