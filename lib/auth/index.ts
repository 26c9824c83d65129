import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { requireSetting } from "@/lib/env";
import { verifyPassword } from "./password";
import { recordAudit } from "@/lib/timeline/audit";
import { systemActor } from "@/lib/timeline/actor";
import { beginSignIn, clientAddress, recordSignInAttempt, signInSucceeded } from "./throttle";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const credentialsSchema = z.object({
  email: z.email("Enter an email address").max(254, "Use at most 254 characters").transform((value) => value.toLowerCase()),
  password: z.string().min(1, "Enter your password").max(200, "Password is too long"),
});

/** Every refused sign-in is in the audit log, under the email tried (never the password). */
async function auditRefusal(email: string, address: string, reason: string, data: Record<string, string | null> = {}): Promise<void> {
  await db.$transaction((tx) => recordAudit(tx, { actor: systemActor(email), action: "auth.sign_in_refused", targetType: "account", targetId: email, data: { address, reason, ...data } }));
}

// Configured lazily so `next build` needs no secret.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: requireSetting("AUTH_SECRET"),
  // Firebreak is self-hosted: the host header is the operator's own.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  logger: {
    // A wrong password is an expected outcome, already recorded as a sign-in attempt.
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error("[auth]", error);
    },
  },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const address = clientAddress(request.headers);
        const gate = await beginSignIn(db, email, address);
        if (gate.throttled) {
          await auditRefusal(email, address, "throttled", { retryAt: gate.retryAt?.toISOString() ?? null });
          throw new ThrottledSignIn();
        }

        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, disabledAt: true, passwordHash: true, sessionVersion: true },
        });
        const passwordRight = await verifyPassword(password, user?.passwordHash);
        const valid = passwordRight && user !== null && !user.disabledAt;
        await recordSignInAttempt(db, email, address, valid);
        if (!valid || !user) {
          await auditRefusal(email, address, !user ? "unknown account" : !passwordRight ? "wrong password" : "account disabled");
          return null;
        }
        await signInSucceeded(db, email, address);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sv = user.sessionVersion ?? 0;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sv ?? 0;
      return session;
    },
  },
}));
