import { and, eq } from "drizzle-orm";
import { withTenant } from "../../db/tenant.js";
import type { TestApp } from "../../testing/app.js";
import { people } from "../members/members.schema.js";

type TestCluster = Awaited<ReturnType<TestApp["cluster"]>>;

export interface TestCompany {
  id: string;
  name: string;
  /** Session cookie of the company's member login. */
  cookie: string;
  personId: string;
}

/**
 * Member companies, each with a person and a member login tied to it, created through the API as staff
 * (as a cluster's staff would); `board` flags the person as a board member, which the API does not set.
 */
export async function createCompanies(
  t: TestApp,
  cluster: TestCluster,
  names: string[],
  options: { board?: boolean } = {},
): Promise<TestCompany[]> {
  const out: TestCompany[] = [];
  for (const [i, name] of names.entries()) {
    const base = `/api/clusters/${cluster.slug}`;
    const member = await (
      await t.request("POST", `${base}/members`, {
        cookie: cluster.staff,
        json: { legalName: name, postcode: "42000", town: "Saint-Étienne" },
      })
    ).json();
    if (!member.id) throw new Error(`member ${name}: ${JSON.stringify(member)}`);
    const email = `p${i}.${member.id.slice(0, 8)}@${cluster.slug}.test`;
    const person = await (
      await t.request("POST", `${base}/members/${member.id}/people`, {
        cookie: cluster.staff,
        json: { firstName: "Dirigeant", lastName: name.split(" ")[0], email, listed: true },
      })
    ).json();
    const account = await t.request("POST", `${base}/users`, {
      cookie: cluster.staff,
      json: { name: `Dirigeant ${name}`, email, password: "password-123", role: "member", memberId: member.id },
    });
    if (account.status !== 201) throw new Error(`account ${name}: ${account.status} ${await account.text()}`);
    if (options.board) {
      await withTenant(t.database.db, cluster.id, (tx) =>
        tx
          .update(people)
          .set({ isBoardMember: true })
          .where(and(eq(people.clusterId, cluster.id), eq(people.id, person.id))),
      );
    }
    out.push({ id: member.id, name, cookie: await t.signIn(email, "password-123"), personId: person.id });
  }
  return out;
}
