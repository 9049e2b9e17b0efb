import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env: the URL comes from the environment, when there is one.
// Only `prisma generate` is used (migrations are applied by Sluice's own engine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/sluice" },
});
