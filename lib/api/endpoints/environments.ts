import { z } from "zod";
import { defineEndpoint, ZPathId } from "../endpoint";

// /api/v1 endpoints for environments: each route file under app/api/v1 uses one of these with apiRoute().
export const ENVIRONMENTS_ENDPOINTS = {} as const;

void z;
void defineEndpoint;
void ZPathId;
