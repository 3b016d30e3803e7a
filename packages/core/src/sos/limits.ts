/** The SOS's limits, apart from the schemas so the web app's first screen can read them without zod. */
export const SOS_LIMITS = {
  triggerMax: 80,
  helpedMax: 12,
  helpedItemMax: 200,
  noteMax: 1000,
  minutesMin: 1,
  minutesMax: 60,
  /** How long a timer may grow with "5 more minutes" during a ride. */
  rideMinutesMax: 120,
  minutesDefault: 15,
  listDefault: 50,
  listMax: 200,
} as const;
