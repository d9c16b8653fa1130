import type { TestApp } from "../../testing/app.js";

type TestCluster = Awaited<ReturnType<TestApp["cluster"]>>;

export interface Supplier {
  legalName: string;
  communeInsee: string;
  trades: string[];
  certifications?: string[];
  headcount?: number;
  visibility?: { profile?: "staff" | "members" | "public" };
  status?: "prospect" | "member" | "former";
}

export interface TestSupplier {
  id: string;
  name: string;
  /** Session cookie of the company's member login. */
  cookie: string;
}

/** Member companies with trades, certifications, size and commune, each with a member login, through the API. */
export async function createSuppliers(t: TestApp, cluster: TestCluster, suppliers: Supplier[]) {
  const out: TestSupplier[] = [];
  const base = `/api/clusters/${cluster.slug}`;
  for (const [i, s] of suppliers.entries()) {
    const res = await t.request("POST", `${base}/members`, { cookie: cluster.staff, json: s });
    const member = await res.json();
    if (res.status !== 201) throw new Error(`member ${s.legalName}: ${res.status} ${JSON.stringify(member)}`);
    const email = `s${i}.${member.id.slice(0, 8)}@${cluster.slug}.test`;
    const account = await t.request("POST", `${base}/users`, {
      cookie: cluster.staff,
      json: { name: `Dirigeant ${s.legalName}`, email, password: "password-123", role: "member", memberId: member.id },
    });
    if (account.status !== 201) throw new Error(`account ${s.legalName}: ${account.status} ${await account.text()}`);
    out.push({ id: member.id, name: s.legalName, cookie: await t.signIn(email, "password-123") });
  }
  return out;
}
