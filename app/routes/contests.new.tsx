import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { StepIndicator } from "~/components/contest/step-indicator";
import { BasicsForm } from "~/components/wizard/basics-form";
import { translator } from "~/i18n";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import {
  basicsStep,
  CATEGORY_KEYS,
  defaultCurrency,
  WIZARD_STEPS,
  type Category,
} from "~/modules/contests/brief";
import { startDraft } from "~/modules/contests/drafts.server";
import { contestPaths } from "~/modules/contests/next-steps";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("wizard.title.new")} · ${t("app.name")}` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  const asked = new URL(request.url).searchParams.get("category");
  return {
    category: CATEGORY_KEYS.includes(asked as Category) ? (asked as Category) : undefined,
    currency: defaultCurrency(context.locale),
  };
}

/** The first step saves a draft at once; the rest of the wizard edits it (`/contests/:id/edit`). */
export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: basicsStep(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const contestId = await startDraft(user.id, submission.value, defaultCurrency(context.locale));
  return redirect(contestPaths.edit(contestId, 2));
}

export default function NewContest() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const { category, currency } = useLoaderData<typeof loader>();
  return (
    <div className="container page wizard">
      <header className="wizard__top">
        <h1>{t("wizard.title.new")}</h1>
        <p className="muted">{t("wizard.autosaveNote")}</p>
      </header>
      <StepIndicator current={1} reached={1} steps={WIZARD_STEPS} href={() => "/contests/new"} />
      <div className="wizard__layout wizard__layout--single">
        <section className="wizard__panel">
          <BasicsForm
            action="/contests/new"
            lastResult={lastResult}
            defaultValue={{ category }}
            currency={currency}
          />
        </section>
      </div>
    </div>
  );
}
