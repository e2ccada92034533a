import type { MetaFunction } from "@remix-run/node";
import { LegalPage, type LegalSection } from "~/components/legal-page";
import { metaT } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("legal.terms.title")} · ${t("app.name")}` },
    { name: "description", content: t("legal.terms.description") },
  ];
};

/** When the terms last changed (French and English together: the French text is the reference). */
const UPDATED = Date.UTC(2026, 11, 1);

const SECTIONS: readonly LegalSection[] = [
  { id: "account", title: "legal.terms.s1.title", body: "legal.terms.s1.body" },
  { id: "contests", title: "legal.terms.s2.title", body: "legal.terms.s2.body" },
  { id: "prize-refunds", title: "legal.terms.s3.title", body: "legal.terms.s3.body" },
  { id: "fees", title: "legal.terms.s4.title", body: "legal.terms.s4.body" },
  { id: "original-work", title: "legal.terms.s5.title", body: "legal.terms.s5.body" },
  { id: "handover", title: "legal.terms.s6.title", body: "legal.terms.s6.body" },
  { id: "conduct", title: "legal.terms.s7.title", body: "legal.terms.s7.body" },
  { id: "reports", title: "legal.terms.s8.title", body: "legal.terms.s8.body" },
  { id: "liability", title: "legal.terms.s9.title", body: "legal.terms.s9.body" },
  { id: "changes", title: "legal.terms.s10.title", body: "legal.terms.s10.body" },
  { id: "governing-law", title: "legal.terms.s11.title", body: "legal.terms.s11.body" },
  { id: "language", title: "legal.terms.s12.title", body: "legal.terms.s12.body" },
];

export default function Terms() {
  return (
    <LegalPage
      heading="legal.terms.title"
      intro="legal.terms.intro"
      updated={UPDATED}
      sections={SECTIONS}
      related={{ to: "/privacy", label: "legal.privacy.title" }}
    />
  );
}
