"use client";

import { useId, useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

/**
 * A button that asks before it acts: the question opens right below it, Cancel has the focus
 * (Enter does no harm), Escape closes it. For removing, revoking, deactivating, resetting.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending = false,
  variant = "danger",
}: {
  label: string;
  question: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  variant?: ButtonVariant;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();

  return (
    <div className="inline-block">
      <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setOpen(true)} disabled={pending} aria-expanded={open}>
        {label}
      </Button>
      {open && (
        <div
          role="alertdialog"
          aria-labelledby={`${id}-question`}
          className="mt-2 w-72 rounded-md border border-slate-300 bg-white p-3 text-left shadow-md"
          onKeyDown={(e) => {
            if (e.key === "Escape") setOpen(false);
          }}
        >
          <p id={`${id}-question`} className="text-sm text-slate-800">
            {question}
          </p>
          <div className="mt-3 flex gap-2">
            <Button
              type="button"
              variant={variant}
              className="px-2 py-1 text-xs"
              disabled={pending}
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
            <Button autoFocus type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
