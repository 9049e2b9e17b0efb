import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyCredentials } from "./credentials";
import { isSessionRevoked, newSessionId, revokeSession } from "./revocation";

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
    authorized: ({ auth }) => Boolean(auth?.user),
    async jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sid = newSessionId();
        return token;
      }
      // null makes next-auth drop the cookie: a signed-out (or pre-revocation) session ends here.
      if (typeof token.sid !== "string" || (await isSessionRevoked(token.sid))) return null;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
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
