import { redirect } from "next/navigation";

/** Settings opens on the projects a team brings to Sluice. */
export default function SettingsPage() {
  redirect("/settings/projects");
}
