import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { MaxFileSizeExceededError, MaxFilesExceededError, parseFormData } from "@remix-run/form-data-parser";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DraftStep } from "~/components/wizard/draft-step";
import { LaunchedEdit } from "~/components/wizard/launched-edit";
import { ReferencesManager } from "~/components/wizard/references-manager";
import { ReviewStep } from "~/components/wizard/review-step";
import type { WizardDefaults } from "~/components/wizard/shapes";
import { translator, type Locale, type T } from "~/i18n";
import { metaT } from "~/i18n/meta";
import {
  aboutStep,
  basicsStep,
  launchedBriefEdit,
  briefCurrency,
  PRESETS,
  REVIEW_STEP,
  STYLE_AXES,
  styleStep,
  WIZARD_STEPS,
  cardSchema,
  presetAmount,
  prizeStepSchema,
} from "~/modules/contests/brief";
import { amountInputValue } from "~/modules/money/money";
import type { Contest } from "~/modules/contests/contests.server";
import {
  editLaunchedBrief,
  getBriefForEditing,
  saveDraftStep,
  type DraftStepInput,
} from "~/modules/contests/drafts.server";
import { addReferences, openBriefEditor, referenceRefusal } from "~/modules/contests/edit.server";
import { refusal } from "~/modules/refusal";
import type { TaxRegion } from "~/modules/tax/tax";
import { launchContest } from "~/modules/contests/launch.server";
import { contestPaths } from "~/modules/contests/next-steps";
import { REFERENCE_LIMITS, removeReference } from "~/modules/contests/references.server";
import { requireUser } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { DAY } from "~/utils/durations";
import { newId } from "~/utils/ids.server";
import { badRequest, refusalMessage, refusalStatus, refuse } from "~/utils/refusals.server";
import "./contests.$contestId.edit.css";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: `${data?.contest.title || t("wizard.title.edit")} · ${t("app.name")}` }];
};

const MB = REFERENCE_LIMITS.maxBytes / (1024 * 1024);

