// Every page but sign-in needs a session: unauthenticated requests are redirected
// to /sign-in before any page code runs. Server actions and API routes check again.
export { auth as proxy } from "@/lib/auth/config";

export const config = {
  matcher: ["/((?!api/auth|api/health|sign-in|_next/static|_next/image|favicon.ico).*)"],
};
