import { z } from "zod";
import type { T } from "~/i18n";
import { DELIVERIES, MAIL_CATEGORIES, type Delivery, type MailCategory } from "./kinds";

/** The account page's mail settings: one choice per kind of mail, every kind present. */
export function parseMailSettings(
  form: FormData,
  t: T,
): { ok: true; value: Record<MailCategory, Delivery> } | { ok: false; message: string } {
  const schema = z.object(
    Object.fromEntries(MAIL_CATEGORIES.map((c) => [c, z.enum(DELIVERIES)])) as Record<
      MailCategory,
      z.ZodEnum<{ [K in Delivery]: K }>
    >,
  );
  const parsed = schema.safeParse(Object.fromEntries(MAIL_CATEGORIES.map((c) => [c, form.get(c)])));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: t("notify.settings.invalid") };
}