/** The form values of every step, as strings, from the saved draft. */
function defaultsOf(c: Contest, t: T, locale: Locale): WizardDefaults {
  const style = Object.fromEntries(STYLE_AXES.map((a) => [a, String(c.style[a])]));
  const currency = briefCurrency(c.currency);
  const preset = PRESETS.find((p) => presetAmount(c.category, p.key, currency) === c.prize);
  const on = (v: boolean) => (v ? "on" : undefined);
  const about = {
    description: c.description,
    industry: c.industry,
    audience: c.audience,
    mustHaves: c.mustHaves,
  };
  const styleValues = {
    ...style,
    colorsUse: c.colorsUse.join(", "),
    colorsAvoid: c.colorsAvoid.join(", "),
    deliverables: c.deliverables,
  };
  return {
    basics: { category: c.category, title: c.title, businessName: c.businessName },
    about,
    style: styleValues,
    prize: {
      currency,
      prizeChoice: preset?.key ?? "custom",
      prize: amountInputValue(c.prize, c.currency, locale),
      qualifyingDays: String(c.durations.qualifying / DAY),
      selectionDays: String(c.durations.selection / DAY),
      finalDays: String(c.durations.final / DAY),
      winnerDays: String(c.durations.winner / DAY),
      guaranteed: on(c.guaranteed),
      blind: on(c.blind),
      isPrivate: on(c.isPrivate),
      fastTrack: on(c.fastTrack),
      portfolioOptOut: on(c.portfolioOptOut),
      aiAllowed: on(c.aiAllowed),
      ndaText: c.ndaText ?? t("wizard.prize.ndaDefault"),
    },
    launched: { ...about, ...styleValues },
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const contestId = params.contestId ?? "";
  const asked = new URL(request.url).searchParams.get("step");
  const editor = await openBriefEditor({
    contestId,
    clientId: user.id,
    askedStep: asked === null ? null : Number(asked),
  });
  if (!editor.ok) {
    if (editor.reason === "closed") throw redirect(contestPaths.page(contestId));
    refuse(refusal("contest", editor.reason), context.locale);
  }
  const { contest } = editor;
  const base = {
    contest,
    references: editor.references,
    defaults: defaultsOf(contest, translator(context.locale), context.locale),
    serverNow: now(),
    limits: { mb: MB, count: REFERENCE_LIMITS.perContest },
  };
  if (editor.mode === "draft") {
    const { step } = editor;
    if (asked !== null && step !== Number(asked)) throw redirect(contestPaths.edit(contest.id, step));
    return {
      ...base,
      mode: "draft" as const,
      step,
      gaps: editor.gaps,
      price: editor.price,
      // Paying waits for a verified address: the step says so and offers the link again (ADR 0042).
      emailVerified: editor.emailVerified,
      email: user.email,
      // One key per rendered payment form: a double submit of this form charges once.
      idempotencyKey: newId(),
    };
  }
  return {
    ...base,
    mode: "launched" as const,
    step: 0,
    gaps: [],
    idempotencyKey: "",
    price: null,
    emailVerified: true,
    email: user.email,
  };
}

/** The wizard's steps a launch found unfinished, by name ("About, Prize"). */
function stepNames(missing: string[], t: T) {
  return missing
    .map((m) => ((WIZARD_STEPS as readonly string[]).includes(m) ? t(`wizard.step.${m as "about"}`) : m))
    .join(", ");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translator(context.locale);
  const { user } = requireUser(request, context);
  const contestId = params.contestId ?? "";
  const editUrl = (step?: number, extra = "") => `${contestPaths.edit(contestId, step)}${extra}`;

  let formData: FormData;
  try {
    formData = await parseFormData(request, {
      maxFileSize: REFERENCE_LIMITS.maxBytes,
      maxFiles: REFERENCE_LIMITS.perContest,
    });
  } catch (error) {
    if (error instanceof MaxFileSizeExceededError || error instanceof MaxFilesExceededError) {
      const refused =
        error instanceof MaxFilesExceededError
          ? referenceRefusal("too_many")
          : referenceRefusal("too_large", { name: t("wizard.style.references.file") });
      return data(
        { intent: "add-reference" as const, referenceError: refusalMessage(refused, context.locale) },
        { status: refusalStatus(refused) },
      );
    }
    throw error;
  }

  const found = await getBriefForEditing(contestId, user.id);
  if (!found.ok) refuse(found, context.locale);
  const contest = found.contest;
  const intent = String(formData.get("intent") ?? "");
  const launched = contest.status !== "draft";

  if (intent === "add-reference") {
    const files = formData.getAll("file").filter((f): f is File => f instanceof File && f.size > 0);
    const result = await addReferences({
      contestId,
      clientId: user.id,
      files: await Promise.all(
        files.map(async (file) => ({ filename: file.name, bytes: Buffer.from(await file.arrayBuffer()) })),
      ),
    });
    if (!result.ok) {
      if (result.area === "contest") refuse(result, context.locale);
      return data(
        { intent, referenceError: refusalMessage(result, context.locale) },
        { status: refusalStatus(result) },
      );
    }
    return redirect(launched ? editUrl(undefined, "?added=1") : editUrl(3, "&added=1"));
  }

  if (intent === "remove-reference") {
    const result = await removeReference({
      contestId,
      clientId: user.id,
      referenceId: String(formData.get("referenceId") ?? ""),
    });
    if (!result.ok && (result.reason === "not_owner" || result.reason === "not_found"))
      refuse(refusal("contest", result.reason), context.locale);
    return redirect(launched ? editUrl() : editUrl(3));
  }

  if (intent === "edit-launched") {
    const submission = parseWithZod(formData, { schema: launchedBriefEdit(t) });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const result = await editLaunchedBrief({ contestId, clientId: user.id, values: submission.value });
    if (!result.ok) {
      if (result.reason === "not_found" || result.reason === "not_owner")
        refuse(refusal("contest", result.reason), context.locale);
      return data(
        { intent, result: submission.reply({ formErrors: [t("edit.launched.closed")] }) },
        { status: 409 },
      );
    }
    return redirect(editUrl(undefined, `?saved=${result.changes.length}`));
  }

  if (intent === "launch") {
    const submission = parseWithZod(formData, { schema: cardSchema(t, now()) });
    const hideFields = ["cardNumber", "cardCvc"];
    if (submission.status !== "success") {
      return data(
        { intent, result: submission.reply({ hideFields }), freshKey: null, region: null },
        { status: 400 },
      );
    }
    const v = submission.value;
    const result = await launchContest({
      contestId,
      clientId: user.id,
      card: {
        name: v.cardName,
        number: v.cardNumber,
        expMonth: v.cardExpiry.month,
        expYear: v.cardExpiry.year,
        cvc: v.cardCvc,
      },
      billing: { country: v.billingCountry, province: v.billingProvince },
      confirmedTotal: v.confirmedTotal,
      idempotencyKey: v.idempotencyKey,
    });
    if (result.ok) return redirect(`${contestPaths.page(contestId)}?launched=1`);
    // A new key for the next attempt: the same key would replay this outcome.
    const freshKey = newId();
    const reply = (options: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }) =>
      submission.reply({ ...options, hideFields });
    switch (result.reason) {
      case "not_found":
      case "not_owner":
        return refuse(refusal("contest", result.reason), context.locale);
      case "wrong_state":
        return redirect(contestPaths.page(contestId));
      case "billing_region":
        return data(
          {
            intent,
            result: reply({ fieldErrors: { billingCountry: [t("launch.billingRegion")] } }),
            freshKey,
            region: null,
          },
          { status: 400 },
        );
      case "quote_changed":
        // Nothing was charged: the summary now shows this region's taxes, to be confirmed again.
        return data(
          {
            intent,
            result: reply({ formErrors: [t("launch.quoteChanged")] }),
            freshKey,
            region: result.region,
          },
          { status: 409 },
        );
      case "tax_unregistered":
        return data(
          {
            intent,
            result: reply({
              formErrors: [
                t("launch.taxUnregistered", {
                  taxes: new Intl.ListFormat(context.locale).format(result.taxes.map((x) => t(`tax.${x}`))),
                }),
              ],
            }),
            freshKey,
            region: null,
          },
          { status: 503 },
        );
      case "declined":
        return data(
          {
            intent,
            // Why the card was refused: "Your card was declined: insufficient funds."
            result: reply({ fieldErrors: { cardNumber: [refusalMessage(result, context.locale)] } }),
            freshKey,
            region: null,
          },
          { status: refusalStatus(result) },
        );
      case "unverified":
        // Nothing was charged: the step explains and offers the link again.
        return data(
          {
            intent,
            result: reply({ formErrors: [refusalMessage(result, context.locale)] }),
            freshKey,
            region: null,
          },
          { status: refusalStatus(result) },
        );
      case "incomplete":
        return data(
          {
            intent,
            result: reply({
              formErrors: [t("launch.incomplete", { missing: stepNames(result.missing, t) })],
            }),
            freshKey,
            region: null,
          },
          { status: 400 },
        );
      default:
        return data(
          {
            intent,
            result: reply({
              formErrors: [t("card.providerError", { message: refusalMessage(result, context.locale) })],
            }),
            // The provider's answer is unknown: retry with the SAME key, so it charges at most once.
            freshKey: v.idempotencyKey,
            region: null,
          },
          { status: 502 },
        );
    }
  }

  if (intent === "save-step") {
    if (launched) return redirect(contestPaths.edit(contestId));
    const step = Number(formData.get("step"));
    const then = formData.get("then") === "stay" ? "stay" : "next";
    let input: DraftStepInput;
    let submission;
    switch (step) {
      case 1: {
        submission = parseWithZod(formData, { schema: basicsStep(t) });
        if (submission.status !== "success") break;
        input = { step: 1, values: submission.value };
        break;
      }
      case 2: {
        submission = parseWithZod(formData, { schema: aboutStep(t) });
        if (submission.status !== "success") break;
        input = { step: 2, values: submission.value };
        break;
      }
      case 3: {
        submission = parseWithZod(formData, { schema: styleStep(t) });
        if (submission.status !== "success") break;
        input = { step: 3, values: submission.value };
        break;
      }
      case 4: {
        submission = parseWithZod(formData, { schema: prizeStepSchema(t, context.locale, contest.category) });
        if (submission.status !== "success") break;
        input = { step: 4, values: submission.value };
        break;
      }
      default:
        badRequest(context.locale);
    }
    if (submission.status !== "success") {
      return data({ intent, step, result: submission.reply() }, { status: 400 });
    }
    const saved = await saveDraftStep({ contestId, clientId: user.id, locale: context.locale, ...input! });
    if (!saved.ok) {
      if (saved.reason === "invalid") {
        return data(
          { intent, step, result: submission.reply({ fieldErrors: saved.fieldErrors }) },
          { status: 400 },
        );
      }
      if (saved.reason === "not_draft") return redirect(contestPaths.page(contestId));
      return refuse(refusal("contest", saved.reason), context.locale);
    }
    return redirect(then === "stay" ? editUrl(step, "&saved=1") : editUrl(saved.nextStep));
  }

  badRequest(context.locale);
}

