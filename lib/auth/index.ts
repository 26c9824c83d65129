import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { requireSetting } from "@/lib/env";
import { verifyPassword } from "./password";
import { clientAddress, recordSignInAttempt, signInThrottle } from "./throttle";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const credentialsSchema = z.object({
  email: z.email("Enter an email address").transform((value) => value.toLowerCase()),
  password: z.string().min(1, "Enter your password").max(200, "Password is too long"),
});

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
        if ((await signInThrottle(db, email, address)).throttled) throw new ThrottledSignIn();

        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, disabledAt: true, passwordHash: true },
        });
        const valid = (await verifyPassword(password, user?.passwordHash)) && !user?.disabledAt;
        await recordSignInAttempt(db, email, address, valid);
        if (!valid || !user) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
