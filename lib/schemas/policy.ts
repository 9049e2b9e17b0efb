import { z } from "zod";
import { ZPolicyInput } from "@/lib/workflow/stored-policy";

export const ZUpdatePolicy = z.object({
  environmentId: z.string().min(1),
  policy: ZPolicyInput,
});
export type TUpdatePolicy = z.input<typeof ZUpdatePolicy>;
