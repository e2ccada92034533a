import { enContests } from "./en-contests";
import { enJudging } from "./en-judging";
import { enEntries } from "./en-entries";
import { enHandover } from "./en-handover";
import { enDashboard } from "./en-dashboard";
import { enNotify } from "./en-notify";

/** English, the reference catalogue: every user-facing string of the app, by key. */
export const en = {
  ...enContests,
  ...enJudging,
  ...enEntries,
  ...enHandover,
  ...enDashboard,
  ...enNotify,
  "app.name": "Concours",
  "app.tagline": "Design contests that are fair to designers and clear for clients.",
  "nav.breadcrumb": "Breadcrumb",
  "nav.contests": "Browse contests",
  "nav.howItWorks": "How it works",
  "nav.login": "Log in",
  "nav.signup": "Sign up",
  "nav.logout": "Log out",
  "nav.account": "Account",
  "nav.account.hint": "(your account)",
  "nav.myEntries": "My entries",
  "nav.notifications": "Notifications",
  "nav.notifications.unread": "unread",
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
  "landing.mosaic.label": "Recent designs from open contests",
  "landing.mosaic.alt": "A design entered in “{title}”",
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
  "errors.forbidden.title": "Not open to you",
  "errors.forbidden": "You do not have access to this page.",
  "errors.csrf": "This request came from another site and was refused.",
  "errors.generic": "We could not complete that. Please try again.",
  "errors.badRequest": "That request was not understood. Reload the page and try again.",
  "errors.back": "Back to the home page",

  "images.refused.empty": "This file is empty. Choose your design file again and upload it.",
  "images.refused.unsupportedType": "This file is {type}; upload a JPEG, PNG or WebP.",
  "images.refused.tooManyPixels":
    "This image is {width} × {height} pixels, more than the {limit} megapixels we accept. Export it smaller and upload it again.",
  "images.refused.truncated":
    "This file is incomplete: it ends before the image does. Export it again and upload the whole file.",
  "images.refused.trailingData":
    "This file has extra data after the end of the image. Export it again as a plain JPEG, PNG or WebP.",
  "images.refused.corrupt":
    "This image is damaged and cannot be read. Export it again and upload the new file.",
  "images.type.jpeg": "a JPEG",
  "images.type.png": "a PNG",
  "images.type.webp": "a WebP",
  "images.type.gif": "a GIF",
  "images.type.tiff": "a TIFF",
  "images.type.svg": "an SVG drawing",
  "images.type.html": "an HTML page",
  "images.type.pdf": "a PDF",
  "images.type.bmp": "a BMP",
  "images.type.heic": "a HEIC photo",
  "images.type.avif": "an AVIF",
  "images.type.jxl": "a JPEG XL",
  "images.type.psd": "a Photoshop document",
  "images.type.ico": "an icon file",
  "images.type.zip": "a ZIP archive",
  "images.type.unknown": "not an image we can read",

  "upload.tooLarge": "This file is larger than {limit}; upload a file of {limit} or less.",
  "upload.empty": "The file you chose is empty. Choose your design file and upload it again.",
  "upload.missing": "Choose a file to upload.",
  "upload.tooManyFiles": "Upload one file at a time.",
  "upload.malformed": "The upload did not arrive complete. Please try again.",
  "upload.notMultipart": "This form must be sent as a file upload.",

  "mailbox.title": "Development mailbox",
  "mailbox.lead": "Mail the app would send. Shown only while mail is written to files, never with SMTP.",
  "mailbox.empty": "No mail yet.",
  "mailbox.to": "To",
  "mailbox.sent": "delivered",
  "mailbox.pending": "queued",
  "payments.declined.card_declined": "Your card was declined. Try another card or ask your bank.",
  "payments.declined.insufficient_funds": "Your card was declined: insufficient funds.",
  "payments.declined.expired_card": "Your card was declined: it has expired.",
  "payments.declined.incorrect_cvc": "Your card was declined: the security code is not right.",
  "payments.declined.incorrect_number": "That card number is not right. Check it and try again.",
  "payments.declined.processing_error":
    "An error occurred while processing your card. Try again in a moment; you have not been charged.",
  "payments.declined.authentication_required":
    "Your bank asks you to confirm this payment. Try again and follow your bank's steps.",
  "payments.declined.invalid_request": "This payment could not be made. Please contact us.",
  "payments.charged": "Payment received: {amount} is held in escrow for your contest.",
  "payments.tryAgain":
    "We did not get an answer from the payment provider. Try again in a moment: you will not be charged twice.",
  "payments.alreadyFunded": "This contest's prize is already in escrow. Nothing more was charged.",
  "payments.duplicateRefunded":
    "This contest's prize was already in escrow, so this second payment is being refunded to your card.",
  "payments.keyReused":
    "This payment form was already used for another payment. Reload the page and try again.",
  "payments.invalid": "That amount cannot be charged. Check the prize and the currency.",
  "payments.needsReview":
    "We could not confirm this payment yet. Our team is checking it and will write to you.",

  "refunds.sent": "{amount} has been refunded to your card. Banks take 5 to 10 days to show it.",
  "refunds.pending": "Your refund of {amount} is on its way to your card.",
  "refunds.failed": "We could not refund {amount} to your card automatically. Our team will contact you.",
  "refunds.notRefunded": "This contest's escrow has not been refunded.",
  "refunds.noCharge": "No card payment was found for this contest.",

  "payouts.sent": "Your payout of {amount} has been sent.",
  "payouts.inFlight": "Your payout of {amount} is on its way. We will confirm it when the provider does.",
  "payouts.insufficientBalance": "You can withdraw at most {available}.",
  "payouts.failed.account_closed":
    "Your payout could not be sent: the receiving account is closed. The money is back in your balance.",
  "payouts.failed.invalid_destination":
    "Your payout could not be sent: check your payout account details. The money is back in your balance.",
  "payouts.failed.other":
    "Your payout could not be sent. The money is back in your balance; try again later.",
  "payouts.keyReused": "This payout form was already used for another payout. Reload the page and try again.",
  "payouts.invalid": "Enter an amount to withdraw, in a currency you hold.",
  "payouts.needsReview": "We could not confirm this payout yet. Our team is checking it; the money is safe.",
} as const;

export type MessageKey = keyof typeof en;
