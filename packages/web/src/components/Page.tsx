import { type ReactNode, type RefObject, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

let firstPageShown = false;

/**
 * A screen: sets the document title and, after a navigation inside the app (not on first load), moves focus
 * to the heading so screen-reader and keyboard users start at the top of the new screen — or to the part of
 * it they came for (`arrivalFocus`, e.g. the check-in of the day chosen in History).
 */
export function Page({
  title,
  children,
  className,
  arrivalFocus,
}: {
  title: string;
  children: ReactNode;
  className?: string;
  arrivalFocus?: RefObject<HTMLElement | null> | undefined;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t("app.pageTitle", { title });
  }, [t, title]);
  // Once, on arrival: where the screen was entered for, not what it later shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read on mount only, on purpose (see above).
  useEffect(() => {
    if (firstPageShown) (arrivalFocus?.current ?? heading.current)?.focus({ preventScroll: false });
    firstPageShown = true;
  }, []);
  return (
    <div className={`page${className ? ` ${className}` : ""}`}>
      <h1 ref={heading} tabIndex={-1} className="page__title">
        {title}
      </h1>
      {children}
    </div>
  );
}
