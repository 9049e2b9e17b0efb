import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ApiOperation } from "@/lib/api/reference";

const METHOD_TONES = {
  get: "blue",
  post: "green",
  put: "orange",
  patch: "yellow",
  delete: "red",
} as const satisfies Record<ApiOperation["method"], BadgeTone>;

export function MethodBadge({ method }: { method: ApiOperation["method"] }) {
  return (
    <Badge tone={METHOD_TONES[method]} className="w-16 justify-center font-mono">
      {method.toUpperCase()}
    </Badge>
  );
}
