import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

// A navigation superseded by a newer one (two quick → in the rating viewer) is aborted on
// purpose, but React Router's navigate() drops the promise that then rejects with an AbortError,
// so the browser reports it as an uncaught error (react-router#14203). It is not an error: swallow
// exactly that, and let every other rejection through.
window.addEventListener("unhandledrejection", (event) => {
  const reason: unknown = event.reason;
  // A DOMException, or an Error that carries its name on the way through the router.
  if (reason instanceof Object && "name" in reason && reason.name === "AbortError") event.preventDefault();
});

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
