import type { ReactNode } from "react";

/**
 * A data table that can be wider than a narrow or zoomed screen scrolls inside its own box rather than making
 * the page scroll sideways (WCAG 1.4.10 allows this for tables). The box is a named region that keyboard users
 * can focus, then scroll with the arrow keys.
 */
export function TableScroll({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways on a narrow screen; keyboard users scroll it when focused.
    <section className={`table-scroll${className ? ` ${className}` : ""}`} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
