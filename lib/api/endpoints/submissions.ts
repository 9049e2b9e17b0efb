import { z } from "zod";
import { defineEndpoint } from "../endpoint";

// POST /api/v1/requests: a pipeline uploads its migrations folder (lib/server/submissions.ts).
export const SUBMISSIONS_ENDPOINTS = {} as const;

void z;
void defineEndpoint;
