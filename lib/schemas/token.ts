import { z } from "zod";
import { ZTokenScope } from "@/lib/auth/token-scopes";
import { TOKEN_EXPIRY_CHOICES } from "@/lib/auth/token-state";
import { isRealDay } from "@/lib/format/day";

/** The tokens page's create form, as the server action receives it. */
export const ZCreateTokenForm = z
  .object({
    name: z.string().trim().min(1, "Give the token a name").max(100, "The name must be 100 characters or fewer"),
    scopes: z.array(ZTokenScope).min(1, "Pick at least one scope").max(5),
    /** true = every project of the owner, now and later; false = only `projectIds`. */
    allProjects: z.boolean(),
    projectIds: z.array(z.string().min(1).max(100)).max(500).default([]),
    expiry: z.enum(TOKEN_EXPIRY_CHOICES),
    expiryDate: z.string().refine(isRealDay, "Pick a date").optional(),
    /** Whose token: omitted = the signed-in person's own. */
    userId: z.string().min(1).max(100).optional(),
  })
  .superRefine((form, ctx) => {
    if (!form.allProjects && form.projectIds.length === 0) ctx.addIssue({ code: "custom", path: ["projectIds"], message: "Pick at least one project, or all of them" });
    if (form.expiry === "date" && !form.expiryDate) ctx.addIssue({ code: "custom", path: ["expiryDate"], message: "Pick the day the token expires" });
  });
export type TCreateTokenForm = z.input<typeof ZCreateTokenForm>;

export const ZRevokeToken = z.object({ tokenId: z.string().min(1).max(100) });
export type TRevokeToken = z.input<typeof ZRevokeToken>;
