/** Any origin will do: it only tells a path on this site from an address elsewhere. */
const THIS_SITE = "http://this-site.invalid";

/**
 * Where to send someone after a form (`redirectTo`): a path on this site, or `fallback`. The target
 * is resolved as a browser resolves a Location header (WHATWG URL: tabs and newlines dropped,
 * backslashes read as slashes), so `/\t/evil.com` or `/\evil.com` cannot leave the site, and what
 * comes back is the normalised path, safe to put in a header.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(to, THIS_SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== THIS_SITE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
