// Every module's tables, for the drizzle client (relational queries) and drizzle-kit.

export * from "../modules/contacts/contacts.schema.js";
export * from "../modules/documents/documents.schema.js";
export * from "../modules/events/events.schema.js";
export * from "../modules/funding/funding.schema.js";
export * from "../modules/groups/groups.schema.js";
export * from "../modules/meetings/meetings.schema.js";
export * from "../modules/members/members.schema.js";
export * from "../modules/needs/needs.schema.js";
export * from "../modules/opportunities/opportunities.schema.js";
export * from "../modules/programmes/programmes.schema.js";
export * from "../modules/reports/reports.schema.js";
export * from "../platform/audit/audit.schema.js";
export * from "../platform/auth/auth.schema.js";
export * from "../platform/clusters/clusters.schema.js";
export * from "../platform/mail/mail.schema.js";
export { appUser } from "./tenancy.schema.js";
