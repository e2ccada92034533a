import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditList, ConsolePage, Pager } from "~/components/support/console";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { auditLogPage } from "~/modules/support/console.server";
import { listParams } from "~/modules/support/forms";
import { requireSupport } from "~/utils/auth.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("support.audit.title")} · ${t("app.name")}` },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireSupport(context);
  return auditLogPage({ page: listParams(new URL(request.url)).page });
}

export default function SupportAudit() {
  const t = useT();
  const { items, page, hasNext } = useLoaderData<typeof loader>();
  return (
    <ConsolePage title={t("support.audit.title")}>
      <p className="lead">{t("support.audit.lead")}</p>
      <AuditList items={items} />
      <Pager page={page} hasNext={hasNext} />
    </ConsolePage>
  );
}
