import { createAuth } from "../platform/auth/auth.js";
import { createUserWithPassword } from "../platform/auth/users.service.js";
import type { ClusterRole } from "../platform/clusters/clusters.schema.js";
import { createCluster, grantRole } from "../platform/clusters/clusters.service.js";
import { createApp } from "../server/app.js";
import type { AppServices } from "../server/context.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

const BASE = "http://localhost:3000";

/** A whole app on a real database, driven through `app.request()` as a browser would (session cookie). */
export async function createTestApp() {
  const testDb: TestDatabase = await createTestDatabase();
  const { database } = testDb;
  const auth = createAuth({
    db: database.db,
    secret: "test-secret-test-secret-test-secret!!",
    baseURL: BASE,
    secureCookies: false,
  });
  const services: AppServices = { database, auth, config: { production: false, publicUrl: BASE } };
  const app = createApp(services);
  let counter = 0;

  async function request(
    method: string,
    path: string,
    options: { cookie?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { origin: BASE, ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    let body = options.body;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    return app.request(`${BASE}${path}`, { method, headers, body });
  }

  async function signIn(email: string, password: string): Promise<string> {
    const res = await request("POST", "/api/auth/sign-in/email", { json: { email, password } });
    if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }

  /** A cluster with a signed-in user per role (cookies ready to use). */
  async function cluster(slug = `c${Date.now().toString(36)}${counter++}`) {
    const created = await createCluster(database.db, { slug, name: `Cluster ${slug}`, homeCommune: "42218" });
    const users: Partial<Record<ClusterRole, string>> = {};
    for (const role of ["staff", "member", "funder"] as ClusterRole[]) {
      const email = `${role}@${slug}.test`;
      const { id } = await createUserWithPassword(auth, { name: `${role} ${slug}`, email, password: "password-123" });
      await grantRole(database.db, { clusterId: created.id, userId: id, role });
      users[role] = await signIn(email, "password-123");
    }
    return { ...created, staff: users.staff!, member: users.member!, funder: users.funder! };
  }

  return { app, services, database, auth, request, signIn, cluster, close: () => testDb.drop() };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
