import { z } from "zod";
import { defineEndpoint, ZPathId } from "../endpoint";

// /api/v1 endpoints for requests: each route file under app/api/v1 uses one of these with apiRoute().
export const REQUESTS_ENDPOINTS = {} as const;

void z;
void defineEndpoint;
void ZPathId;
