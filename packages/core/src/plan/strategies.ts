/**
 * The built-in library of practical coping strategies the plan builder suggests for each trigger. Each has
 * the step as it goes into the member's plan (short, something to do), a plain description of why or how,
 * the trigger kinds it fits, and words that, found in a trigger's label, make it a strong match (a "tired" or
 * "hungry" feeling suggests eating or resting first). Word stems are matched at the start of a word, in
 * English and Spanish, after lower-casing and removing accents.
 */
import type { TriggerKind } from "./schema.ts";

export interface CopingStrategy {
  id: string;
  step: string;
  description: string;
  kinds: readonly TriggerKind[];
  words: readonly string[];
}

const ALL: readonly TriggerKind[] = ["person", "place", "situation", "feeling", "time"];

export const COPING_STRATEGIES: readonly CopingStrategy[] = [
  {
    id: "ride-out",
    step: "Ride out the urge for 15 minutes",
    description:
      "An urge rises, peaks and passes like a wave, usually within 15 to 30 minutes. Notice it, name it, wait.",
    kinds: ALL,
    words: ["crav", "urge", "want", "ganas", "antojo"],
  },
  {
    id: "leave",
    step: "Leave the situation",
    description: "Walk out, go home, step outside. You don't owe anyone an explanation for leaving.",
    kinds: ["person", "place", "situation"],
    words: [
      "party",
      "parties",
      "bar",
      "club",
      "concert",
      "wedding",
      "fiesta",
      "festival",
      "dealer",
      "argument",
      "fight",
      "pelea",
      "discusion",
    ],
  },
  {
    id: "call-someone",
    step: "Call or text someone from my support list",
    description: "Say the urge out loud to someone who gets it. It loses much of its pull when it is shared.",
    kinds: ALL,
    words: [
      "lonel",
      "alone",
      "isolat",
      "solo",
      "sola",
      "soledad",
      "sad",
      "triste",
      "depress",
      "night",
      "noche",
      "weekend",
    ],
  },
  {
    id: "delay",
    step: "Delay: decide to wait 30 minutes before doing anything",
    description:
      "Put time between the urge and any choice. Set a timer; most of the time the urge is weaker when it rings.",
    kinds: ALL,
    words: ["payday", "paid", "money", "cash", "dinero", "pago", "impulse"],
  },
  {
    id: "move",
    step: "Move my body: a brisk walk, stairs or push-ups",
    description: "Ten minutes of movement burns off restless energy and lifts mood for a while.",
    kinds: ["situation", "feeling", "time"],
    words: [
      "restless",
      "bored",
      "boredom",
      "anxi",
      "stress",
      "angr",
      "anger",
      "mad",
      "frustrat",
      "inquiet",
      "aburr",
      "ansie",
      "estres",
      "enoj",
      "rabia",
    ],
  },
  {
    id: "breathe",
    step: "Breathe slowly: in for 4, out for 6, ten times",
    description:
      "A long out-breath slows the heart and calms the body's alarm, so the urge feels less urgent.",
    kinds: ["person", "place", "situation", "feeling"],
    words: [
      "anxi",
      "panic",
      "stress",
      "nervous",
      "worr",
      "angr",
      "anger",
      "mad",
      "fear",
      "scared",
      "ansie",
      "panico",
      "nervios",
      "miedo",
      "enoj",
    ],
  },
  {
    id: "eat-or-rest",
    step: "Eat something or rest if I'm hungry or tired",
    description:
      "Hunger and tiredness feel like cravings. A snack, water or a nap first — then see if the urge is still there.",
    kinds: ["feeling", "time"],
    words: [
      "hungr",
      "hangry",
      "starv",
      "tired",
      "exhaust",
      "sleep",
      "fatig",
      "worn out",
      "drained",
      "hambre",
      "cansad",
      "agotad",
      "sueno",
    ],
  },
  {
    id: "meeting",
    step: "Go to a meeting, in person or online",
    description:
      "A room (or a call) full of people who understand. Meetings run at most hours, many of them online.",
    kinds: ["situation", "feeling", "time"],
    words: [
      "lonel",
      "alone",
      "isolat",
      "weekend",
      "evening",
      "night",
      "soledad",
      "solo",
      "noche",
      "sunday",
      "domingo",
    ],
  },
  {
    id: "play-it-through",
    step: "Play the tape through to the end",
    description:
      "Picture the whole evening after using, not just the first minutes: how I'd feel tomorrow morning.",
    kinds: ALL,
    words: ["celebrat", "party", "payday", "reward", "fiesta", "celebr"],
  },
  {
    id: "reasons",
    step: "Read my reasons for recovery",
    description: "Keep them on your phone or in your wallet. They are the why behind every hard moment.",
    kinds: ALL,
    words: ["sad", "hopeless", "worthless", "guilt", "shame", "triste", "culpa", "verguenza"],
  },
  {
    id: "change-route",
    step: "Take another route and avoid the places I used to use",
    description: "Plan the way home, to work and to the shops so it doesn't pass old spots or people.",
    kinds: ["person", "place"],
    words: ["dealer", "corner", "street", "neighbo", "block", "park", "calle", "barrio", "esquina"],
  },
  {
    id: "cut-contact",
    step: "Delete or block the number",
    description: "Removing a dealer's or using friend's number makes the easy call a hard one.",
    kinds: ["person"],
    words: ["dealer", "plug", "connect", "using friend", "old friend", "ex", "camello", "transa"],
  },
  {
    id: "sober-company",
    step: "Bring someone sober with me, or have a way home",
    description: "If I must go, I go with someone who knows my plan, and with my own way to leave early.",
    kinds: ["person", "place", "situation"],
    words: [
      "party",
      "parti",
      "club",
      "bar",
      "party",
      "wedding",
      "family",
      "holiday",
      "christmas",
      "concert",
      "fiesta",
      "boda",
      "familia",
      "navidad",
    ],
  },
  {
    id: "hand-over-money",
    step: "Hand cash and cards to someone I trust, or limit what I carry",
    description: "Less money within reach on payday makes an impulse harder to act on.",
    kinds: ["situation", "time"],
    words: ["payday", "paid", "money", "cash", "paycheck", "dinero", "pago", "quincena", "sueldo"],
  },
  {
    id: "plan-the-hour",
    step: "Plan the risky hours ahead with something to do",
    description:
      "Cravings often come at the same times. Fill those hours on purpose: a call, a meal, a meeting, a walk.",
    kinds: ["time", "situation"],
    words: [
      "night",
      "evening",
      "morning",
      "weekend",
      "friday",
      "saturday",
      "sunday",
      "after work",
      "noche",
      "tarde",
      "manana",
      "fin de semana",
      "viernes",
      "sabado",
    ],
  },
  {
    id: "distract",
    step: "Do something absorbing: a game, music, cooking, a shower",
    description: "Giving the mind a job for half an hour lets the urge pass on its own.",
    kinds: ["situation", "feeling", "time"],
    words: ["bored", "boredom", "nothing to do", "idle", "aburr", "restless"],
  },
  {
    id: "name-the-feeling",
    step: "Name the feeling and write it down",
    description: "Putting a feeling into words ('I'm angry because…') makes it smaller and easier to handle.",
    kinds: ["feeling", "person"],
    words: [
      "angr",
      "anger",
      "resent",
      "hurt",
      "jealous",
      "sad",
      "shame",
      "guilt",
      "enoj",
      "rabia",
      "dolid",
      "celos",
      "triste",
    ],
  },
  {
    id: "urge-surf",
    step: "Notice where I feel the urge in my body and watch it change",
    description: "Urge surfing: stay curious about the sensation without acting on it; it shifts and fades.",
    kinds: ["feeling", "situation"],
    words: ["crav", "urge", "ganas", "antojo"],
  },
  {
    id: "pain-care",
    step: "Look after the pain another way and talk to my prescriber",
    description:
      "Heat, rest, gentle movement and the medicines my prescriber agrees — pain is real and has safer answers.",
    kinds: ["feeling", "situation"],
    words: ["pain", "hurt", "ache", "injur", "dolor", "duele"],
  },
  {
    id: "ground",
    step: "Ground myself: five things I see, four I hear, three I can touch",
    description: "Bringing attention to the room around me eases panic and racing thoughts.",
    kinds: ["feeling", "place", "situation"],
    words: ["anxi", "panic", "overwhelm", "flashback", "memor", "trauma", "ansie", "panico", "recuerd"],
  },
  {
    id: "boundary",
    step: "Say no and keep it short",
    description: "'No thanks, I'm not using.' A short, practised line is easier than an explanation.",
    kinds: ["person", "situation"],
    words: ["offer", "pressure", "friend", "ex", "partner", "roommate", "family", "amig", "pareja", "ofrec"],
  },
  {
    id: "sleep-routine",
    step: "Wind down for sleep at the same time each night",
    description:
      "Screens off, a warm drink, the same bedtime. Poor sleep makes the next day's cravings stronger.",
    kinds: ["time", "feeling"],
    words: ["insomnia", "sleep", "night", "late", "insomnio", "dormir", "noche"],
  },
];

