// Every page but sign-in needs a session: unauthenticated requests are redirected
// to /sign-in before any page code runs. Server actions check again. API routes
// are left out: each authenticates itself and answers 401 JSON, not a redirect.
export { auth as proxy } from "@/lib/auth/config";

export const config = {
  matcher: ["/((?!api/|sign-in|_next/static|_next/image|favicon.ico).*)"],
};
