import type { Role } from "@/lib/generated/prisma/enums";

/** The demo accounts `npm start` creates, one per role; the sign-in page lists them. */
export const DEMO_PASSWORD = "sluice-demo";

export const DEMO_USERS = [
  { email: "rita.requester@riscura.dev", name: "Rita Requester", role: "requester" },
  { email: "alex.approver@riscura.dev", name: "Alex Approver", role: "approver" },
  { email: "dana.deployer@riscura.dev", name: "Dana Deployer", role: "deployer" },
  { email: "morgan.manager@riscura.dev", name: "Morgan Manager", role: "manager" },
  { email: "ada.admin@riscura.dev", name: "Ada Admin", role: "admin" },
] as const satisfies readonly { email: string; name: string; role: Role }[];
