import { enContests } from "./en-contests";
import { enJudging } from "./en-judging";
import { enEntries } from "./en-entries";

/** English, the reference catalogue: every user-facing string of the app, by key. */
export const en = {
  ...enContests,
  ...enJudging,
  ...enEntries,
  "app.name": "Concours",
  "app.tagline": "Design contests that are fair to designers and clear for clients.",
  "nav.contests": "Browse contests",
  "nav.howItWorks": "How it works",
  "nav.login": "Log in",
  "nav.signup": "Sign up",
  "nav.logout": "Log out",
  "nav.account": "Account",
  "nav.mailbox": "Mailbox",
  "nav.skip": "Skip to content",
  "nav.main": "Main",
  "footer.note": "Concours · prizes held in escrow · every round on the record",

  "landing.hero.title": "A brief goes in. Dozens of designs come back. You pick the one.",
  "landing.hero.lead":
    "Run a design contest: write a brief, put the prize in escrow, and designers from everywhere send their drafts. Rate them with your team, pick finalists, choose a winner, and get the files and the rights.",
  "landing.cta.client": "Start a contest",
  "landing.cta.designer": "Find a contest to enter",
  "landing.steps.title": "How a contest works",
  "landing.step1.title": "1 · The brief",
  "landing.step1.body":
    "Say what you need, who it is for and the style you like. Set a prize; it waits in escrow.",
  "landing.step2.title": "2 · The entries",
  "landing.step2.body": "Designers send drafts. You see each one as a watermarked preview, as it arrives.",
  "landing.step3.title": "3 · Rating rounds",
  "landing.step3.body":
    "Rate with stars, comment, invite judges. Pick up to six finalists for a final round of revisions.",
  "landing.step4.title": "4 · Winner and handover",
  "landing.step4.body":
    "Choose the winner. They hand over the final files and sign the rights over; then the prize is paid.",
  "landing.clients.title": "For clients",
  "landing.clients.body":
    "Many ideas for one prize, a fair process you can share with your team, and full ownership at the end.",
  "landing.designers.title": "For designers",
  "landing.designers.body":
    "Prizes held in escrow before you start, guaranteed once finalists are picked, copied work flagged, and feedback on every entry.",
  "landing.open.title": "Open contests",
  "landing.open.empty": "No contest is open right now. Be the first to start one.",

  "auth.email": "E-mail",
  "auth.password": "Password",
  "auth.displayName": "Your name",
  "auth.displayName.hint": "Shown on your entries and contests.",
  "auth.password.hint": "At least 8 characters. A long passphrase is best.",
  "auth.role": "I am here to",
  "auth.role.client": "Run a contest (client)",
  "auth.role.designer": "Enter contests (designer)",
  "auth.role.hint": "You can do both later with the same account.",
  "auth.signup.title": "Create your account",
  "auth.signup.submit": "Create account",
  "auth.signup.haveAccount": "Already have an account?",
  "auth.login.title": "Welcome back",
  "auth.login.submit": "Log in",
  "auth.login.noAccount": "New to Concours?",
  "auth.login.forgot": "Forgot your password?",
  "auth.login.invalid": "That e-mail and password do not match an account.",
  "auth.login.throttled": "Too many attempts. Please wait {minutes} minutes and try again.",
  "auth.logout.done": "You are logged out.",
  "auth.account.title": "Your account",
  "auth.account.signedInAs": "Signed in as {email}",
  "auth.account.changePassword": "Change password",
  "auth.account.currentPassword": "Current password",
  "auth.account.newPassword": "New password",
  "auth.account.passwordChanged": "Password changed. Your other sessions have been logged out.",
  "auth.account.wrongPassword": "Your current password is not right.",
  "auth.account.logoutEverywhere": "Log out everywhere",
  "auth.account.logoutEverywhere.hint":
    "Ends every session of this account, on every device, including this one.",
  "auth.forgot.title": "Reset your password",
  "auth.forgot.lead": "Enter your e-mail and we will send you a link to choose a new password.",
  "auth.forgot.submit": "Send the link",
  "auth.forgot.sent":
    "If an account uses that address, a link is on its way. It works once, within the next 30 minutes.",
  "auth.reset.title": "Choose a new password",
  "auth.reset.submit": "Save the new password",
  "auth.reset.invalid": "This link has expired or has been used. Ask for a new one.",
  "auth.reset.done": "Your password is changed. Log in with it now.",
  "auth.mail.reset.subject": "Reset your Concours password",
  "auth.mail.reset.body":
    "Hello {name},\n\nSomeone (hopefully you) asked to reset the password of your Concours account.\nChoose a new password here (the link works once, for 30 minutes):\n\n{link}\n\nIf you did not ask for this, ignore this message; your password stays as it is.",

  "validation.required": "Please fill this in.",
  "validation.email": "Enter an e-mail address like name@example.com.",
  "validation.emailTaken": "An account already uses this e-mail. Log in instead?",
  "validation.password.too_short": "Use at least 8 characters.",
  "validation.password.too_long": "That is longer than 1024 characters.",
  "validation.password.too_common": "This password is one of the most common; choose another.",
  "validation.password.contains_email": "Your password should not contain your e-mail address.",
  "validation.displayName": "Enter a name between 2 and 60 characters.",
  "validation.role": "Choose client or designer.",

  "errors.title": "Something went wrong",
  "errors.notFound.title": "Page not found",
  "errors.notFound.body": "There is nothing at this address. It may have moved, or it may be private.",
  "errors.forbidden": "You do not have access to this page.",
  "errors.csrf": "This request came from another site and was refused.",
  "errors.generic": "We could not complete that. Please try again.",
  "errors.back": "Back to the home page",

  "mailbox.title": "Development mailbox",
  "mailbox.lead": "Mail the app would send. Shown only while mail is written to files, never with SMTP.",
  "mailbox.empty": "No mail yet.",
  "mailbox.to": "To",
  "mailbox.sent": "delivered",
  "mailbox.pending": "queued",
} as const;

export type MessageKey = keyof typeof en;
