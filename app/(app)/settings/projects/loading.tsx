import { PageSkeleton } from "@/components/ui/loading";

export default function Loading() {
  return <PageSkeleton label="the projects" />;
}
