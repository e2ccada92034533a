import type { About } from "./rules";

/** Where the messages pages live (shared by routes, components and modules). */
export const messagePaths = {
  inbox: "/messages",
  conversation: (id: string) => `/messages/${id}`,
  write: (handle: string, about?: About | null) =>
    `/messages/new?to=${encodeURIComponent(handle)}${about ? `&about=${about.kind}:${about.id}` : ""}`,
  attachment: (conversationId: string, attachmentId: string) =>
    `/messages/${conversationId}/attachments/${attachmentId}`,
};
