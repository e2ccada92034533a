import { z } from "zod";
import type { T } from "~/i18n";
import { PASSWORD_MAX } from "./password-policy";

// Form schemas, shared by the browser (instant feedback) and the server (the authority), built in
// the reader's language.
const email = (t: T) =>
  z
    .string({ error: t("validation.required") })
    .trim()
    .max(254, { error: t("validation.email") })
    .email({ error: t("validation.email") });
const password = (t: T) =>
  z
    .string({ error: t("validation.required") })
    .max(PASSWORD_MAX, { error: t("validation.password.too_long") });
const newPassword = (t: T) =>
  password(t).refine((p) => [...p].length >= 8, { error: t("validation.password.too_short") });

export const signupSchema = (t: T) =>
  z.object({
    displayName: z
      .string({ error: t("validation.required") })
      .trim()
      .min(2, { error: t("validation.displayName") })
      .max(60, { error: t("validation.displayName") }),
    email: email(t),
    password: newPassword(t),
    role: z.enum(["client", "designer"], { error: t("validation.role") }),
  });

export const loginSchema = (t: T) =>
  z.object({
    email: email(t),
    password: password(t),
    redirectTo: z.string().optional(),
  });

export const forgotSchema = (t: T) => z.object({ email: email(t) });
export const resetSchema = (t: T) => z.object({ password: newPassword(t) });
export const changePasswordSchema = (t: T) =>
  z.object({
    intent: z.literal("change-password"),
    currentPassword: password(t),
    newPassword: newPassword(t),
  });
