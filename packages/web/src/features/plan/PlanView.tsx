/**
 * The plan as read (and printed): reasons, then triggers → warning signs → coping steps → people →
 * professional help, then daily actions and where naloxone is kept. Everything is shown as text; phone numbers
 * become one-tap call and text links.
 */
import { dialablePhone, type PlanInput } from "@cairn/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="plan-section" aria-labelledby={`plan-${id}`} data-section={id}>
      <h2 id={`plan-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function TextItems({ items }: { items: readonly string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="plan-empty">{t("plan.nothingYet")}</p>;
  return (
    <ul className="bullets">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Call and text links for a number (hidden in print, where the number itself is shown). */
function PhoneLinks({ name, phone }: { name: string; phone: string }) {
  const { t } = useTranslation();
  const dial = dialablePhone(phone);
  return (
    <>
      <span className="plan-phone">{phone}</span>
      <span className="button-row plan-contact no-print">
        <a className="button" href={`tel:${dial}`}>
          {t("plan.call", { name })}
        </a>
        <a className="button" href={`sms:${dial}`}>
          {t("plan.text", { name })}
        </a>
      </span>
    </>
  );
}

export function PlanView({ plan }: { plan: PlanInput }) {
  const { t } = useTranslation();
  return (
    <div className="plan-view">
      <Section id="reasons" title={t("plan.sections.reasons")}>
        <TextItems items={plan.reasons} />
      </Section>
      <Section id="triggers" title={t("plan.sections.triggers")}>
        {plan.triggers.length === 0 ? (
          <p className="plan-empty">{t("plan.nothingYet")}</p>
        ) : (
          <ul className="bullets">
            {plan.triggers.map((trigger) => (
              <li key={trigger.id}>
                {trigger.label} <span className="plan-kind">({t(`plan.kinds.${trigger.kind}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="warning-signs" title={t("plan.sections.warningSigns")}>
        <TextItems items={plan.warningSigns} />
      </Section>
      <Section id="coping-steps" title={t("plan.sections.copingSteps")}>
        {plan.triggers.length === 0 ? (
          <p className="plan-empty">{t("plan.nothingYet")}</p>
        ) : (
          plan.triggers.map((trigger) => (
            <div key={trigger.id} className="plan-coping">
              <h3>{t("plan.whenTrigger", { trigger: trigger.label })}</h3>
              {trigger.copingSteps.length === 0 ? (
                <p className="plan-empty">{t("plan.noSteps")}</p>
              ) : (
                <ol className="steps">
                  {trigger.copingSteps.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              )}
            </div>
          ))
        )}
      </Section>
      <Section id="people" title={t("plan.sections.people")}>
        {plan.supportPeople.length === 0 ? (
          <p className="plan-empty">{t("plan.nothingYet")}</p>
        ) : (
          <ul className="plan-contacts">
            {plan.supportPeople.map((person) => (
              <li key={person.id}>
                <p className="plan-contact__name">
                  {t("plan.withRelation", {
                    name: person.name,
                    relation: t(`plan.relations.${person.relation}`),
                  })}
                </p>
                {person.phone ? <PhoneLinks name={person.name} phone={person.phone} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="professional-help" title={t("plan.sections.professionalHelp")}>
        {plan.professionalHelp.length === 0 ? (
          <p className="plan-empty">{t("plan.nothingYet")}</p>
        ) : (
          <ul className="plan-contacts">
            {plan.professionalHelp.map((place) => (
              <li key={place.id}>
                <p className="plan-contact__name">
                  {t("plan.withRelation", {
                    name: place.name,
                    relation: t(`plan.professionals.${place.kind}`),
                  })}
                </p>
                {place.address ? <p>{place.address}</p> : null}
                {place.phone ? <PhoneLinks name={place.name} phone={place.phone} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="daily-actions" title={t("plan.sections.dailyActions")}>
        <TextItems items={plan.dailyActions.map((a) => a.label)} />
      </Section>
      {plan.naloxoneLocation ? (
        <Section id="naloxone" title={t("plan.sections.naloxone")}>
          <p>{t("plan.naloxoneAt", { place: plan.naloxoneLocation })}</p>
        </Section>
      ) : null}
    </div>
  );
}
