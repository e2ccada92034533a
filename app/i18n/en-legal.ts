/**
 * English: the terms of use and the privacy policy. The French text is the reference (it was
 * written first and prevails); this one says the same things for an English reader. A body holds
 * paragraphs separated by a blank line; a paragraph whose lines all start with "- " is a list.
 */
export const enLegal = {
  "legal.toc": "On this page",
  "legal.updated": "Last updated: {date}",
  "legal.otherDocument": "See also:",

  "legal.terms.title": "Terms of use",
  "legal.terms.description":
    "The rules for running, entering and judging a design contest on Concours: accounts, prizes held in escrow, refunds, fees, original work and the transfer of rights.",
  "legal.terms.intro":
    "These terms are the agreement between you and Concours when you use the site, whether you run a contest as a client, enter one as a designer or rate entries as a judge. By creating an account or using Concours, you accept them. We wrote them to be read, so please do.",
  "legal.terms.s1.title": "Your account",
  "legal.terms.s1.body":
    "You need an account to run, enter or judge a contest. Use your own name or your business’s, an email address you actually read, and a password that you keep to yourself. You are responsible for what is done with your account: if you think someone else has used it, change your password and let us know.\n\nYou must be 18 or older, or of the age of majority where you live. One person, one account: a second account used to enter the same contest twice or to rate your own entries is not allowed.\n\nYou may close your account at any time by asking our support team. Some records must be kept after that (receipts, signed transfer agreements); our privacy policy says which, and for how long.",
  "legal.terms.s2.title": "How a contest works",
  "legal.terms.s2.body":
    "A client posts a brief describing what they need, sets a prize and pays it, with our fee, before the contest opens. The prize is held in escrow: we keep it aside until the winner has handed over the files, and no one can spend it in the meantime.\n\nDesigners submit entries during the qualifying round. The client, and any judges they invite, rate entries from 1 to 5 stars, may decline entries that miss the brief, and either choose finalists for a final round or pick a winner directly.\n\nChoosing finalists guarantees the prize: from that moment, it will be paid to a designer. A client may also guarantee the prize when launching the contest.\n\nIf a client does not choose a winner in time, the contest is settled by rule: a guaranteed prize goes to the best-rated designer among the finalists (or among all entrants when there are no finalists), or is split equally between them when no rating sets anyone apart; a prize that was not guaranteed is refunded.",
  "legal.terms.s3.title": "The prize and refunds",
  "legal.terms.s3.body":
    "The prize is released to the winner when the client approves the handover of the files, or automatically when the approval period shown on the handover page ends without an answer from the client.\n\nAs long as the prize is not guaranteed, the client may end the contest and get back the prize and our fee in full. Once the prize is guaranteed, it is no longer refunded, unless the contest received no entry that can be awarded.\n\nA refund goes back to the card that paid, through our payment provider; it may take a few business days to show on your statement.\n\nNothing in these terms limits the rights that Québec’s Consumer Protection Act gives a consumer.",
  "legal.terms.s4.title": "Fees",
  "legal.terms.s4.body":
    "Running a contest costs the prize plus our fee: 15% of the prize, with a minimum that depends on the currency (CA$39.00 for a prize in Canadian dollars). The total is shown before you pay, and a receipt is available in your account.\n\nOur fee is refunded with the prize when a contest is refunded. Designers pay nothing to enter a contest, and the winner receives the whole prize.",
  "legal.terms.s5.title": "Entries must be original",
  "legal.terms.s5.body":
    "Submit only work that you created yourself. If an entry uses fonts, images or other elements made by someone else, their licence must allow the use the client will make of them, and you must name them at handover. Copying another designer’s work, in whole or with small changes, is not allowed.\n\nUntil handover, your entries remain yours. By submitting one, you allow Concours and the client to show it, with a watermark, on the contest page, to the judges and in the polls the client runs, for as long as the contest lasts. An entry that was declined or did not win stays yours: the client may not use it.\n\nWe compare uploaded images with earlier ones to spot near-copies. A match is a signal that the client and the designers concerned can look at, never a decision made by a machine.",
  "legal.terms.s6.title": "Handover and the design transfer agreement",
  "legal.terms.s6.body":
    "Once a winner is chosen, the winner uploads the final files in the formats the brief asked for, and the client checks them and may ask for revisions.\n\nAt handover, the client and the winner sign the design transfer agreement shown on the handover page, each by typing their legal name. When the prize is released, the winner assigns the copyright in the winning design to the client and, as far as the law allows, waives their moral rights. The winner may still show the design in their portfolio, unless the contest was private or under a non-disclosure agreement.\n\nPlease read the agreement before you enter a contest: by entering, you agree to sign it if you win.",
  "legal.terms.s7.title": "How we expect you to behave",
  "legal.terms.s7.body":
    "Concours works when people treat each other fairly. In particular, you agree not to:\n- harass, insult or threaten anyone, in comments, messages or entries;\n- post content that is illegal, hateful, sexually explicit or that infringes someone else’s rights;\n- contact a designer or a client to take a contest, or its payment, off Concours;\n- try to influence ratings or polls, or enter your own contest;\n- interfere with the site, its security or other people’s accounts.",
  "legal.terms.s8.title": "Reports and moderation",
  "legal.terms.s8.body":
    "If you see an entry, a comment or a brief that breaks these terms, tell our support team, with a link to the page. They review every report and may hide content, decline an entry, or suspend an account.\n\nWhen we act on something you posted, we tell you why, and you can answer us. If a dispute arises between a client and a designer, write to our support team: we will look at what both sides say before deciding what happens to the prize.",
  "legal.terms.s9.title": "Our responsibility",
  "legal.terms.s9.body":
    "We do our best to keep Concours available and your files safe, but we cannot promise that the site will never be interrupted. We are not a party to the agreement between a client and a designer, and we do not guarantee the result of a contest or the quality of an entry.\n\nTo the extent the law allows, our liability to you is limited to the fees you paid us in the twelve months before the event. This limit does not apply to harm caused by our intentional or gross fault, nor to any right that the law does not allow us to exclude.",
  "legal.terms.s10.title": "Changes, suspension and closing",
  "legal.terms.s10.body":
    "We may change these terms, for example when we add a feature or the law changes. We will tell you by email and on the site at least 30 days before an important change takes effect; a contest that is already running stays under the terms in force when it began.\n\nWe may suspend or close an account that seriously or repeatedly breaks these terms. A prize already held in escrow is then settled as these terms provide.",
  "legal.terms.s11.title": "Governing law",
  "legal.terms.s11.body":
    "These terms are governed by the laws of Québec and the federal laws of Canada that apply there. Any dispute falls under the courts of the district of Montréal, unless the law gives you, as a consumer, the right to go to the court of your own district.",
  "legal.terms.s12.title": "Language",
  "legal.terms.s12.body":
    "These terms were written in French first, as the Charter of the French language provides, and the parties wanted them that way. The English version is given for convenience; where the two differ, the French version prevails.",

  "legal.privacy.title": "Privacy policy",
  "legal.privacy.description":
    "What personal information Concours collects, why, who it is shared with, how long it is kept, and how to exercise your rights under Québec law.",
  "legal.privacy.intro":
    "This policy explains, in plain terms, what we do with your personal information when you use Concours, and what rights you have over it. It follows Québec’s Act respecting the protection of personal information in the private sector (as amended by Law 25).",
  "legal.privacy.officer.role": "Person in charge of the protection of personal information",
  "legal.privacy.officer.contact": "Write to:",
  "legal.privacy.s1.title": "Who is responsible",
  "legal.privacy.s1.body":
    "Concours is responsible for the personal information it holds about you. Our person in charge of the protection of personal information sees that this policy is followed and answers your questions and requests. You can reach them at the address below.",
  "legal.privacy.s2.title": "What we collect",
  "legal.privacy.s2.body":
    "We collect only what we need to run contests, and mostly what you give us yourself:\n- your account: name, email address, password (stored only in a form that cannot be read back), role and language;\n- what you post: briefs and their reference files, entries and their versions, comments, ratings and messages;\n- at handover: the final files, and for each signature of the transfer agreement, the legal name typed, the time, the network address and the browser used;\n- payments: amounts, receipts and payout history. Card numbers and bank details are entered with our payment provider, never on our servers;\n- for security: the network address and browser of each login and session, and failed login attempts.\n\nIf a client invites you to judge a contest, we receive your email address from them to send you the invitation.",
  "legal.privacy.s3.title": "Why we use it",
  "legal.privacy.s3.body":
    "We use your information to:\n- create and secure your account;\n- run contests: show briefs and entries, collect ratings, hold and release prizes, hand over the files;\n- send you the notifications that go with it (a new entry, a round that ends, a prize released);\n- detect copied entries, fraud and abuse;\n- meet our legal obligations, such as keeping accounting records.\n\nWe do not sell your information, we show no advertising, and we use it for no other purpose without your consent. No decision about you is made by a machine alone: the similarity check flags near-identical images for a person to look at.",
  "legal.privacy.s4.title": "Who we share it with",
  "legal.privacy.s4.body":
    "Within a contest, the client and the judges see the entries and the names of the designers who submitted them; other designers see them too, unless the contest is blind. The winner and the client see each other’s names on the transfer agreement.\n\nOutside Concours, we share information only with the service providers we need, under contracts that require them to protect it and use it only for us:\n- our payment provider, to charge clients, pay designers and make refunds;\n- our mail provider, to send notifications and account messages;\n- our hosting provider, whose servers hold our data.\n\nWe may also disclose information when the law requires it, for example in answer to a court order.",
  "legal.privacy.s5.title": "Where it is stored",
  "legal.privacy.s5.body":
    "Your information and files are stored on our servers, at our hosting provider. Some of our providers, such as the payment and mail providers, may process information outside Québec. Before any information leaves Québec, we assess whether it will be adequately protected there, as the law requires, and we bind the provider by contract.",
  "legal.privacy.s6.title": "How long we keep it",
  "legal.privacy.s6.body":
    "We keep your information only as long as we need it:\n- your account and what you posted: as long as your account is open, then deleted or anonymized within 90 days of closing, except what follows;\n- receipts, payments and payouts: six years after the end of the year they relate to, as tax laws require;\n- signed transfer agreements and their signature records: as long as they may be needed to prove the transfer of rights;\n- security records of logins and sessions: 12 months.\n\nAn entry that was handed over stays with the client, who now owns its rights.",
  "legal.privacy.s7.title": "Your rights",
  "legal.privacy.s7.body":
    "You have the right to:\n- access the information we hold about you, and get a copy;\n- have it corrected if it is inaccurate, incomplete or out of date;\n- withdraw your consent to a use of your information, unless the law or a contract still requires that use;\n- receive the information you gave us in a structured, commonly used technological format, and have it sent to another organization (portability);\n- ask us to stop spreading your information, or to de-index a link to it, when spreading it breaks the law or seriously harms your reputation or privacy.\n\nTo exercise a right, write to our person in charge at {email}. We answer within 30 days, free of charge, and may ask you to confirm your identity first.",
  "legal.privacy.s8.title": "Cookies",
  "legal.privacy.s8.body":
    "We use only the cookies the site needs to work, and no cookie for advertising or tracking:\n- concours_session: keeps you logged in; it ends after 7 days without use, and after 30 days at most;\n- concours_device: remembers a browser you logged in with, so you can still log in while someone is trying to guess your password (one year);\n- concours_lang: the language you chose (one year);\n- tz: your time zone, so dates show in your local time (one year);\n- concours_voter: lets a public poll count one vote per browser (one year).\n\nYou can delete them in your browser at any time; you will then be logged out, and the site will use its default language and time zone.",
  "legal.privacy.s9.title": "Security and incidents",
  "legal.privacy.s9.body":
    "We protect your information with measures suited to its sensitivity: encrypted connections, passwords stored only in a form that cannot be read back, access limited to the staff who need it, and downloads of handed-over files by links that expire.\n\nIf a confidentiality incident occurs (information lost, or accessed or disclosed without authorization), we act quickly to reduce the risk. If the incident presents a risk of serious injury, we notify the Commission d’accès à l’information and the people concerned, and we record every incident in our register, as the law requires.",
  "legal.privacy.s10.title": "Questions and complaints",
  "legal.privacy.s10.body":
    "For any question or complaint about your personal information, first write to our person in charge at {email}. We will answer within 30 days.\n\nIf you are not satisfied with our answer, you may file a complaint with the Commission d’accès à l’information du Québec, the body that oversees the protection of personal information in Québec (cai.gouv.qc.ca).",
  "legal.privacy.s11.title": "Changes to this policy",
  "legal.privacy.s11.body":
    "When we change this policy, we publish the new version here with its date. If a change affects how we use your information, we tell you by email before it takes effect, and we ask for your consent when the law requires it.\n\nThis policy was written in French first; where the two versions differ, the French version prevails.",
} as const;
