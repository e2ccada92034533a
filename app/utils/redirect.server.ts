/**
 * Where to send someone after logging in or signing up: a path of this site from `redirectTo`.
 * A placeholder until the one same-origin check replaces its body; callers pass the target through.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined): string {
  return typeof to === "string" && to.startsWith("/") && !to.startsWith("//") ? to : "/";
}
