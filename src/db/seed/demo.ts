import { eq } from "drizzle-orm";
import { prepareMemberValues } from "../../modules/members/members.rules.js";
import { dues, members, people } from "../../modules/members/members.schema.js";
import { insertMember, tradeLabelsOf } from "../../modules/members/members.service.js";
import { createUserWithPassword, passwordStillIs } from "../../platform/auth/users.service.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import { createCluster, grantRole } from "../../platform/clusters/clusters.service.js";
import { systemActor } from "../../platform/permissions/permissions.js";
import type { AppServices } from "../../server/context.js";
import { withTenant } from "../tenant.js";
import { loadDemoActivity } from "./demo-activity.js";
import { demoCluster } from "./demo-data.js";
import { loadDemoFunding } from "./demo-funding.js";
import { loadDemoOpportunities } from "./demo-opportunities.js";

/** The demo accounts' password: printed at first start, refused in production. */
export const DEMO_PASSWORD = "grappe-demo";

/** Loads the demo cluster on first start (when it does not exist yet); returns the login to print, or null. */
export async function ensureDemo(services: Pick<AppServices, "database" | "auth">) {
  const { db } = services.database;
  const demo = demoCluster();
  const [existing] = await db.select({ id: clusters.id }).from(clusters).where(eq(clusters.slug, demo.cluster.slug));
  if (existing) return null;
  const cluster = await createCluster(db, demo.cluster);
  const ctx = { db, clusterId: cluster.id, actor: systemActor("Chargement de la démo") };
  const idByKey = new Map<string, string>();
  await withTenant(db, cluster.id, async (tx) => {
    const labels = await tradeLabelsOf(tx, cluster.id);
    const known = new Set(labels.keys());
    for (const m of demo.members) {
      const { key, sponsorKey, people: persons, dues: duesRows, trades, ...fields } = m;
      const { values, errors } = prepareMemberValues({ ...fields, trades }, null, known);
      if (errors.length)
        throw new Error(`Demo member ${key} is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`);
      const created = await insertMember(tx, ctx, values, labels);
      idByKey.set(key, created.id);
      if (persons.length) {
        await tx.insert(people).values(
          persons.map((p) => ({
            ...p,
            clusterId: cluster.id,
            memberId: created.id,
            consentAt: p.listed ? new Date() : null,
          })),
        );
      }
      if (duesRows.length) {
        await tx.insert(dues).values(duesRows.map((d) => ({ ...d, clusterId: cluster.id, memberId: created.id })));
      }
    }
    for (const m of demo.members) {
      if (m.sponsorKey) {
        await tx
          .update(members)
          .set({ sponsorId: idByKey.get(m.sponsorKey)! })
          .where(eq(members.id, idByKey.get(m.key)!));
      }
    }
  });
  const userIds = new Map<string, string>();
  for (const user of demo.users) {
    const { id } = await createUserWithPassword(services.auth, {
      name: user.name,
      email: user.email,
      password: DEMO_PASSWORD,
    });
    userIds.set(user.email, id);
    await grantRole(db, {
      clusterId: cluster.id,
      userId: id,
      role: user.role,
      memberId: user.memberKey ? idByKey.get(user.memberKey) : null,
    });
  }
  await loadDemoActivity(db, { clusterId: cluster.id, demo, memberIds: idByKey, userIds });
  const staff = demo.users.find((u) => u.role === "staff")!;
  const staffActor = { ...systemActor(staff.name), userId: userIds.get(staff.email) ?? null };
  await loadDemoOpportunities(db, { clusterId: cluster.id, demo, memberIds: idByKey, staff: staffActor });
  // Last year's programmes, support cases, newsletters and grants, for a real activity report at once.
  await loadDemoFunding(db, { clusterId: cluster.id, demo, memberIds: idByKey, staff: staffActor });
  return { slug: cluster.slug, email: staff.email, password: DEMO_PASSWORD };
}

/** Production must not run with an account anybody can read in the README. */
export async function refuseDemoCredentialsInProduction(services: Pick<AppServices, "database" | "auth">) {
  for (const user of demoCluster().users) {
    if (await passwordStillIs(services.auth, services.database.db, user.email, DEMO_PASSWORD)) {
      throw new Error(
        `Refusing to start in production: the demo account ${user.email} still has the demo password. Change its password or delete the demo cluster.`,
      );
    }
  }
}
