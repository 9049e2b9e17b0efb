/** What the sign-in page says after a step that ends on it (a closed list: nothing from the URL is shown as is). */
const NOTICES = {
  setup: "Admin created. Sign in with the email and password you just chose.",
  invited: "Your account is ready. Sign in with your email and the password you just chose.",
  "password-changed": "Password changed. Every session ended: sign in again with your new password.",
} as const;

export function SignInNotice({ notice }: { notice?: string }) {
  const text = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null;
  if (!text) return null;
  return (
    <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="sign-in-notice">
      {text}
    </p>
  );
}
