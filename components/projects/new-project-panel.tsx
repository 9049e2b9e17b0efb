"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NewProjectForm } from "./new-project-form";

/** "New project": the form opens in place, and Cancel puts the button back. */
export function NewProjectPanel({ mayUseServerPaths }: { mayUseServerPaths: boolean }) {
  const [open, setOpen] = useState(false);
  if (!open) return <Button onClick={() => setOpen(true)}>New project</Button>;
  return (
    <Card title="New project" className="w-full">
      <NewProjectForm mayUseServerPaths={mayUseServerPaths} onCancel={() => setOpen(false)} />
    </Card>
  );
}
