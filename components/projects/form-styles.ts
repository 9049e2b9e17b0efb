/** The project forms' look, shared with the other settings forms. */
export const INPUT = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50";
export const LABEL = "block text-sm font-medium text-slate-800";
export const HINT = "mt-1 text-xs text-slate-500";
