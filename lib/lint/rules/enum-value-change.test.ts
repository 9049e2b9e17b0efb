import { describeRule } from "../testing";

describeRule("enum-value-change", {
  flags: [
    "ALTER TYPE \"Role\" RENAME VALUE 'ADMIN' TO 'OWNER';",
    // Prisma's way of removing a value.
    'ALTER TYPE "Role" RENAME TO "Role_old";\nCREATE TYPE "Role" AS ENUM (\'USER\');\nALTER TABLE "User" ALTER COLUMN "role" TYPE "Role" USING ("role"::text::"Role");\nDROP TYPE "Role_old";',
  ],
  passes: ["ALTER TYPE \"Role\" ADD VALUE 'OWNER';", 'ALTER TYPE "Role" RENAME TO "MemberRole";', "CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN');"],
});