type ActionData =
  | { intent: "add-reference"; referenceError: string }
  | {
      intent: "launch";
      result: SubmissionResult<string[]>;
      freshKey: string | null;
      /** The billing region the summary must show now (the total changed with it). */
      region: TaxRegion | null;
    }
  | { intent: "save-step" | "edit-launched"; result: SubmissionResult<string[]>; step?: number };

export default function EditBrief() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const { contest, step, defaults, references, limits } = loaderData;
  const action =
    loaderData.mode === "draft" ? contestPaths.edit(contest.id, step) : contestPaths.edit(contest.id);
  const resultFor = (intent: "save-step" | "edit-launched") =>
    actionData && actionData.intent === intent ? actionData.result : undefined;
  const referenceError = actionData?.intent === "add-reference" ? actionData.referenceError : undefined;
  const refs = (
    <ReferencesManager
      contestId={contest.id}
      action={action}
      references={references}
      error={referenceError}
      added={params.get("added") === "1"}
      maxMb={limits.mb}
      maxCount={limits.count}
    />
  );

  if (loaderData.mode === "launched") {
    return (
      <LaunchedEdit
        contest={contest}
        action={action}
        lastResult={resultFor("edit-launched")}
        defaultValue={defaults.launched}
        references={refs}
        saved={params.get("saved")}
      />
    );
  }
  if (step >= REVIEW_STEP) {
    return (
      <ReviewStep
        data={loaderData}
        launchResult={actionData?.intent === "launch" ? actionData.result : undefined}
        freshKey={actionData?.intent === "launch" ? actionData.freshKey : null}
        quotedRegion={actionData?.intent === "launch" ? actionData.region : null}
      />
    );
  }
  return (
    <DraftStep
      data={loaderData}
      action={action}
      lastResult={resultFor("save-step")}
      references={refs}
      saved={!!params.get("saved")}
    />
  );
}
