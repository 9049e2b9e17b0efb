"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { safeCallback } from "@/lib/auth/callback-url";
import { mustChangePassword, PASSWORD_CHANGE_PATH } from "@/lib/auth/session-standing";

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
  // This redirect renders in the same response, past the proxy that otherwise sends a reset password to be changed.
  if (await mustChangePassword(String(form.get("email") ?? ""))) redirect(`${PASSWORD_CHANGE_PATH}?required=1`);
  redirect(safeCallback(form.get("callbackUrl")));
}
