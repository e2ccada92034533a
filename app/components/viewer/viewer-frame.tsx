import { useEffect, useRef, type ReactNode } from "react";

/**
 * The viewer's full-screen frame. The page behind the viewer is inert while it is open: Tab starts
 * inside the viewer, never on the hidden header (without JavaScript, judging.css hides that page instead).
 */
export function ViewerFrame({ hydrated, children }: { hydrated: boolean; children: ReactNode }) {
  const viewerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const marked: Element[] = [];
    for (
      let node: Element | null = viewerRef.current;
      node && node !== document.body;
      node = node.parentElement
    ) {
      for (const sibling of Array.from(node.parentElement?.children ?? [])) {
        if (sibling === node || sibling.hasAttribute("inert") || sibling.tagName === "SCRIPT") continue;
        sibling.setAttribute("inert", "");
        marked.push(sibling);
      }
    }
    return () => marked.forEach((el) => el.removeAttribute("inert"));
  }, []);
  return (
    <div
      ref={viewerRef}
      className="viewer"
      data-testid="viewer"
      data-hydrated={hydrated ? "true" : undefined}
    >
      {children}
    </div>
  );
}
