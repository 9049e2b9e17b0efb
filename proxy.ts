// Every page but sign-in, first-run setup and invitation links needs a session:
// unauthenticated requests are redirected to /sign-in before any page code runs. Server actions check again. API routes
// are left out: each authenticates itself and answers 401 JSON, not a redirect.
export { auth as proxy } from "@/lib/auth/config";

export const config = {
  matcher: ["/((?!api/|sign-in|setup|invite/|_next/static|_next/image|favicon.ico).*)"],
};
