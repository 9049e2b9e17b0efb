import { Card } from "@/components/ui/card";

type Review = { id: string; approver: { name: string }; decision: string; noLongerCounts: { reason: string; since: Date | null } | null };

/**
 * What stands between the request and its next environment, in plain words, and whose
 * reviews stopped counting (so the requester knows who must look again).
 */
export function StillMissing({ nextStep, approvals }: { nextStep: { environment: string; missing: string[] } | null; approvals: Review[] }) {
  const lost = approvals.filter((a) => a.noLongerCounts && a.decision === "approved");
  return (
    <Card title="Still missing">
      <div className="space-y-2 text-sm" data-testid="still-missing">
        {!nextStep ? (
          <p className="text-slate-600">Deployed to every environment.</p>
        ) : nextStep.missing.length ? (
          <p>
            Before <span className="font-mono font-medium">{nextStep.environment}</span>: {nextStep.missing.join("; ")}.
          </p>
        ) : (
          <p>
            Nothing is missing: ready to deploy to <span className="font-mono font-medium">{nextStep.environment}</span>.
          </p>
        )}
        {lost.length > 0 && (
          <p className="text-amber-800">
            {[...new Set(lost.map((a) => a.approver.name))].join(", ")}
            {lost.length > 1 ? "'s approvals" : "'s approval"} no longer count{lost.length > 1 ? "" : "s"} ({lost[0].noLongerCounts!.reason}): an approver must approve again.
          </p>
        )}
      </div>
    </Card>
  );
}
