import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { Auth } from "./auth.js";
import { users } from "./auth.schema.js";

export interface NewUser {
  name: string;
  email: string;
  password: string;
  platformAdmin?: boolean;
  locale?: "fr" | "en";
}

/** Creates a login with better-auth's own password hashing (public sign-up is closed). */
export async function createUserWithPassword(auth: Auth, input: NewUser): Promise<{ id: string }> {
  const ctx = await auth.$context;
  const email = input.email.trim().toLowerCase();
  const existing = await ctx.internalAdapter.findUserByEmail(email);
  if (existing) return { id: existing.user.id };
  const user = await ctx.internalAdapter.createUser(
    {
      name: input.name,
      email,
      emailVerified: true,
      platformAdmin: input.platformAdmin ?? false,
      locale: input.locale ?? "fr",
    },
    { method: "admin" },
  );
  const hash = await ctx.password.hash(input.password);
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: hash,
  });
  return { id: user.id };
}

/** True when the account's password is still `password` (used to refuse demo credentials in production). */
export async function passwordStillIs(auth: Auth, db: Db, email: string, password: string): Promise<boolean> {
  const ctx = await auth.$context;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) return false;
  const account = (await ctx.internalAdapter.findAccounts(user.id)).find((a) => a.providerId === "credential");
  if (!account?.password) return false;
  return ctx.password.verify({ hash: account.password, password });
}
