import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function ProjectNotFound() {
  return (
    <EmptyState title="Project not found">
      It does not exist or you are not a member of it. <Link href="/settings/projects" className="font-medium text-indigo-600">Back to projects</Link>
    </EmptyState>
  );
}
