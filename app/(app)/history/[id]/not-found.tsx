import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function DeploymentNotFound() {
  return (
    <EmptyState title="No such deployment">
      It does not exist, or it belongs to a project you are not a member of.{" "}
      <Link href="/history" className="font-medium text-indigo-600 hover:text-indigo-500">
        Back to history
      </Link>
    </EmptyState>
  );
}
