/**
 * "Help now": crisis lines, the emergency number and overdose safety, one tap from every screen.
 * A native modal <dialog>: the browser keeps focus inside and closes it on Escape; focus goes to the close
 * button on open and back to whatever opened it on close, or to the screen's heading when that is gone
 * (HelpProvider). The resources come from the server and the last copy is kept on the device, so this works
 * offline too.
 */
import { type Contact, dialablePhone } from "@cairn/core";
import { onlineManager } from "@tanstack/react-query";
import { type Ref, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useResources } from "../../api/queries.ts";
import type { HelpSection } from "./HelpContext.ts";
import "./help.css";

interface Props {
  ref: Ref<HTMLDialogElement>;
  section: HelpSection;
  openCount: number;
  onClosed: () => void;
}

export function smsHref(number: string, body?: string): string {
  // "?&body=" is understood by both iOS and Android messaging apps.
  return body ? `sms:${number}?&body=${encodeURIComponent(body)}` : `sms:${number}`;
}

/**
 * One line or service with its call, text and website links. `idPrefix` keeps ids unique when the same
 * contact is on screen twice (this dialog stays in the page while the overdose page shows its lines too).
 */
export function ContactItem({
  contact,
  heading = "h4",
  idPrefix = "contact",
}: {
  contact: Contact;
  heading?: "h3" | "h4" | "h5";
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const Name = heading;
  // Each link's description names the line ("Call 988" · "988 Suicide & Crisis Lifeline"), so the name
  // is on screen once and every link still says where it goes.
  const nameId = `${idPrefix}-${contact.id}`;
  return (
    <li className="contact">
      <Name id={nameId} className="contact__name">
        {contact.name}
      </Name>
      <p className="contact__description">{contact.description}</p>
      {contact.hours ? <p className="contact__hours">{t("help.hours", { hours: contact.hours })}</p> : null}
      <div className="contact__actions">
        {contact.phone ? (
          <a
            className="button button--primary"
            href={`tel:${dialablePhone(contact.phone)}`}
            aria-describedby={nameId}
          >
            {t("help.call", { number: contact.phone })}
          </a>
        ) : null}
        {contact.sms ? (
          <a
            className="button"
            href={smsHref(contact.sms.number, contact.sms.body)}
            aria-describedby={nameId}
          >
            {contact.sms.body
              ? t("help.textWithBody", { number: contact.sms.number, body: contact.sms.body })
              : t("help.text", { number: contact.sms.number })}
          </a>
        ) : null}
        {contact.url ? (
          <a
            className="button button--quiet"
            href={contact.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-describedby={nameId}
          >
            {t("help.website")}
            <span className="visually-hidden"> {t("help.opensNewTab")}</span>
          </a>
        ) : null}
      </div>
    </li>
  );
}

/** To the full overdose page; the dialog closes on the way (focus then moves to the page's heading). */
function OverdosePageLink() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <a
      className="button button--primary button--block help-overdose-link"
      href="/overdose"
      onClick={(event) => {
        event.preventDefault();
        const dialog = event.currentTarget.closest("dialog");
        if (!dialog) return navigate("/overdose");
        // After the dialog has handed focus back to its opener, so the new page's heading takes it last.
        dialog.addEventListener("close", () => navigate("/overdose"), { once: true });
        dialog.close();
      }}
    >
      {t("overdose.openPage")}
    </a>
  );
}

export function HelpDialog({ ref, section, openCount, onClosed }: Props) {
  const { t } = useTranslation();
  const resources = useResources();
  const closeButton = useRef<HTMLButtonElement>(null);
  const overdoseHeading = useRef<HTMLHeadingElement>(null);
  const data = resources.data;

  // Only an open (a new count) moves focus: a re-render while the member reads must not pull it back.
  const refetch = useRef(resources.refetch);
  refetch.current = resources.refetch;
  useEffect(() => {
    if (openCount === 0) return;
    if (section === "overdose" && overdoseHeading.current) {
      overdoseHeading.current.focus();
      overdoseHeading.current.scrollIntoView({ block: "start" });
    } else {
      closeButton.current?.focus();
    }
    // Whenever help opens, try for a fresh copy; the saved one shows meanwhile.
    void refetch.current();
  }, [openCount, section]);

  const offline = !onlineManager.isOnline() || globalThis.navigator?.onLine === false;
  const showingSavedCopy = Boolean(data) && (resources.isError || offline);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop is a mouse nicety; Escape closes for keyboards.
    <dialog
      ref={ref}
      className="help-dialog"
      aria-labelledby="help-title"
      onClose={onClosed}
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
    >
      <div className="help-dialog__inner">
        <div className="help-dialog__header">
          <h2 id="help-title">{t("help.title")}</h2>
          <form method="dialog">
            <button ref={closeButton} type="submit" className="button button--quiet help-dialog__close">
              {t("help.close")}
            </button>
          </form>
        </div>
        <p className="help-dialog__intro">{t("help.intro")}</p>
        {showingSavedCopy ? <p className="notice">{t("help.offlineCopy")}</p> : null}

        {data ? (
          <>
            <section className="help-emergency" aria-labelledby="help-emergency-title">
              <h3 id="help-emergency-title">{t("help.emergency", { number: data.emergencyNumber })}</h3>
              <a className="button button--danger button--block" href={`tel:${data.emergencyNumber}`}>
                {t("help.callEmergency", { number: data.emergencyNumber })}
              </a>
              <OverdosePageLink />
            </section>

            <section aria-labelledby="help-crisis-title">
              <h3 id="help-crisis-title">{t("help.crisisTitle")}</h3>
              <ul className="contact-list">
                {data.crisis.map((contact) => (
                  <ContactItem key={contact.id} contact={contact} />
                ))}
              </ul>
            </section>

            <section aria-labelledby="help-overdose-title" className="help-overdose">
              <h3 id="help-overdose-title" ref={overdoseHeading} tabIndex={-1}>
                {t("help.overdoseTitle")}
              </h3>
              <h4>{t("help.signsTitle")}</h4>
              <ul className="bullets">
                {data.overdose.signs.map((sign) => (
                  <li key={sign}>{sign}</li>
                ))}
              </ul>
              <h4>{t("help.stepsTitle")}</h4>
              <ol className="steps">
                {data.overdose.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
              <h4>{t("help.naloxoneTitle")}</h4>
              <ul className="bullets">
                {data.overdose.naloxone.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {data.overdose.neverUseAlone.length > 0 ? (
                <>
                  <h4>{t("help.neverUseAloneTitle")}</h4>
                  <ul className="contact-list contact-list--nested">
                    {data.overdose.neverUseAlone.map((contact) => (
                      <ContactItem key={contact.id} contact={contact} heading="h5" idPrefix="contact-n" />
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          </>
        ) : resources.isPending ? (
          <p role="status">{t("help.loading")}</p>
        ) : (
          <p className="notice notice--warning" role="alert">
            {t("help.unavailable")}
          </p>
        )}
      </div>
    </dialog>
  );
}
