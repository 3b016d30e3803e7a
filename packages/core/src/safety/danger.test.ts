import { describe, expect, it } from "vitest";
import { type DangerKind, detectDanger } from "./danger.ts";

const kindsIn = (text: string, language: "en" | "es") =>
  detectDanger(text)
    .filter((finding) => finding.language === language)
    .map((finding) => finding.kind);

describe("detectDanger in English", () => {
  it.each<[string, DangerKind]>([
    ["I think I overdosed last night and I'm scared.", "overdose"],
    ["I took too many pills, I don't feel right.", "overdose"],
    ["My friend took too much and I can't wake him up", "overdose"],
    ["Can't wake my boyfriend, he used an hour ago", "overdose"],
    ["He's not breathing!!", "overdose"],
    ["her lips are turning blue what do i do", "overdose"],
    ["He's turning blue", "overdose"],
    ["I OD'd in March and nearly didn't make it", "overdose"],
    ["She ODed in the bathroom at work", "overdose"],
    ["I took the whole bottle of xanax", "overdose"],
    ["Swallowed all the pills in the cabinet", "overdose"],
    ["my roommate wont wake up and he was using tonight", "overdose"],
    ["Found my brother unresponsive in his car", "overdose"],
    ["I gave him narcan but he's still out", "overdose"],
    ["I'm scared I'm going to overdose if I use again", "overdose"],
    ["I think I'm overdosing", "overdose"],
    ["she stopped breathing for a minute", "overdose"],
    ["took way too much fent tonight", "overdose"],
    ["im gonna od", "overdose"],
    ["I think the batch was too strong, I used too much.", "overdose"],
    ["I think it was laced with fentanyl", "overdose"],
    ["got narcanned at the party", "overdose"],
    ["His breathing is really slow and he won't respond", "overdose"],
    ["Over-dosed on my meds yesterday", "overdose"],
    ["I want to kill myself.", "suicide"],
    ["I'm going to end it all tonight.", "suicide"],
    ["I just want to die.", "suicide"],
    ["Everyone would be better off without me.", "suicide"],
    ["I'd be better off dead.", "suicide"],
    ["There's no reason to live anymore.", "suicide"],
    ["I've been feeling suicidal again.", "suicide"],
    ["I dont want to wake up tomorrow", "suicide"],
    ["Thinking about suicide a lot lately.", "suicide"],
    ["I want to end my life.", "suicide"],
    ["I have nothing to live for.", "suicide"],
    ["i dont want to be alive anymore", "suicide"],
    ["I wish I was dead.", "suicide"],
    ["Planning to take my own life this weekend.", "suicide"],
    ["I'm going to jump off the bridge.", "suicide"],
    ["I want to go to sleep and never wake up.", "suicide"],
    ["I can't go on anymore.", "suicide"],
    ["I wrote a suicide note.", "suicide"],
    ["I don’t want to live anymore", "suicide"],
    ["I’m thinking about   killing myself", "suicide"],
    ["I don't want to kill myself anymore but the thoughts come back", "suicide"],
    ["Life isn't worth living without her", "suicide"],
    ["I want to unalive myself", "suicide"],
    ["I'm done with life", "suicide"],
    ["I'm going to overdose on purpose", "suicide"],
    ["I cut myself again last night.", "self-harm"],
    ["I want to hurt myself.", "self-harm"],
    ["I've been self-harming for a week.", "self-harm"],
    ["I burned myself with a lighter on purpose.", "self-harm"],
    ["The urge to cut is really strong today.", "self-harm"],
    ["I relapsed on self harm after 6 months.", "self-harm"],
    ["I started cutting again.", "self-harm"],
    ["I keep harming myself when I'm stressed.", "self-harm"],
    ["I want to starve myself.", "self-harm"],
    ["Cut my wrists last night", "self-harm"],
    ["I scratch my arms until they bleed", "self-harm"],
    ["selfharm urges are back", "self-harm"],
    ["I cut myself on purpose", "self-harm"],
  ])("flags %j as %s", (text, kind) => {
    expect(kindsIn(text, "en")).toContain(kind);
  });

  it.each([
    "I overdid the workout yesterday and my legs hurt.",
    "This homework is killing me.",
    "I'd kill for a coffee right now.",
    "I'm dying to see the new movie.",
    "That joke killed at the meeting.",
    "My phone is dead again.",
    "The battery died on the way home.",
    "We had suicide prevention training at work today.",
    "I signed up for the suicide awareness walk with my group.",
    "I'm killing it at work this week.",
    "My boss is going to kill me if I'm late again.",
    "I can't wake up early anymore, I need a better alarm.",
    "I took my meds on time today.",
    "I took all my pills this morning like the doctor said.",
    "Cut back on coffee today.",
    "I cut my hair short and I love it.",
    "Burned myself on the stove making pasta.",
    "I hurt myself playing basketball.",
    "Feeling blue today, but I called my sponsor.",
    "I'm dead tired after my shift.",
    "Laughing so hard I almost died.",
    "The plant died because I forgot to water it.",
    "Breathing exercises helped with my craving.",
    "I carry naloxone in my bag now.",
    "I went to a naloxone training at the library.",
    "My sponsor says I should stop beating myself up.",
    "Suicide Squad was on TV last night.",
    "I'm going to end my shift early and go to a meeting.",
    "I'd rather die than eat broccoli.",
    "My knees are killing me after the hike.",
    "I don't want to wake up early tomorrow.",
    "We took too many photos at the beach.",
    "It took too much time to get to the clinic.",
    "I ran out of breath on the stairs.",
    "I cut myself shaving this morning.",
    "I accidentally cut myself opening a can.",
    "I burnt myself out at work this month.",
    "My grandmother died last year and I miss her.",
    "The meeting was overdue.",
    "I'm going to take my life back one day at a time.",
    "The suicide rates in my county were in the news.",
    "I called the 988 Suicide & Crisis Lifeline to ask about volunteering.",
    "I don't want to live with my parents anymore.",
    "I need to cut down on sugar.",
    "He's not responding to my texts.",
    "I nearly killed myself tripping over the dog.",
    "I'm killing myself at the gym to get fit.",
    "Overdose awareness day is coming up and our group is making a banner.",
    "I wrote a goodbye letter to alcohol in group today.",
    "Work was murder today.",
    "I'm starving, I skipped lunch.",
    "I want to cut ties with my old crowd.",
    "I cut myself on a broken glass doing the dishes.",
  ])("stays quiet for %j", (text) => {
    expect(detectDanger(text)).toEqual([]);
  });
});

