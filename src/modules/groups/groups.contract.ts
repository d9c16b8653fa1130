import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { DocumentSchema, documentUploadBody } from "../documents/documents.http.js";
import { errorResponses } from "../members/members.contract.js";
import { WORKSTREAMS } from "./groups.schema.js";

export const groupStatuses = ["active", "closed"] as const;
export const membershipStatuses = ["invited", "active", "declined", "left"] as const;
export const actionStatuses = ["todo", "in_progress", "done", "dropped"] as const;
export const documentKinds = ["deliverable", "template", "other"] as const;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ")
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Cette date n'existe pas");
const uuid = (message: string) => z.string().uuid(message);
const workstream = z.enum(WORKSTREAMS, `Chantier attendu : ${WORKSTREAMS.join(", ")}`);

export const GroupInputSchema = z
  .object({
    name: z.string().trim().min(1, "Le nom du groupe est obligatoire").max(200),
    theme: z.string().trim().min(1, "Le thème est obligatoire").max(300),
    workstream,
    description: z.string().trim().max(5000).nullish(),
    leaderPersonId: uuid("Identifiant de personne invalide").nullish().describe("A board member of the cluster"),
    memberIds: z
      .array(uuid("Identifiant de membre invalide"))
      .max(500)
      .optional()
      .describe("Member companies taking part from the start (active)"),
  })
  .openapi("WorkingGroupInput");
export type GroupInput = z.infer<typeof GroupInputSchema>;

export const GroupPatchSchema = z
  .object({
    name: z.string().trim().min(1, "Le nom du groupe est obligatoire").max(200).optional(),
    theme: z.string().trim().min(1, "Le thème est obligatoire").max(300).optional(),
    workstream: workstream.optional(),
    description: z.string().trim().max(5000).nullish(),
    leaderPersonId: uuid("Identifiant de personne invalide").nullish(),
    status: z.enum(groupStatuses).optional(),
  })
  .openapi("WorkingGroupPatch");
export type GroupPatch = z.infer<typeof GroupPatchSchema>;

export const GroupMemberInputSchema = z.object({
  memberId: uuid("Identifiant de membre invalide"),
  status: z.enum(["invited", "active"]).default("invited"),
});
export const GroupMemberPatchSchema = z.object({
  status: z.enum(membershipStatuses, "Statut attendu : invited, active, declined ou left"),
});

export const ActionInputSchema = z
  .object({
    title: z.string().trim().min(1, "L'intitulé de l'action est obligatoire").max(500),
    ownerMemberId: uuid("Identifiant de membre invalide").nullish().describe("The company carrying the action"),
    dueOn: isoDay.nullish(),
    status: z.enum(actionStatuses).default("todo"),
  })
  .openapi("GroupActionInput");
export type ActionInput = z.infer<typeof ActionInputSchema>;
export const ActionPatchSchema = z
  .object({
    title: z.string().trim().min(1, "L'intitulé de l'action est obligatoire").max(500).optional(),
    ownerMemberId: uuid("Identifiant de membre invalide").nullish(),
    dueOn: isoDay.nullish(),
    status: z.enum(actionStatuses).optional(),
  })
  .openapi("GroupActionPatch");
export type ActionPatch = z.infer<typeof ActionPatchSchema>;
export const ActionOrderSchema = z.object({
  ids: z.array(uuid("Identifiant d'action invalide")).max(1000).describe("Every action of the plan, in the new order"),
});

const LeaderSchema = z.object({
  personId: z.string(),
  name: z.string(),
  memberId: z.string(),
  memberName: z.string(),
});
export const GroupSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    theme: z.string(),
    workstream: z.enum(WORKSTREAMS),
    description: z.string().nullable(),
    status: z.enum(groupStatuses),
    leader: LeaderSchema.nullable(),
    memberCount: z.number().describe("Companies taking part (active)"),
    invitedCount: z.number(),
    openActions: z.number(),
    myStatus: z.enum(membershipStatuses).nullable().describe("The caller's company in this group, if any"),
    originNeedId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("WorkingGroupSummary");

export const GroupMemberSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  status: z.enum(membershipStatuses),
  invitedAt: z.string().nullable(),
  joinedAt: z.string().nullable(),
});
export const ActionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    ownerMemberId: z.string().nullable(),
    ownerName: z.string().nullable(),
    dueOn: z.string().nullable(),
    status: z.enum(actionStatuses),
    position: z.number(),
  })
  .openapi("GroupAction");
export const MeetingSchema = z.object({
  eventId: z.string(),
  occurrenceId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
});
export const GroupDetailSchema = GroupSummarySchema.extend({
  members: z.array(GroupMemberSchema),
  actions: z.array(ActionSchema),
  meetings: z.array(MeetingSchema),
  documents: z.array(DocumentSchema),
  canManage: z.boolean(),
  canEditPlan: z.boolean().describe("Staff, or the group's leader"),
}).openapi("WorkingGroup");

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});
const slugParam = z.object({ slug: z.string().min(1).max(60) });
const groupParams = slugParam.extend({ groupId: uuid("Identifiant de groupe invalide") });
const actionParams = groupParams.extend({ actionId: uuid("Identifiant d'action invalide") });
const groupMemberParams = groupParams.extend({ memberId: uuid("Identifiant de membre invalide") });
const documentParams = groupParams.extend({ documentId: uuid("Identifiant de document invalide") });

