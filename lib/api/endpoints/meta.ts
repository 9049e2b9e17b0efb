import { z } from "zod";
import { defineEndpoint } from "../endpoint";

export const META_ENDPOINTS = {
  openapi: defineEndpoint({
    method: "get",
    path: "/openapi.json",
    tag: "meta",
    summary: "This API's OpenAPI 3.1 document",
    auth: "none",
    response: z.record(z.string(), z.unknown()),
  }),
} as const;
