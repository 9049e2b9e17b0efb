import { Badge } from "@/components/ui/badge";
import type { DeploymentStatus, RequestStatus, RiskLevel } from "@/lib/generated/prisma/enums";
import { DEPLOYMENT_STATUS_BADGE, REQUEST_STATUS_BADGE, RISK_BADGE, type StatusStyle } from "./labels";

function StyledBadge({ style, className }: { style: StatusStyle; className?: string }) {
  return (
    <Badge tone={style.tone} className={className}>
      {style.label}
    </Badge>
  );
}

export function RequestStatusBadge({ status, className }: { status: RequestStatus; className?: string }) {
  return <StyledBadge style={REQUEST_STATUS_BADGE[status]} className={className} />;
}

export function DeploymentStatusBadge({ status, className }: { status: DeploymentStatus; className?: string }) {
  return <StyledBadge style={DEPLOYMENT_STATUS_BADGE[status]} className={className} />;
}

/** A request without a lint result yet has no risk level: shown as "Not assessed". */
export function RiskBadge({ level, className }: { level: RiskLevel | null; className?: string }) {
  return <StyledBadge style={level ? RISK_BADGE[level] : { label: "Not assessed", tone: "gray" }} className={className} />;
}
