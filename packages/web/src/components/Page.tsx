import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

let firstPageShown = false;

/**
 * A screen: sets the document title and, after a navigation inside the app (not on first load), moves focus
 * to the heading so screen-reader and keyboard users start at the top of the new screen.
 */
export function Page({
  title,
  children,
  className,
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t("app.pageTitle", { title });
  }, [t, title]);
  useEffect(() => {
    if (firstPageShown) heading.current?.focus({ preventScroll: false });
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
