"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { safeCallback } from "@/lib/auth/callback-url";

export type SignInState = { error?: string };

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: String(form.get("email") ?? "").trim(),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
  } catch (error) {
    if (error instanceof AuthError) return { error: "Wrong email or password." };
    throw error;
  }
  redirect(safeCallback(form.get("callbackUrl")));
}