describe("detectDanger in Spanish", () => {
  it.each<[string, DangerKind]>([
    ["Creo que tuve una sobredosis.", "overdose"],
    ["Tomé demasiadas pastillas.", "overdose"],
    ["Me tomé todo el frasco de pastillas.", "overdose"],
    ["Mi amigo no respira.", "overdose"],
    ["No está respirando, ayuda por favor.", "overdose"],
    ["No despierta, no sé qué hacer.", "overdose"],
    ["Mi hermano no se despierta y usó anoche.", "overdose"],
    ["Se está poniendo azul.", "overdose"],
    ["Se está poniendo morado, llamen a alguien.", "overdose"],
    ["Tiene los labios morados.", "overdose"],
    ["Le di naloxona pero sigue inconsciente.", "overdose"],
    ["Creo que me pasé con la dosis.", "overdose"],
    ["No puedo despertarlo.", "overdose"],
    ["Dejó de respirar un momento.", "overdose"],
    ["Mi novio se tragó todas sus pastillas.", "overdose"],
    ["Tengo miedo de sufrir una sobredosis si vuelvo a consumir.", "overdose"],
    ["Me metí demasiado anoche.", "overdose"],
    ["Creo que la coca estaba cortada con fentanilo.", "overdose"],
    ["La encontramos inconsciente en el baño.", "overdose"],
    ["Apenas respira.", "overdose"],
    ["Quiero morir.", "suicide"],
    ["Quiero morirme.", "suicide"],
    ["Me quiero morir.", "suicide"],
    ["Voy a matarme.", "suicide"],
    ["Pienso en suicidarme.", "suicide"],
    ["No quiero vivir más.", "suicide"],
    ["Quiero acabar con todo.", "suicide"],
    ["Estaría mejor muerta.", "suicide"],
    ["Todos estarían mejor sin mí.", "suicide"],
    ["Voy a quitarme la vida.", "suicide"],
    ["Tengo pensamientos suicidas.", "suicide"],
    ["He pensado en el suicidio.", "suicide"],
    ["Ya no quiero seguir viviendo.", "suicide"],
    ["No tengo razones para vivir.", "suicide"],
    ["Ojalá no despierte mañana.", "suicide"],
    ["Quisiera dormirme y no despertar nunca.", "suicide"],
    ["Me quiero matar.", "suicide"],
    ["Una voz me dice: suicídate.", "suicide"],
    ["Estoy pensando en ahorcarme.", "suicide"],
    ["Quiero tirarme del puente.", "suicide"],
    ["La vida no tiene sentido.", "suicide"],
    ["Ya no puedo seguir así con esta vida.", "suicide"],
    ["Me quiero morir de verdad.", "suicide"],
    ["QUIERO MORIRME YA", "suicide"],
    ["no quiero despertar mañana", "suicide"],
    ["Me volví a cortar anoche.", "self-harm"],
    ["Tengo ganas de cortarme.", "self-harm"],
    ["Quiero hacerme daño.", "self-harm"],
    ["Me hago daño cuando estoy ansiosa.", "self-harm"],
    ["Tengo ganas de lastimarme.", "self-harm"],
    ["Volví a autolesionarme.", "self-harm"],
    ["Las autolesiones volvieron.", "self-harm"],
    ["Me quemé con un cigarro a propósito.", "self-harm"],
    ["Me corté los brazos otra vez.", "self-harm"],
    ["Me estoy haciendo cortes en las piernas.", "self-harm"],
    ["Me rasguño hasta sangrar.", "self-harm"],
  ])("flags %j as %s", (text, kind) => {
    expect(kindsIn(text, "es")).toContain(kind);
  });

  it.each([
    "Me muero de risa con ese video.",
    "Me mata el calor hoy.",
    "Mi jefe va a matarme si llego tarde.",
    "Me muero de ganas de ver a mis hijos.",
    "Voy a cortarme el pelo el sábado.",
    "Me corté el dedo cocinando.",
    "Me lastimé la rodilla jugando fútbol.",
    "Me hice daño en la espalda en el gimnasio.",
    "Hoy fui a una charla sobre prevención del suicidio.",
    "La batería se murió.",
    "Mi teléfono está muerto.",
    "Estoy muerta de cansancio.",
    "Tomo mis pastillas todos los días.",
    "Tomé mis medicinas a tiempo.",
    "El cielo está azul hoy.",
    "Me siento un poco triste, pero llamé a mi madrina.",
    "Vamos a acabar con todo el trabajo pendiente hoy.",
    "Respira hondo y cuenta hasta diez.",
    "Hice ejercicios de respiración y se me pasó el antojo.",
    "Me quemé la mano cocinando.",
    "Llevo naloxona en la mochila.",
    "No quiero despertarme temprano mañana.",
    "Mi hijo no quiere ir a la escuela.",
    "La película Escuadrón Suicida es malísima.",
    "Este tráfico me está matando.",
    "Me mata la espera.",
    "Mi abuela murió el año pasado.",
    "Tengo sueño, me voy a dormir temprano.",
    "Este trabajo me va a matar.",
    "Corté con mi novio.",
    "Cortamos el pastel en la fiesta.",
    "Me muero de hambre.",
    "Me voy a matar estudiando para el examen.",
    "Hoy celebro un mes sin consumir.",
    "El día internacional de concienciación sobre la sobredosis es en agosto.",
    "La ansiedad me quita el sueño.",
    "Quiero vivir mi vida al máximo.",
    "Ya no quiero vivir en esa ciudad.",
    "Ese chiste me mató.",
    "Mi novio me cortó por mensaje.",
    "Me corté las uñas.",
    "El médico me cambió la dosis.",
    "Quiero morir de viejo, rodeado de mis nietos.",
    "Mi inconsciente me sabotea.",
    "Trabajo en la línea de prevención del suicidio.",
    "No quiero vivir solo.",
    "Mi mamá me va a matar cuando vea el coche.",
  ])("stays quiet for %j", (text) => {
    expect(detectDanger(text)).toEqual([]);
  });
});

describe("findings", () => {
  it("is empty for empty or blank text", () => {
    expect(detectDanger("")).toEqual([]);
    expect(detectDanger("  \n\t ")).toEqual([]);
  });

  it("gives one finding per kind and language, however often it appears", () => {
    expect(detectDanger("I want to die. I want to die. I want to kill myself.")).toEqual([
      { kind: "suicide", language: "en" },
    ]);
  });

  it("reports every kind and language found, overdose first and English before Spanish", () => {
    expect(detectDanger("Me quiero morir. I cut myself and I think I overdosed.")).toEqual([
      { kind: "overdose", language: "en" },
      { kind: "suicide", language: "es" },
      { kind: "self-harm", language: "en" },
    ]);
  });

  it("matches across accents, capitals, line breaks, curly apostrophes and missing apostrophes", () => {
    for (const text of ["SUICIDARME", "suicidarme", "Suicidárme", "I DON’T WANT TO\nLIVE", "i dont want to live", "Im going to kill my self"]) {
      expect(detectDanger(text)).not.toEqual([]);
    }
  });

  it("does not join words across an unrelated phrase it set aside", () => {
    expect(detectDanger("suicide prevention training. Cut back on sugar")).toEqual([]);
  });
});
