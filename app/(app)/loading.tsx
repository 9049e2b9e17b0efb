// Also the fallback for any signed-in section without its own loading.tsx.
import { PageSkeleton } from "@/components/ui/loading";

export default function Loading() {
  return <PageSkeleton label="the page" />;
}
