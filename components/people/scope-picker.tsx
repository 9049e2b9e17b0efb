"use client";

/** Approver scope: the environments an approver may approve for; none ticked = every environment. */
export function ScopePicker({ environments, value, onChange, legend = "Approves for" }: { environments: { id: string; name: string }[]; value: string[]; onChange: (ids: string[]) => void; legend?: string }) {
  if (environments.length === 0) return <p className="text-xs text-slate-500">Every environment (the project has none yet).</p>;
  return (
    <fieldset>
      <legend className="text-xs font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {environments.map((e) => (
          <label key={e.id} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={value.includes(e.id)} onChange={(ev) => onChange(ev.target.checked ? [...value, e.id] : value.filter((id) => id !== e.id))} />
            <span className="font-mono">{e.name}</span>
          </label>
        ))}
      </div>
      <p className="mt-1 text-xs text-slate-500">{value.length === 0 ? "None ticked: approves for every environment." : "Approvals for other environments are refused."}</p>
    </fieldset>
  );
}
