import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

/** Shown next to every password field, so the rule is known before it is broken. */
export const PASSWORD_MIN_LENGTH = 12;
// bcrypt reads only the first 72 bytes: a longer password would be silently cut.
const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_RULE = `At least ${PASSWORD_MIN_LENGTH} characters (and at most ${PASSWORD_MAX_BYTES} bytes).`;

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((p) => Buffer.byteLength(p, "utf8") <= PASSWORD_MAX_BYTES, `must be ${PASSWORD_MAX_BYTES} bytes or fewer`)
  .refine((p) => p.trim().length > 0, "must not be only spaces");

export const ZEmail = z
  .string()
  .trim()
  .max(254, "must be 254 characters or fewer")
  .pipe(z.email("must be an email address such as ada@example.com"))
  .transform((e) => e.toLowerCase());

export const ZPersonName = z.string().trim().min(1, "must not be empty").max(100, "must be 100 characters or fewer");

export const ZRole = z.enum(Role, { message: `must be one of ${Object.values(Role).join(", ")}` });

/** Approver scope: environment ids of the project; empty = every environment. */
export const ZEnvironmentScope = z.array(z.string().min(1).max(100)).max(50, "must list 50 environments or fewer").default([]);

export const ZCompleteSetup = z.object({
  token: z.string().min(1, "the setup link has no token").max(200),
  email: ZEmail,
  name: ZPersonName,
  password: ZPassword,
});
export type TCompleteSetup = z.input<typeof ZCompleteSetup>;

export const ZNewAdmin = ZCompleteSetup.omit({ token: true });
export type TNewAdmin = z.input<typeof ZNewAdmin>;

export const ZInviteMember = z.object({
  projectId: z.string().min(1).max(100),
  email: ZEmail,
  name: ZPersonName,
  role: ZRole,
  environmentIds: ZEnvironmentScope,
});
export type TInviteMember = z.input<typeof ZInviteMember>;

export const ZAcceptInvitation = z.object({
  token: z.string().min(1, "the invitation link has no token").max(200),
  name: ZPersonName,
  password: ZPassword,
});
export type TAcceptInvitation = z.input<typeof ZAcceptInvitation>;

export const ZNewAccount = z.object({
  projectId: z.string().min(1).max(100),
  email: ZEmail,
  name: ZPersonName,
  role: ZRole,
  environmentIds: ZEnvironmentScope,
  /** Null for a service account: it signs in with API tokens only. */
  password: ZPassword.nullable(),
});
export type TNewAccount = z.input<typeof ZNewAccount>;

export const ZUpdateMembership = z.object({
  projectId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
  role: ZRole,
  environmentIds: ZEnvironmentScope,
});
export type TUpdateMembership = z.input<typeof ZUpdateMembership>;

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, "enter your current password").max(200),
  newPassword: ZPassword,
});
export type TChangePassword = z.input<typeof ZChangePassword>;
