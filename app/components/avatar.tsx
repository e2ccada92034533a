import "./avatar.css";

/**
 * A person's avatar: their square photo when they have one, else their initials on the accent's
 * ground. Decorative beside the name it accompanies (the name is always written next to it).
 */
export function Avatar({
  url,
  initials,
  size,
  className = "",
}: {
  url: string | null;
  initials: string;
  size: number;
  className?: string;
}) {
  if (url) {
    return (
      <img
        className={`avatar avatar--image ${className}`}
        src={url}
        alt=""
        width={size}
        height={size}
        data-testid="avatar"
      />
    );
  }
  return (
    <span className={`avatar ${className}`} aria-hidden="true" style={{ width: size, height: size }}>
      {initials}
    </span>
  );
}
