import { Badge } from "@/components/ui/badge";
import type { ApiField } from "@/lib/api/reference";
import { RichText } from "./rich-text";

/** Fields of a body, an answer or a parameter list: name (nested ones indented), type, required, what it is. */
export function FieldsTable({ caption, fields }: { caption: string; fields: ApiField[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">{caption}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {fields.map((field) => (
            <tr key={field.name}>
              <td className="whitespace-nowrap py-1.5 pr-4 align-top font-mono text-xs" style={{ paddingLeft: `${field.depth * 1.25}rem` }}>
                {field.name}
                {field.required && (
                  <Badge tone="red" className="ml-2 font-sans">
                    required
                  </Badge>
                )}
              </td>
              <td className="py-1.5 pr-4 align-top font-mono text-xs text-indigo-700">{field.type}</td>
              <td className="py-1.5 align-top text-slate-700">
                {field.description && <RichText text={field.description} />}
                {field.constraints.length > 0 && <span className="block text-xs text-slate-500">{field.constraints.join(" · ")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
