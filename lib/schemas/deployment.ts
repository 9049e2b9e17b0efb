import { z } from "zod";
import { ZDeploy } from "./request";

export const ZStartDeploy = ZDeploy.extend({
  /** An admin deploying past the policy must say why; recorded on the deployment and in the audit log. */
  breakGlassReason: z.string().trim().min(10, "Explain the break-glass in at least 10 characters").max(2_000).optional(),
  /** Not before this time (a scheduled deploy). */
  runAt: z.coerce.date().optional(),
});
export type TStartDeploy = z.input<typeof ZStartDeploy>;

export const ZStopDeployment = z.object({ deploymentId: z.string().min(1) });
export type TStopDeployment = z.input<typeof ZStopDeployment>;
