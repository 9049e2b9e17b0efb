import type { CurrentUser } from "@/lib/auth/roles";
import type { MigrationFile } from "@/lib/engine";
import { sampleWithDeadline, unreachableSample } from "@/lib/health/sample";
import type { HealthSample } from "@/lib/health/types";
import { readableProjects } from "./readable-projects";
import { environmentUrl, sourceMigrations } from "./projects";

export type EnvironmentHealth = {
  environmentId: string;
  projectName: string;
  name: string;
  sample: HealthSample;
};

/** A fresh health sample of every environment the viewer may see, all targets at once. */
export async function environmentsHealth(user: CurrentUser): Promise<EnvironmentHealth[]> {
  const projects = await readableProjects(user, "health.read");
  const perProject = await Promise.all(
    projects.map(async (project) => {
      // Without a readable folder the sample still runs; only the migration counts are skipped.
      const migrations: MigrationFile[] | undefined = await sourceMigrations(project).catch(() => undefined);
      return Promise.all(
        project.environments.map(async (environment): Promise<EnvironmentHealth> => {
          let sample: HealthSample;
          try {
            sample = await sampleWithDeadline(environmentUrl(environment), { migrations });
          } catch {
            sample = unreachableSample("The stored connection URL cannot be decrypted with this server's key.");
          }
          return { environmentId: environment.id, projectName: project.name, name: environment.name, sample };
        }),
      );
    }),
  );
  return perProject.flat();
}