/** Lower case, accents removed, anything but letters and digits made a single space. */
function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

/** A stem matches at the start of a word; a stem of three letters or fewer ("ex", "bar", "mad") only whole. */
function wordMatch(label: string, words: readonly string[]): boolean {
  return words.some((word) => {
    const stem = normalise(word).trim();
    return label.includes(stem.length <= 3 ? ` ${stem} ` : ` ${stem}`);
  });
}

/**
 * Strategies that fit a trigger, best first: those whose words appear in the label, then those that fit its
 * kind; each group keeps the library's order (the most widely useful first). Steps the member already has for
 * this trigger (compared by text) are left out. At most `limit` are returned.
 */
export function suggestCopingSteps(
  trigger: { kind: TriggerKind; label: string; copingSteps?: readonly string[] },
  limit = 6,
): CopingStrategy[] {
  const label = normalise(trigger.label);
  const taken = new Set((trigger.copingSteps ?? []).map((s) => normalise(s)));
  const fresh = COPING_STRATEGIES.filter((s) => !taken.has(normalise(s.step)));
  const byWord = fresh.filter((s) => wordMatch(label, s.words));
  const byKind = fresh.filter((s) => !byWord.includes(s) && s.kinds.includes(trigger.kind));
  return [...byWord, ...byKind].slice(0, limit);
}
