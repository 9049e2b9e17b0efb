import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function RequestNotFound() {
  return (
    <EmptyState title="Request not found">
      It does not exist or belongs to a project you are not a member of. <Link href="/requests" className="font-medium text-indigo-600">Back to requests</Link>
    </EmptyState>
  );
}
