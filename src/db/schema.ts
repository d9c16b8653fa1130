// Every module's tables, for the drizzle client (relational queries) and drizzle-kit.

export * from "../modules/members/members.schema.js";
export * from "../platform/audit/audit.schema.js";
export * from "../platform/auth/auth.schema.js";
export * from "../platform/clusters/clusters.schema.js";
export { appUser } from "./tenancy.schema.js";
