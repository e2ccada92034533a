/** English: the handover, the design transfer agreement, downloads, earnings, payouts and receipts. */
export const enHandover = {
  // ---- the contest page's way in ----
  "contest.action.handover": "Review the handover",
  "contest.action.handover.winner": "Hand over the final files",
  "contest.action.handover.done": "Your files and the agreement",

  // ---- the handover page ----
  "handover.title": "Handover",
  "handover.pageTitle": "Handover · {contest}",
  "handover.back": "Back to the contest",
  "handover.lead.client":
    "{designer} won with entry #{number}. They upload the final files here and you both sign the design transfer agreement; then you approve, and the prize is released.",
  "handover.lead.winner":
    "You won “{contest}” with entry #{number}. Upload the final files in the formats the brief asks for and sign the design transfer agreement; once {client} approves, the prize is yours.",
  "handover.lead.completed": "The handover is complete. The prize was released on",
  "handover.step.files": "Final files",
  "handover.step.agreement": "Transfer agreement",
  "handover.step.approval": "Approval",
  "handover.step.done": "Done",
  "handover.step.waiting": "Waiting",
  "handover.steps": "Handover steps",
  "handover.autoApprove": "Approved automatically",
  "handover.autoApprove.client":
    "If you neither approve nor ask for changes, the handover is approved and the prize released automatically on",
  "handover.autoApprove.winner": "If the client stays silent, the handover is approved automatically on",
  "handover.autoApprove.needsSignature":
    "The automatic approval needs {designer}’s signature on the agreement first; until then it waits a day at a time.",
  "handover.autoApprove.needsYourSignature":
    "The automatic approval needs your signature on the agreement first; until then it waits a day at a time.",
  "handover.notStarted.client":
    "The clock starts when {designer} uploads the first file. You will get an e-mail.",
  "handover.notStarted.winner":
    "Upload your first file to start the handover. The client then has 5 days to approve, or it is approved for them.",
  "handover.winningEntry": "Winning entry",
  "handover.uploaded": "Your file is uploaded.",
  "handover.replaced": "The new version is uploaded; the earlier ones are kept.",
  "handover.signedNotice": "You signed the design transfer agreement.",
  "handover.messageSent": "Message sent.",
  "handover.approvedNotice": "You approved the handover. The prize has been released to {designer}.",

  // ---- final files ----
  "handover.files.title": "Final files",
  "handover.files.lead.client":
    "What {designer} delivers. Open each file and check it before you approve; the originals of the winning design are yours once you approve.",
  "handover.files.lead.winner":
    "Accepted: {formats}. Up to {limit} per file. Every version you upload is kept.",
  "handover.files.empty.client": "No files yet. {designer} has been told what the brief asks for.",
  "handover.files.empty.winner": "No files yet. Upload the first one to start the handover.",
  "handover.files.version": "v{n}",
  "handover.files.versions": "Earlier versions ({n})",
  "handover.files.checksum": "SHA-256",
  "handover.files.download": "Download",
  "handover.files.downloadLabel": "Download {name}",
  "handover.files.upload": "Add a file",
  "handover.files.uploadButton": "Upload the file",
  "handover.files.replace": "Replace",
  "handover.files.replaceLabel": "Replace {name} with a new version",
  "handover.files.replaceButton": "Upload the new version",
  "handover.files.choose": "Choose a file or drop it here",
  "handover.files.chosen": "Ready to upload: {name}",
  "handover.files.uploading": "Uploading… {percent}%",
  "handover.files.failed": "The upload did not go through. Check your connection and try again.",
  "handover.format.svg": "SVG",
  "handover.format.ai": "Adobe Illustrator",
  "handover.format.eps": "EPS",
  "handover.format.pdf": "PDF",
  "handover.format.png": "PNG",
  "handover.format.jpg": "JPEG",
  "handover.format.psd": "Photoshop",
  "handover.format.figma": "Figma",
  "handover.format.zip": "ZIP",
  /** The last of several formats: "{PNG, SVG} or {PDF}". */
  "handover.format.either": "{rest} or {last}",
  "handover.detected.pdf": "a PDF",
  "handover.detected.postscript": "a PostScript file",
  "handover.detected.eps_binary": "an EPS with a preview",
  "handover.detected.png": "a PNG image",
  "handover.detected.jpeg": "a JPEG image",
  "handover.detected.psd": "a Photoshop document",
  "handover.detected.zip": "a ZIP archive",
  "handover.detected.fig": "a Figma file",
  "handover.detected.gif": "a GIF image",
  "handover.detected.webp": "a WebP image",
  "handover.detected.tiff": "a TIFF image",
  "handover.detected.svg": "an SVG drawing",
  "handover.detected.html": "an HTML page",
  "handover.detected.text": "plain text",
  "handover.detected.unknown": "not a format we recognise",
  "handover.refusal.noExtension":
    "Give the file its format's extension (for example logo.svg) so the client knows what it is.",
  "handover.refusal.notAsked":
    "The brief asks for {formats}; this file is a .{ext}. Put anything else in a .zip.",
  "handover.refusal.mismatch":
    "This file is named .{ext} but it is {detected}. Export it again as {format}, or give it the right extension.",
  "handover.refusal.empty": "This file is empty. Choose the file again and upload it.",
  "handover.refusal.tooLarge":
    "This file is larger than {limit}; upload a file of {limit} or less, or split it into zips.",
  "handover.refusal.missing": "Choose a file to upload.",
  "handover.refusal.malformed": "The upload did not arrive complete. Please try again.",
  "handover.refusal.oneFile": "Upload one file at a time.",
  "handover.refusal.notWinner": "Only the winning designer uploads the final files.",
  "handover.refusal.closed": "The handover is over: the files can no longer change.",
  "handover.refusal.noSuchFile": "That file is not part of this handover.",

  // ---- the thread ----
  "handover.thread.title": "Messages",
  "handover.thread.lead":
    "Ask for small changes, answer questions, say thank you. Only the two of you see this.",
  "handover.thread.empty": "No messages yet.",
  "handover.thread.label": "Your message",
  "handover.thread.send": "Send",
  "handover.thread.you": "You",
  "handover.thread.required": "Write a message first.",
  "handover.thread.tooLong": "Keep it under {max} characters.",

  // ---- the agreement ----
  "agreement.title": "Design transfer agreement",
  "agreement.lead":
    "Both of you sign by typing your legal name. Once both have signed, the agreement cannot change; you can download it at any time.",
  "agreement.text": `DESIGN TRANSFER AGREEMENT

Date: {date}
Contest: “{contest}” on Concours (reference {contestId})

Between {client} (“the Client”) and {designer} (“the Designer”), each identified by the legal name typed with their signature below.

1. The work. The design the Designer submitted as entry #{number}, “{entry}”, chosen as the winner of the contest, together with every final file the Designer delivers through the contest's handover and every earlier version of the entry (together, “the Work”).

2. Transfer of rights. When the prize is released to the Designer, the Designer assigns to the Client, worldwide and for the full term of protection, all copyright and other intellectual property rights in the Work, including the rights to reproduce, adapt, publish and register it as a trademark. To the extent moral rights cannot be assigned, the Designer waives them in favour of the Client and its successors, and agrees not to assert them against any use of the Work.

3. Payment. The prize of {prize}, held in escrow by Concours since the contest began, is the full consideration for this transfer. It is released when the Client approves the handover, or automatically when the handover's approval period ends.

4. Originality. The Designer confirms that the Work is their own original creation, that it does not knowingly infringe anyone else's rights, and that any fonts, images or other elements by third parties that it uses are named in the handover with their licences.

5. Portfolio. The Designer may show the Work in their portfolio as an example of their work, unless the contest was private or under a non-disclosure agreement.

6. Whole agreement. This agreement, the contest's brief and the Concours terms are the whole agreement between the parties about the Work. Each party signs electronically by typing their legal name; Concours records the time, the network address and the browser of each signature, and a SHA-256 digest of this text.`,
  "agreement.preview": "These are the texts you may sign. Their date is set when the first of you signs.",
  "agreement.bilingual":
    "The agreement is offered in French first, as Québec law requires for a contract like this one, then in English. Read either or both, then choose the language you sign in: the first signature sets it for both of you.",
  "agreement.version.fr": "French version",
  "agreement.version.en": "English version",
  "agreement.version.signed": "The signed text ({language, select, fr {French} other {English}})",
  "agreement.version.translation":
    "{language, select, fr {French} other {English}} version, for information only",
  "agreement.translation.note":
    "A translation, for information. The agreement is the signed text above, the one whose SHA-256 is on record.",
  "agreement.language.fixed":
    "This agreement is signed in {language, select, fr {French} other {English}}: the first signature set its language.",
  "agreement.language.signFixed":
    "You sign the same text, in {language, select, fr {French} other {English}}.",
  "agreement.language.legend": "Language you sign in",
  "agreement.language.hint": "The other party will sign the same text.",
  "agreement.language.option.fr": "Français",
  "agreement.language.option.en": "English",
  "agreement.error.language": "Choose the language you sign in: French or English.",
  "agreement.error.languageFixed":
    "The agreement has just been signed in {language, select, fr {French} other {English}}, which sets its language. Read that text, then sign it.",
  "agreement.signatures": "Signatures",
  "agreement.party.client": "Client",
  "agreement.party.designer": "Designer",
  "agreement.signedBy": "Signed by {name}",
  "agreement.signedOn": "on",
  "agreement.notSigned": "Not signed yet",
  "agreement.legalName": "Your legal name",
  "agreement.legalName.hint": "As on an official document. Typing it is your signature.",
  "agreement.agree": "I have read the agreement and I agree to it.",
  "agreement.sign": "Sign the agreement",
  "agreement.complete": "Signed by both parties. This agreement can no longer change.",
  "agreement.digest": "SHA-256 of the text",
  "agreement.downloadPdf": "Download the agreement (PDF)",
  "agreement.downloadText": "Signed text (.txt)",
  "agreement.downloadText.hint": "The exact text both of you signed; its SHA-256 is the one shown here.",
  "agreement.error.name": "Type your legal name, as on an official document.",
  "agreement.error.agree": "Tick the box to agree.",
  "agreement.error.alreadySigned": "You have already signed this agreement.",
  "agreement.error.notYet": "The agreement can be downloaded once someone has signed it.",
  "agreement.pdf.signatures": "Signatures",
  "agreement.pdf.signedAs": "{party}: {name}, signed {date} UTC from {ip}",
  "agreement.pdf.userAgent": "Browser: {ua}",
  "agreement.pdf.unsigned": "{party}: not signed",
  "agreement.pdf.digest": "SHA-256 of the agreement text: {digest}",
  "agreement.pdf.verify":
    "The signed text is recorded exactly as signed. Download it as text from the handover page to check the digest.",
  "agreement.pdf.page": "Page {n} of {total}",

  // ---- approval ----
  "approval.title": "Approve and release the prize",
  "approval.lead.ready":
    "Everything is in place. When you approve, {prize} goes to {designer} and the files are yours.",
  "approval.lead.missing": "Before you can approve:",
  "approval.missing.files": "{designer} has not uploaded any final file yet.",
  "approval.missing.clientSignature": "You have not signed the design transfer agreement.",
  "approval.missing.designerSignature": "{designer} has not signed the design transfer agreement.",
  "approval.check.files": "Final files uploaded",
  "approval.check.youSigned": "You signed the agreement",
  "approval.check.otherSigned": "{name} signed the agreement",
  "approval.review": "Review and approve",
  "approval.confirm.lead": "You are about to approve the handover of “{contest}”.",
  "approval.confirm.warning":
    "This releases the prize of {prize} to {designer} at once. It cannot be undone. Ask for changes in the messages first if anything is missing.",
  "approval.confirm.files": "Open each file before you tick the box:",
  "approval.confirm.label": "I have checked the files, and I release {prize} to {designer}.",
  "approval.confirm.submit": "Approve and release the prize",
  "approval.confirm.cancel": "Back to the handover",
  "approval.refused.missing": "The handover cannot be approved yet. {missing}",
  "approval.refused.closed": "This handover can no longer be approved.",
  "approval.refused.notClient": "Only the client approves the handover.",
  "approval.waiting.winner": "{client} approves when they are happy with the files.",

  // ---- downloads ----
  "downloads.lead":
    "The final files and the original of the winning design. Links work for {minutes} minutes; the buttons make a new one each time.",
  "downloads.original": "Original of the winning design",
  "downloads.originalVersion": "Entry #{number}, version {version} · {format}",
  "downloads.zip": "Download everything (.zip)",
  "downloads.zip.hint": "The current version of every final file{originals}, in one file.",
  "downloads.zip.originals": " and the originals of the winning design",
  "downloads.expired":
    "This download link has expired or is not valid. Go back to the handover page for a new one.",

  // ---- earnings ----
  "nav.earnings": "Earnings",
  "money.tabs": "Money",
  "money.tab.earnings": "Earnings",
  "money.tab.receipts": "Receipts",
  "earnings.title": "Earnings",
  "earnings.lead": "Prizes you won, what you withdrew, and what is on its way.",
  "earnings.available": "Available",
  "earnings.inFlight": "On its way to you",
  "earnings.paidOut": "Paid out",
  "earnings.empty": "No earnings yet. When a client releases a prize to you, it appears here.",
  "earnings.empty.cta": "Find a contest",
  "earnings.movements": "Activity",
  "earnings.movement.prize": "Prize",
  "earnings.movement.payout": "Payout",
  "earnings.movement.payout_returned": "Payout returned",
  "earnings.movement.contest": "“{contest}”",
  "earnings.col.date": "Date",
  "earnings.col.what": "What",
  "earnings.col.amount": "Amount",
  "earnings.payouts": "Payouts",
  "earnings.payout.title": "Withdraw",
  "earnings.payout.lead": "Send money from your balance to your payout account.",
  "earnings.payout.amount": "Amount",
  "earnings.payout.amount.hint": "Up to {available}.",
  "earnings.payout.currency": "From your balance in",
  "earnings.payout.currency.option": "{currency}: {available} available",
  "earnings.payout.destination": "Payout account",
  "earnings.payout.destination.hint": "Your payout account id (in the sandbox, any id works).",
  "earnings.payout.review": "Review the payout",
  "earnings.payout.nothing": "Nothing to withdraw yet.",
  "earnings.payout.confirm.title": "Send a payout",
  "earnings.payout.confirm.lead": "{amount} from your balance to the account {destination}.",
  "earnings.payout.confirm.warning":
    "The money leaves your balance now. If the transfer fails, it comes back.",
  "earnings.payout.confirm.label": "Send {amount} to {destination}.",
  "earnings.payout.confirm.submit": "Send the payout",
  "earnings.payout.confirm.cancel": "Back to earnings",
  "earnings.payout.error.amount": "Enter an amount such as 120 or 120.50.",
  "earnings.payout.error.tooMuch": "You can withdraw up to {available}.",
  "earnings.payout.error.destination": "Enter your payout account id.",
  "earnings.payout.status.paid": "Paid",
  "earnings.payout.status.pending": "On its way",
  "earnings.payout.status.failed": "Failed, money returned",
  "earnings.payout.status.needs_review": "Being checked",
  "earnings.payout.to": "to {destination}",

  // ---- receipts ----
  "receipts.title": "Receipts",
  "receipts.lead": "What you paid for each contest, the platform fee, and anything refunded.",
  "receipts.empty": "No payments yet. Your receipts appear here when you launch a contest.",
  "receipts.paid": "Paid",
  "receipts.prize": "Prize",
  "receipts.fee": "Platform fee",
  "receipts.feeKept": "Fee kept",
  "receipts.refunded": "Refunded",
  "receipts.net": "Net cost",
  "receipts.funded": "Paid on",
  "receipts.status.held": "Prize in escrow",
  "receipts.status.awarded": "Prize released",
  "receipts.status.refunded": "Refunded",
  "receipts.total": "Totals ({currency})",

  // ---- notifications and mail ----
  "notify.handover.started":
    "{name} uploaded the first final files of “{contest}”. Review them within 5 days.",
  "notify.handover.files_updated": "{name} added or replaced final files of “{contest}”.",
  "notify.handover.reminder.2":
    "2 days left to review the handover of “{contest}”; then it is approved automatically.",
  "notify.handover.reminder.1":
    "1 day left to review the handover of “{contest}”; then it is approved automatically.",
  "notify.handover.message": "{name} wrote to you about the handover of “{contest}”.",
  "notify.handover.signed": "{name} signed the design transfer agreement of “{contest}”.",
  "notify.contest.handover_sign_to_be_paid":
    "The client of “{contest}” stayed silent, so the handover can be approved for them, but only once you sign the design transfer agreement. Sign it to receive the prize.",
  "notify.contest.handover_auto_approved":
    "The handover of “{contest}” was approved automatically. Your files are ready to download.",
  "mail.handover.reminder.subject": "{days} left to review the files for “{contest}”",
  "mail.handover.reminder.days": "{n, plural, one {# day} other {# days}}",
  "mail.handover.reminder.body":
    "Hello {client},\n\n{designer} has delivered the final files for “{contest}”. If you do nothing, the handover is approved automatically on {date} (Eastern time) and the prize of {prize} is released.\n\nReview the files, sign the design transfer agreement and approve, or ask for changes, here:\n\n{link}\n\nConcours",

  // ---- the timeline (resolution without a winner) ----
  "event.refunded_by_rule.no_entries": "The contest ended without any entry; the prize was refunded",
  "event.refunded_by_rule.not_guaranteed":
    "The client did not decide in time and the prize was not guaranteed; it was refunded",
  "event.awarded_by_rule.top":
    "The client did not decide in time; the prize went by rule to the best-rated designer, {name}",
  "event.split_by_rule.amounts": "The client did not decide in time; the prize was split by rule: {awards}",
} as const;
