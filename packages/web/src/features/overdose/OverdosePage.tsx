/**
 * The overdose page: signs, what to do, where the member keeps naloxone and how to give it, and never-use-alone
 * options. Every safety sentence comes from the operator's resources file (the last copy is kept on the
 * device, so this works offline); signed out it shows the same, without the member's own naloxone place.
 */
import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { useResources } from "../../api/queries.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { MemberContext } from "../../app/session.ts";
import { Page } from "../../components/Page.tsx";
import { ContactItem } from "../help/HelpDialog.tsx";
import { NaloxoneLocation } from "./NaloxoneLocation.tsx";
import "./overdose.css";

export function OverdosePage() {
  const { t } = useTranslation();
  const member = useContext(MemberContext);
  const resources = useResources();
  const data = resources.data;

  return (
    <Page title={t("overdose.title")} className="overdose">
      {data ? (
        <>
          <p className="overdose__intro">{t("overdose.intro")}</p>
          <a className="button button--danger button--block" href={`tel:${data.emergencyNumber}`}>
            {t("overdose.callEmergency", { number: data.emergencyNumber })}
          </a>

          <section className="card" aria-labelledby="od-signs">
            <h2 id="od-signs">{t("overdose.signsTitle")}</h2>
            <ul className="bullets">
              {data.overdose.signs.map((sign) => (
                <li key={sign}>{sign}</li>
              ))}
            </ul>
          </section>

          <section className="card" aria-labelledby="od-steps">
            <h2 id="od-steps">{t("overdose.stepsTitle")}</h2>
            <ol className="steps">
              {data.overdose.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </section>

          {member ? <NaloxoneLocation /> : null}

          <section className="card" aria-labelledby="od-naloxone">
            <h2 id="od-naloxone">{t("overdose.naloxoneTitle")}</h2>
            <ul className="bullets">
              {data.overdose.naloxone.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>

          <section className="card" aria-labelledby="od-alone">
            <h2 id="od-alone">{t("overdose.neverUseAloneTitle")}</h2>
            <p>{t("overdose.neverUseAloneIntro")}</p>
            <ul className="bullets">
              {data.overdose.saferUse.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {data.overdose.neverUseAlone.length > 0 ? (
              <>
                <h3>{t("overdose.linesTitle")}</h3>
                <ul className="contact-list">
                  {data.overdose.neverUseAlone.map((contact) => (
                    <ContactItem key={contact.id} contact={contact} heading="h4" idPrefix="od-line" />
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </>
      ) : resources.isError ? (
        <LoadFailed onRetry={() => void resources.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
