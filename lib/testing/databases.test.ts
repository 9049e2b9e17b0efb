import { describe, expect, it } from "vitest";
import pg from "pg";
import { createTestDatabase } from "./databases";

describe("createTestDatabase", () => {
  it("creates a database that can be queried and dropped", async () => {
    const db = await createTestDatabase("smoke");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query("select current_database() as name");
    await client.end();
    expect(rows[0].name).toBe(db.name);
    await db.drop();
  });
});
