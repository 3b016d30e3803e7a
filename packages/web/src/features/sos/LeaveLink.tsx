/**
 * A link out of the SOS dialog. Whatever the click (wouter's Link skips its onClick on a modified click), the
 * dialog closes first and then this tab goes there: a modal left open over the next screen is a dead end.
 */
import type { ReactNode } from "react";
import { useLocation } from "wouter";

export function LeaveLink({
  href,
  onLeave,
  className,
  children,
}: {
  href: string;
  onLeave: () => void;
  className?: string;
  children: ReactNode;
}) {
  const [, navigate] = useLocation();
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        event.preventDefault();
        onLeave();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
