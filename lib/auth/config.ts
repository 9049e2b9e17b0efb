import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyCredentials } from "./credentials";
import { isSessionRevoked, newSessionId, revokeSession } from "./revocation";
import { PASSWORD_CHANGE_PATH, sessionStanding } from "./session-standing";

const ZCredentials = z.object({ email: z.string().email(), password: z.string().min(1) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!user) throw new CredentialsSignin();
        return user;
      },
    }),
  ],
  callbacks: {
    authorized: ({ auth, request }) => {
      if (!auth?.user) return false;
      // After an admin's password reset, every page leads to choosing a new password first.
      if (auth.mustChangePassword && request.nextUrl.pathname !== PASSWORD_CHANGE_PATH) {
        return Response.redirect(new URL(`${PASSWORD_CHANGE_PATH}?required=1`, request.nextUrl));
      }
      return true;
    },
    async jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sid = newSessionId();
        // `iat` is renewed each time the cookie is re-signed; this stays the moment of sign-in.
        token.signedInAt = Date.now();
        return token;
      }
      // null makes next-auth drop the cookie: a signed-out (or pre-revocation) session ends here.
      if (typeof token.sid !== "string" || typeof token.uid !== "string" || (await isSessionRevoked(token.sid))) return null;
      // So does a deactivated account, or one whose password changed after this sign-in.
      const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : (token.iat ?? 0) * 1000;
      const standing = await sessionStanding(token.uid, signedInAt);
      if (!standing) return null;
      token.mustChangePassword = standing.mustChangePassword;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      session.mustChangePassword = token.mustChangePassword === true;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string" && typeof token.uid === "string") {
        await revokeSession(token.sid, token.uid, new Date((token.exp ?? Date.now() / 1000 + 12 * 60 * 60) * 1000));
      }
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
});
