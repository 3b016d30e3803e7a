import type { Contact, Resources } from "@cairn/core";

function presentContact(c: Contact): Contact {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    ...(c.phone === undefined ? {} : { phone: c.phone }),
    ...(c.sms === undefined
      ? {}
      : { sms: { number: c.sms.number, ...(c.sms.body === undefined ? {} : { body: c.sms.body }) } }),
    ...(c.url === undefined ? {} : { url: c.url }),
    ...(c.hours === undefined ? {} : { hours: c.hours }),
  };
}

/** Resources are public, but still pass an allow-list so nothing an operator adds by mistake is sent. */
export function presentResources(r: Resources): Resources {
  return {
    region: r.region,
    language: r.language,
    emergencyNumber: r.emergencyNumber,
    crisis: r.crisis.map(presentContact),
    overdose: {
      signs: [...r.overdose.signs],
      steps: [...r.overdose.steps],
      naloxone: [...r.overdose.naloxone],
      neverUseAlone: r.overdose.neverUseAlone.map(presentContact),
      saferUse: [...r.overdose.saferUse],
    },
    afterOpioidUse: [...r.afterOpioidUse],
  };
}
