/** English: direct messages between people (the inbox, a conversation, its mail). */
export const enMessages = {
  "messages.nav.link": "Messages",
  "messages.nav.unread": "unread",
  "messages.nav.menuUnread": "unread notifications and messages",

  "messages.inbox.title": "Messages",
  "messages.inbox.back": "All messages",
  "messages.inbox.empty.client":
    "No messages yet. To write to a designer, open their profile or one of their entries and choose “Write to the designer”.",
  "messages.inbox.empty.designer":
    "No messages yet. When a client writes to you, the conversation appears here and you can answer.",
  "messages.inbox.unread": "{count, plural, one {# unread message} other {# unread messages}}",
  "messages.inbox.profile": "Profile",
  "messages.inbox.you": "You:",
  "messages.inbox.image": "An image",

  "messages.conversation.title": "Conversation with {name}",
  "messages.conversation.profile": "See {name}’s profile",
  "messages.thread.empty": "No messages yet.",
  "messages.thread.you": "You",
  "messages.thread.seen": "Seen",
  "messages.thread.seenAt": "Seen",
  "messages.thread.imageAlt": "Image sent in the conversation: {name}",

  "messages.about.entry": "About entry #{number} in “{contest}”",
  "messages.about.contest": "About the contest “{contest}”",

  "messages.write.toName": "Write to {name}",
  "messages.write.toDesigner": "Write to the designer",
  "messages.write.lead":
    "Your message starts a conversation with {name}. Your e-mail address is never shown; {name} answers here.",
  "messages.write.backToProfile": "{name}’s profile",

  "messages.compose.first": "Your message",
  "messages.compose.reply": "Answer {name}",
  "messages.compose.image": "Image (optional)",
  "messages.compose.imageHint": "One JPEG, PNG or WebP image, up to 10 MB. Only the two of you can see it.",
  "messages.compose.send": "Send",

  "messages.block.block": "Block {name}",
  "messages.block.unblock": "Unblock {name}",
  "messages.block.hint": "A blocked person can no longer write to you, and you cannot write to them.",
  "messages.block.youBlocked":
    "You blocked {name}. Neither of you can write in this conversation until you unblock them.",
  "messages.block.cannotWrite": "You can no longer write in this conversation.",

  "messages.error.tooLong": "A message can have at most {max, number} characters.",
  "messages.refusal.self": "You cannot write to yourself.",
  "messages.refusal.cold":
    "Designers cannot start conversations. When a client writes to you, you can answer them.",
  "messages.refusal.notDesigner": "You can write only to designers.",
  "messages.refusal.blocked": "You cannot write in this conversation: one of you has blocked the other.",
  "messages.refusal.about":
    "This message cannot link to that: the link must be to a contest you both can see, or to one of this designer’s own entries.",
  "messages.refusal.empty": "Write a message or attach an image.",
  "messages.refusal.tooManyFiles": "A message can carry {max, plural, one {one image} other {# images}}.",

  "messages.mail.subject": "New message from {name}",
  "messages.mail.lead":
    "{name} wrote to you on Concours. {count, plural, one {You have one unread message} other {You have # unread messages}} in this conversation.",
  "messages.mail.excerpt": "“{text}”",
  "messages.mail.image": "(An image)",
  "messages.mail.open": "Read and answer:",
} as const;
