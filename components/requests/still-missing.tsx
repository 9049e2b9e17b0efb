import { Card } from "@/components/ui/card";
import { reasonsInWords } from "@/lib/workflow/policy";

type Review = { id: string; approver: { name: string }; decision: string; noLongerCounts: { reason: string; since: Date | null } | null };

/**
 * What stands between the request and each environment it has not reached, in plain words
 * ("prod: needs 1 more approval from an approver; staging not yet deployed"), and whose
 * reviews stopped counting, so the requester knows who must look again.
 */
export function StillMissing({ remaining, approvals }: { remaining: { environment: string; missing: string[] }[]; approvals: Review[] }) {
  const lost = approvals.filter((a) => a.noLongerCounts && a.decision === "approved");
  return (
    <Card title="Still missing">
      <div className="space-y-2 text-sm" data-testid="still-missing">
        {remaining.length === 0 ? (
          <p className="text-slate-600">Deployed to every environment.</p>
        ) : (
          <ul className="space-y-1">
            {remaining.map(({ environment, missing }) => (
              <li key={environment} data-testid={`still-missing-${environment}`}>
                <span className="font-mono font-medium">{environment}</span>: {missing.length ? reasonsInWords(missing) : "nothing missing, ready to deploy."}
              </li>
            ))}
          </ul>
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
