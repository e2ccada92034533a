/** English: declared tools (generative AI, ADR 0041) and verified addresses before money moves (ADR 0042). */
export const enSafety = {
  // The brief: the client's rule, and how designers read it.
  "safety.ai.option": "Accept designs made with generative AI",
  "safety.ai.option.note":
    "Designers say with every design whether generative AI made it; untick this to refuse the ones that say yes.",
  "safety.ai.option.noteOptIn":
    "Off unless you turn it on: in this category the winning design should be drawn by its designer, so you can own it. Designers say with every design whether generative AI made it.",
  "safety.ai.briefLabel": "Generative AI",
  "safety.ai.brief.allowed":
    "Accepted. Every designer says with each design whether generative AI was used, and the client sees it.",
  "safety.ai.brief.forbidden":
    "Not accepted in this contest: a design made with generative AI is refused. Every designer says with each design whether it was used.",
  // The upload form.
  "safety.ai.question": "Did you use generative AI to make this design?",
  "safety.ai.question.allowed":
    "This contest accepts it; the client sees your answer. Answer for every version you send.",
  "safety.ai.question.forbidden":
    "This contest does not accept designs made with generative AI; the client sees your answer. Answer for every version you send.",
  "safety.ai.answer.no": "No, no generative AI was used",
  "safety.ai.answer.yes": "Yes, generative AI helped make it",
  "safety.ai.refused.undeclared":
    "Say whether you used generative AI to make this design (yes or no), then send it again.",
  "safety.ai.refused.forbidden":
    "This contest does not accept designs made with generative AI, so this one was not sent. Your title and note are kept below.",
  // What the client reads.
  "safety.ai.badge.ai": "Made with generative AI",
  "safety.ai.badge.none": "No generative AI declared",
  "safety.ai.badge.undeclared": "Generative AI: not declared (sent before designers declared it)",

  // Verified addresses.
  "safety.verify.mail.subject": "Confirm your e-mail address for Concours",
  "safety.verify.mail.body":
    "Hello {name},\n\nPlease confirm that this address is yours: Concours pays prizes and takes payments only for confirmed addresses.\nConfirm it here (the link works once, for 2 days):\n\n{link}\n\nIf you did not create a Concours account, ignore this message.",
  "safety.verify.verified": "Verified",
  "safety.verify.notice.title": "Verify your address.",
  "safety.verify.notice.account":
    "We sent a link to {email}. Until you follow it, you cannot pay for a contest or ask for a payout.",
  "safety.verify.notice.launch":
    "Before you pay, confirm that {email} is yours: follow the link we sent there, then come back to launch. Nothing is charged until then.",
  "safety.verify.notice.payout":
    "Before money leaves your balance, confirm that {email} is yours: follow the link we sent there, then come back to ask for the payout.",
  "safety.verify.resend": "Send the link again",
  "safety.verify.sent": "A new link is on its way to {email}. It works once, for 2 days.",
  "safety.verify.wait":
    "A link went out a moment ago: look in your mailbox (and its spam folder), or ask again in a couple of minutes.",
  "safety.verify.refused.unverified":
    "Confirm your e-mail address first: follow the link we sent you, or send it again from your account page.",
  "safety.verify.refused.throttled":
    "A link went out a moment ago. Ask again in {minutes, plural, one {a minute} other {# minutes}}.",
  "safety.verify.refused.alreadyVerified": "Your address is already verified.",
  "safety.verify.refused.invalid":
    "This link has expired or has been used. Send a new one from your account page.",
  "safety.verify.page.title": "Confirm your e-mail address",
  "safety.verify.page.lead": "One click and your address is confirmed.",
  "safety.verify.page.confirm": "Confirm my address",
  "safety.verify.page.done": "Your address is confirmed. You can now pay for contests and receive payouts.",
  "safety.verify.page.next": "Go to your dashboard",
  "safety.verify.page.again": "Go to your account",
} as const;
