import { describe, expect, it } from "vitest";
import { apiReference, curlExample, exampleOf, fieldsOf, typeOf } from "./reference";
import { openApiDocument } from "./openapi";

describe("the API reference", () => {
  const document = openApiDocument();
  const tags = apiReference(document, "https://sluice.example.com");
  const operation = (method: string, path: string) => tags.flatMap((t) => t.operations).find((o) => o.method === method && o.path === path)!;

  it("lists every operation of the document once, grouped by tag", () => {
    const listed = tags.flatMap((t) => t.operations.map((o) => `${o.method} ${o.path}`));
    const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) => Object.keys(item ?? {}).filter((k) => ["get", "post", "put", "patch", "delete"].includes(k)).map((m) => `${m} ${path}`));
    expect(listed.sort()).toEqual(documented.sort());
    expect(new Set(tags.map((t) => t.name)).size).toBe(tags.length);
    for (const tag of tags) expect(tag.operations.every((o) => o.id && o.summary)).toBe(true);
  });

  it("shows a body's fields with types, required marks and limits, and a curl that sends them", () => {
    const start = operation("post", "/deployments");
    expect(start.successStatus).toBe("201");
    expect(start.authenticated).toBe(true);
    expect(start.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "request", type: "integer", required: true, constraints: ["1–999999999"] }),
        expect.objectContaining({ name: "environment", type: "string", required: true }),
        expect.objectContaining({ name: "runAt", type: "string (date-time)", required: false }),
      ]),
    );
    expect(start.response.map((f) => f.name)).toEqual(expect.arrayContaining(["deployment", "deployment.id", "deployment.status", "deployment.runAt"]));
    expect(start.response.find((f) => f.name === "deployment.runAt")?.type).toBe("string (date-time) or null");
    expect(start.errorStatuses).toEqual(expect.arrayContaining(["400", "401", "403", "422"]));
    expect(start.curl).toBe(
      'curl -X POST "https://sluice.example.com/api/v1/deployments" \\\n  -H "Authorization: Bearer $SLUICE_TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d \'{"request":1,"environment":"<environment>"}\'',
    );
  });

  it("shows path and query parameters, nested answer fields and lists", () => {
    const get = operation("get", "/requests/{number}");
    expect(get.pathParams).toEqual([expect.objectContaining({ name: "number", required: true })]);
    expect(get.response.map((f) => f.name)).toEqual(expect.arrayContaining(["request.approvals[].decision", "request.environments[].missing"]));
    expect(get.response.find((f) => f.name === "request.environments[].missing")?.type).toBe("string[]");
    const list = operation("get", "/requests");
    expect(list.query.find((f) => f.name === "limit")).toMatchObject({ type: "integer", required: false, constraints: ["1–100", "default 50"] });
    expect(list.curl).toBe('curl "https://sluice.example.com/api/v1/requests" \\\n  -H "Authorization: Bearer $SLUICE_TOKEN"');
    expect(operation("get", "/openapi.json").authenticated).toBe(false);
  });
});

describe("schema helpers", () => {
  it("name types in a few words", () => {
    expect(typeOf({ type: "string", enum: ["a", "b"] })).toBe('"a" | "b"');
    expect(typeOf({ anyOf: [{ type: "object", properties: {} }, { type: "null" }] })).toBe("object or null");
    expect(typeOf({ type: "array", items: { type: "string", enum: ["x"] } })).toBe('"x"[]');
    expect(typeOf({})).toBe("any");
    expect(typeOf({ $ref: "#/components/schemas/Thing" }, { components: { schemas: { Thing: { type: "integer" } } } })).toBe("integer");
  });

  it("flatten nested objects and make examples of required fields only", () => {
    const schema = { type: "object", required: ["a"], properties: { a: { type: "object", required: ["b"], properties: { b: { type: "boolean" }, c: { type: "string" } } }, d: { type: "string" } } };
    expect(fieldsOf(schema).map((f) => [f.name, f.required, f.depth])).toEqual([
      ["a", true, 0],
      ["a.b", true, 1],
      ["a.c", false, 1],
      ["d", false, 0],
    ]);
    expect(exampleOf(schema)).toEqual({ a: { b: true } });
  });

  it("quote a body for the shell, apostrophes included", () => {
    const curl = curlExample("post", "/x", "http://h", true, { type: "object", required: ["s"], properties: { s: { type: "string", enum: ["it's"] } } });
    expect(curl).toContain(`-d '{"s":"it'\\''s"}'`);
  });
});
