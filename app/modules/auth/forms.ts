import { z } from "zod";
import { t } from "~/i18n";
import { PASSWORD_MAX } from "./password-policy";

// Form schemas, shared by the browser (instant feedback) and the server (the authority).
const email = z
  .string({ error: t("validation.required") })
  .trim()
  .max(254, { error: t("validation.email") })
  .email({ error: t("validation.email") });
const password = z
  .string({ error: t("validation.required") })
  .max(PASSWORD_MAX, { error: t("validation.password.too_long") });
const newPassword = password.refine((p) => [...p].length >= 8, { error: t("validation.password.too_short") });

export const SignupSchema = z.object({
  displayName: z
    .string({ error: t("validation.required") })
    .trim()
    .min(2, { error: t("validation.displayName") })
    .max(60, { error: t("validation.displayName") }),
  email,
  password: newPassword,
  role: z.enum(["client", "designer"], { error: t("validation.role") }),
});

export const LoginSchema = z.object({
  email,
  password,
  redirectTo: z.string().optional(),
});

export const ForgotSchema = z.object({ email });
export const ResetSchema = z.object({ password: newPassword });
export const ChangePasswordSchema = z.object({
  intent: z.literal("change-password"),
  currentPassword: password,
  newPassword,
});
