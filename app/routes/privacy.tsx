import type { MetaFunction } from "@remix-run/node";
import { LegalPage, type LegalSection } from "~/components/legal-page";
import { metaT } from "~/i18n/meta";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: `${t("legal.privacy.title")} · ${t("app.name")}` },
    { name: "description", content: t("legal.privacy.description") },
  ];
};

/** When the policy last changed (French and English together: the French text is the reference). */
const UPDATED = Date.UTC(2026, 11, 1);

/** Where the person in charge of the protection of personal information reads their mail (Law 25). */
const PRIVACY_CONTACT = "confidentialite@concours.example";

/** The person in charge, by role, and how to write to them. */
function Contact() {
  const t = useT();
  return (
    <address className="legal__contact">
      <p>
        <strong>{t("legal.privacy.officer.role")}</strong>
      </p>
      <p>
        {t("legal.privacy.officer.contact")} <a href={`mailto:${PRIVACY_CONTACT}`}>{PRIVACY_CONTACT}</a>
      </p>
    </address>
  );
}

const SECTIONS: readonly LegalSection[] = [
  { id: "responsible", title: "legal.privacy.s1.title", body: "legal.privacy.s1.body", after: <Contact /> },
  { id: "collected", title: "legal.privacy.s2.title", body: "legal.privacy.s2.body" },
  { id: "purposes", title: "legal.privacy.s3.title", body: "legal.privacy.s3.body" },
  { id: "sharing", title: "legal.privacy.s4.title", body: "legal.privacy.s4.body" },
  { id: "storage", title: "legal.privacy.s5.title", body: "legal.privacy.s5.body" },
  { id: "retention", title: "legal.privacy.s6.title", body: "legal.privacy.s6.body" },
  { id: "rights", title: "legal.privacy.s7.title", body: "legal.privacy.s7.body" },
  { id: "cookies", title: "legal.privacy.s8.title", body: "legal.privacy.s8.body" },
  { id: "security", title: "legal.privacy.s9.title", body: "legal.privacy.s9.body" },
  { id: "complaints", title: "legal.privacy.s10.title", body: "legal.privacy.s10.body" },
  { id: "changes", title: "legal.privacy.s11.title", body: "legal.privacy.s11.body" },
];

export default function Privacy() {
  return (
    <LegalPage
      heading="legal.privacy.title"
      intro="legal.privacy.intro"
      updated={UPDATED}
      sections={SECTIONS}
      vars={{ email: PRIVACY_CONTACT }}
      related={{ to: "/terms", label: "legal.terms.title" }}
    />
  );
}
