import { describe, expect, it } from "vitest";
import { db } from "~db/index";
import { translate, type Locale } from "~/i18n";
import { requestPasswordReset } from "~/modules/auth/accounts.server";
import { inviteJudge } from "~/modules/judging/judges.server";
import {
  listNotifications,
  notificationSubject,
  notificationText,
  notifyUsers,
} from "~/modules/notify/notifications.server";
import { rejectionText, storedRejection } from "~/modules/entries/rejection.server";
import { refusal } from "~/modules/refusal";
import { refusalMessage } from "~/utils/refusals.server";
import { makeUser } from "../helpers/fixtures";
import { judgingSetup } from "../helpers/judging";

const emailOf = async (id: string) =>
  (await db().selectFrom("users").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email;

/** The outbox's mail to an address, oldest first. */
const outboxTo = (to: string) =>
  db()
    .selectFrom("outbox_mail")
    .select(["subject", "text_body"])
    .where("to_address", "=", to)
    .orderBy("created_at")
    .orderBy("id")
    .execute();

describe("mail is written in the recipient's language (users.locale), when it is sent", () => {
  it.each<[string, Locale | null, Locale]>([
    ["French for an account that chose French", "fr-CA", "fr-CA"],
    ["English for an account that chose English", "en", "en"],
    ["French for an account that never chose", null, "fr-CA"],
  ])("the password reset: %s", async (_, chosen, expected) => {
    const user = await makeUser("Reset Person", "client", "a test passphrase", chosen);
    const email = await emailOf(user);
    await requestPasswordReset(email);
    const [mail] = await outboxTo(email);
    expect(mail!.subject).toBe(translate(expected, "auth.mail.reset.subject"));
    expect(
      mail!.text_body.startsWith(
        translate(expected, "auth.mail.reset.body", { name: "Reset Person", link: "" }).split("\n")[0]!,
      ),
    ).toBe(true);
  });

  it("the reset mail reads French words for French, English words for English", async () => {
    const fr = await makeUser("Françoise", "client", "a test passphrase", "fr-CA");
    const en = await makeUser("Frank", "client", "a test passphrase", "en");
    await requestPasswordReset(await emailOf(fr));
    await requestPasswordReset(await emailOf(en));
    expect((await outboxTo(await emailOf(fr)))[0]!.subject).toBe(
      "Réinitialisation de votre mot de passe Concours",
    );
    expect((await outboxTo(await emailOf(en)))[0]!.subject).toBe("Reset your Concours password");
  });

  it("a notification is mailed in each recipient's language, and read in the reader's", async () => {
    const fr = await makeUser("Françoise", "designer", "a test passphrase", "fr-CA");
    const en = await makeUser("Frank", "designer", "a test passphrase", "en");
    // entry.declined is mailed at once by default.
    const data = { number: 3, reason: "off_brief" };
    await notifyUsers(db(), [fr, en], { kind: "entry.declined", data });
    for (const [user, locale, name] of [
      [fr, "fr-CA", "Françoise"],
      [en, "en", "Frank"],
    ] as const) {
      const [mail] = await outboxTo(await emailOf(user));
      expect(mail!.subject).toBe(
        notificationSubject("entry.declined", { ...data, contestTitle: null }, locale),
      );
      expect(mail!.text_body).toContain(translate(locale, "notify.mail.greeting", { name }));
      expect(mail!.text_body).toContain(
        notificationText("entry.declined", { ...data, contestTitle: null }, locale),
      );
      // Stored as kind and data: the page words it in whatever language its reader reads.
      const [shownFr] = await listNotifications(user, "fr-CA");
      const [shownEn] = await listNotifications(user, "en");
      expect(shownFr!.text).toBe(
        translate("fr-CA", "notify.entry.declined", {
          contest: translate("fr-CA", "notify.aContest"),
          number: "3",
          reason: translate("fr-CA", "judging.decline.reason.off_brief"),
        }),
      );
      expect(shownEn!.text).toBe("Your entry #3 in “a contest” was declined: it does not follow the brief.");
    }
  });

  it("a judge's invitation: the invitee's language when they have an account, else the client's", async () => {
    const s = await judgingSetup();
    const known = await makeUser("Known Judge", "designer", "a test passphrase", "fr-CA");
    const knownEmail = await emailOf(known);
    const title = (
      await db()
        .selectFrom("contests")
        .select("title")
        .where("id", "=", s.contestId)
        .executeTakeFirstOrThrow()
    ).title;
    for (const [email, locale] of [
      [knownEmail, "fr-CA"],
      ["nobody-yet@example.com", "en"],
    ] as const) {
      const invite = await inviteJudge({ contestId: s.contestId, clientId: s.client, email, locale: "en" });
      if (!invite.ok) throw new Error("refused");
      const [mail] = await outboxTo(email);
      expect(mail!.subject).toBe(
        translate(locale, "judges.mail.subject", {
          client: "Camille Client",
          contest: title,
          link: invite.link,
        }),
      );
    }
  });
});

describe("a refused image's reason is stored as its code and worded when read", () => {
  it("words a stored refusal in the reader's language, and an old row's text as it is", () => {
    const gif = refusal("image", "unsupported_type", { type: "gif" });
    const stored = storedRejection({ refusal: gif });
    expect(stored).not.toContain("GIF;");
    expect(rejectionText(stored, "en")).toBe("This file is a GIF; upload a JPEG, PNG or WebP.");
    expect(rejectionText(stored, "fr-CA")).toBe(refusalMessage(gif, "fr-CA"));
    expect(rejectionText(storedRejection({ failed: true }), "fr-CA")).toBe(
      translate("fr-CA", "entries.processing.failed"),
    );
    expect(rejectionText("This file is damaged.", "fr-CA")).toBe("This file is damaged.");
    expect(notificationText("entry.rejected", { number: 4, reason: stored }, "en")).toContain(
      "This file is a GIF; upload a JPEG, PNG or WebP.",
    );
  });
});

describe("sizes in refusals are worded at the edge", () => {
  it("a file over the limit reads the limit in the reader's units", () => {
    const tooBig = refusal("upload", "too_large", { limit: 25 * 1024 * 1024 });
    expect(refusalMessage(tooBig, "en")).toBe(
      "This file is larger than 25 MB; upload a file of 25 MB or less.",
    );
    expect(refusalMessage(tooBig, "fr-CA")).toContain(translate("fr-CA", "bytes.mb", { n: 25 }));
    expect(translate("fr-CA", "bytes.mb", { n: 2.5 })).toBe("2,5\u00a0Mo");
  });
});