export const listGroups = defineRoute("groups.read", {
  method: "get",
  path: "/clusters/{slug}/groups",
  tags: ["groups"],
  summary: "The cluster's working groups, by workstream",
  request: {
    params: slugParam,
    query: z.object({ status: z.enum(groupStatuses).optional(), workstream: workstream.optional() }),
  },
  responses: { 200: json(z.object({ groups: z.array(GroupSummarySchema) }), "Groups"), ...errorResponses },
});

export const createGroup = defineRoute("groups.manage", {
  method: "post",
  path: "/clusters/{slug}/groups",
  tags: ["groups"],
  summary: "Open a working group (theme, workstream, leader, member companies)",
  request: { params: slugParam, body: body(GroupInputSchema) },
  responses: { 201: json(GroupDetailSchema, "Created"), ...errorResponses },
});

export const listLeaders = defineRoute("groups.manage", {
  method: "get",
  path: "/clusters/{slug}/groups/leaders",
  tags: ["groups"],
  summary: "The board members who may lead a working group",
  request: { params: slugParam },
  responses: { 200: json(z.object({ leaders: z.array(LeaderSchema) }), "Board members"), ...errorResponses },
});

export const getGroup = defineRoute("groups.read", {
  method: "get",
  path: "/clusters/{slug}/groups/{groupId}",
  tags: ["groups"],
  summary: "A working group: members, leader, meetings, action plan and deliverables",
  request: { params: groupParams },
  responses: { 200: json(GroupDetailSchema, "The group"), ...errorResponses },
});

export const updateGroup = defineRoute("groups.manage", {
  method: "patch",
  path: "/clusters/{slug}/groups/{groupId}",
  tags: ["groups"],
  summary: "Change a working group (name, theme, workstream, leader, status)",
  request: { params: groupParams, body: body(GroupPatchSchema) },
  responses: { 200: json(GroupDetailSchema, "Updated"), ...errorResponses },
});

export const addGroupMember = defineRoute("groups.manage", {
  method: "post",
  path: "/clusters/{slug}/groups/{groupId}/members",
  tags: ["groups"],
  summary: "Invite a member company to the group (or add it as taking part)",
  request: { params: groupParams, body: body(GroupMemberInputSchema) },
  responses: {
    200: json(GroupDetailSchema, "The group"),
    409: json(z.any(), "Already in the group"),
    ...errorResponses,
  },
});

export const updateGroupMember = defineRoute("groups.read", {
  method: "patch",
  path: "/clusters/{slug}/groups/{groupId}/members/{memberId}",
  tags: ["groups"],
  summary: "Change a company's part in the group (staff: any; a member: accept, decline or leave for its own company)",
  request: { params: groupMemberParams, body: body(GroupMemberPatchSchema) },
  responses: { 200: json(GroupDetailSchema, "The group"), ...errorResponses },
});

export const removeGroupMember = defineRoute("groups.manage", {
  method: "delete",
  path: "/clusters/{slug}/groups/{groupId}/members/{memberId}",
  tags: ["groups"],
  summary: "Take a company out of the group (added by mistake)",
  request: { params: groupMemberParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});

export const addAction = defineRoute("groups.read", {
  method: "post",
  path: "/clusters/{slug}/groups/{groupId}/actions",
  tags: ["groups"],
  summary: "Add a line to the action plan (staff or the group's leader)",
  request: { params: groupParams, body: body(ActionInputSchema) },
  responses: { 201: json(ActionSchema, "Created"), ...errorResponses },
});

export const updateAction = defineRoute("groups.read", {
  method: "patch",
  path: "/clusters/{slug}/groups/{groupId}/actions/{actionId}",
  tags: ["groups"],
  summary: "Change an action of the plan (staff or the group's leader)",
  request: { params: actionParams, body: body(ActionPatchSchema) },
  responses: { 200: json(ActionSchema, "Updated"), ...errorResponses },
});

export const deleteAction = defineRoute("groups.read", {
  method: "delete",
  path: "/clusters/{slug}/groups/{groupId}/actions/{actionId}",
  tags: ["groups"],
  summary: "Remove an action from the plan (staff or the group's leader)",
  request: { params: actionParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});

export const reorderActions = defineRoute("groups.read", {
  method: "put",
  path: "/clusters/{slug}/groups/{groupId}/actions/order",
  tags: ["groups"],
  summary: "Put the action plan in a new order (staff or the group's leader)",
  request: { params: groupParams, body: body(ActionOrderSchema) },
  responses: { 200: json(z.object({ actions: z.array(ActionSchema) }), "The plan, reordered"), ...errorResponses },
});

export const uploadDocument = defineRoute("groups.read", {
  method: "post",
  path: "/clusters/{slug}/groups/{groupId}/documents",
  tags: ["groups"],
  summary: "Share a deliverable or a template with every member (staff or the group's leader)",
  request: { params: groupParams, body: documentUploadBody(documentKinds) },
  responses: { 201: json(DocumentSchema, "Shared"), ...errorResponses },
});

export const downloadDocument = defineRoute("groups.read", {
  method: "get",
  path: "/clusters/{slug}/groups/{groupId}/documents/{documentId}",
  tags: ["groups"],
  summary: "Download a group's deliverable",
  request: { params: documentParams },
  responses: { 200: { description: "The file" }, ...errorResponses },
});

export const deleteDocument = defineRoute("groups.read", {
  method: "delete",
  path: "/clusters/{slug}/groups/{groupId}/documents/{documentId}",
  tags: ["groups"],
  summary: "Remove a deliverable (staff or the group's leader)",
  request: { params: documentParams },
  responses: { 204: { description: "Removed" }, ...errorResponses },
});
