/**
 * Language that signals immediate danger: an overdose, suicidal intent or self-harm, in English and Spanish.
 *
 * A finding brings crisis and overdose resources to the writer at once, so the patterns lean towards speaking
 * up: a missed signal costs far more than a card offered once too often, and "I don't want to kill myself
 * anymore" is allowed to trigger. They still stay quiet for everyday idioms ("this homework is killing me",
 * "dying to see the movie", "me muero de risa", "me mata el calor") and for text plainly about something
 * else ("suicide prevention training", "me corté el pelo"), which is blanked out before the patterns run.
 *
 * Text is normalised first (lower case, accents removed so "suicídate" reads "suicidate", curly apostrophes
 * straightened, hyphens and runs of space made one space), so each pattern is written against plain words.
 */

export type DangerKind = "overdose" | "suicide" | "self-harm";

export interface DangerFinding {
  kind: DangerKind;
  language: "en" | "es";
}

interface Rule extends DangerFinding {
  pattern: RegExp;
}

/** One regex matching any of the sources as whole words (the text is already lower case). */
function anyOf(sources: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${sources.join("|")})\\b`);
}

// Words that recur across patterns; apostrophes are optional because people type "dont" and "im".
const NOT =
  "(?:not|never|no longer|don'?t|do not|doesn'?t|didn'?t|isn'?t|aren'?t|won'?t|will not|can'?t|cannot)";
const THEY = "(?:he|she|they|he'?s|she'?s|they'?re|hes|shes)";
const MYSELF = "my ?self";
const END_OF_CLAUSE = String.raw`(?= ?(?:$|[.!?,;:)]|(?: and| but| last| tonight| again| today| earlier| now| i think| y| pero| anoche| hoy| ayer| otra vez| creo)\b))`;
/** What "to cut" is about when it is not the writer's own body: cut back, cut ties, cut my hours. */
const NOT_CUT_MYSELF =
  "back|down|out|off|in|into|up|corners|ties|contact|people|toxic|class|school|loose|it|them|him|her|the|a|an|" +
  String.raw`some|sugar|carbs|costs|my (?!arms?\b|wrists?\b|legs?\b|thighs?\b|skin\b|self\b)`;
const DRUGS_EN =
  "(?:pills?|tablets?|meds|medications?|medicine|xanax|xans|bars|benzos|klonopin|valium|ativan|oxys?|oxies|" +
  "oxycodone|oxycontin|percs?|percocets?|vicodin|norco|hydrocodone|fent|fentanyl|heroin|dope|smack|methadone|" +
  "subs|suboxone|morphine|dilaudid|tramadol|codeine|opiates|opioids|painkillers|sleeping pills|tylenol|" +
  "acetaminophen|paracetamol|advil|ibuprofen|insulin|lean|molly|ecstasy|mdma|coke|cocaine|meth|ketamine|ghb|" +
  "dxm|cough syrup|drugs|gabapentin|seroquel|lithium|antidepressants|m30s?|blues)";
const DRUGS_ES =
  "(?:pastillas|pildoras|tabletas|capsulas|medicamentos|medicinas|calmantes|tranquilizantes|somniferos|" +
  "clonazepam|alprazolam|rivotril|xanax|diazepam|valium|oxicodona|morfina|fentanilo|fenta|heroina|metadona|" +
  "tramadol|codeina|cocaina|coca|perico|crack|cristal|metanfetamina|drogas?|insulina|paracetamol|ibuprofeno)";
/** Saying what one is about to do: "I'm going to", "gonna", "I'll", "planning to". */
const INTENT_EN =
  "(?:going to|gonna|about to|want to|wanna|will|i'?ll|planning to|plan to|ready to|decided to|tempted to)";
const INTENT_ES =
  "(?:voy a|vas a|va a|quiero|pienso|estoy pensando en|tengo ganas de|me dan ganas de|me gustaria)";
/** Not intent: "I'm not going to", "I'll never" (a member promising to stay safe). */
const NOT_BEFORE_INTENT_EN = "(?<!\\b(?:not|never|don'?t|won'?t) )";
const CONTAINER = "(?:bottle|pack|packet|box|blister|strip|sheet|script|prescription)";
const ENVASE_ES = "(?:frasco|bote|caja|blister|tira|envase|paquete)";
const TOOK_ES =
  "(?:tome|tomo|tomaste|tomaron|me tome|se tomo|te tomaste|se tomaron|tomarme|tomarse|trague|trago|" +
  "me trague|se trago|tragarme|tragarse|ingeri|ingirio|consumi|consumio|me meti|se metio|use|uso|me inyecte|" +
  "se inyecto)";
const SHARP_OR_HOT =
  "(?:glass|knife|nail|can|paper|metal|edge|fence|stove|oven|pan|kettle|iron|grill|rock|branch|wire|tin|counter|door)";
const SPORT_ES =
  "(?:rodillas?|tobillos?|espalda|hombros?|cuello|pies?|piernas?|dedos?|cadera|codos?|jugando|entrenando|" +
  "corriendo|en el gimnasio|al caerme|al caer|sin querer|por accidente|haciendo ejercicio|levantando)";

const OVERDOSE_EN = [
  "over ?dos(?:e|ed|es|ing|age)",
  "od(?:'d|'ed|'ing|ed|ing)",
  "(?:gonna|going to|about to|might|may|could|will|i'?ll|almost|nearly|did|i|he|she|they) od",
  `(?:took|taken|take|taking|swallowed|popped|downed|used|shot|snorted|smoked|did|had) (?:way |far |a lot |a bit )?too (?:much|many) (?:of (?:the|my|his|her|their|those|these|that) )?${DRUGS_EN}`,
  `(?:took|taken|swallowed|popped|used|shot up|snorted) (?:way |far )?too (?:much|many)(?: of (?:it|them|that|this))?${END_OF_CLAUSE}`,
  "(?:the|that|this|my|his|her) (?:dose|batch|shot|hit|bag|line|stuff|dope|fent|gear|pills?) (?:was|is|were|are) (?:way |far |much )?too (?:strong|much|big|high|potent)",
  `(?:took|taken|take|taking|swallowed|swallow|swallowing|popped|downed) (?:a lot of|lots of|a bunch of|a handful of|handfuls of|a ton of) ${DRUGS_EN}`,
  `(?:took|taken|swallowed|popped|downed) (?:the|a|an|my|his|her|their) (?:whole|entire|full) ${CONTAINER}`,
  `swallowed (?:all|every one) (?:of )?(?:the|my|his|her|their|those|these) ${DRUGS_EN}`,
  `(?:took|taken) all (?:of )?(?:the|his|her|their|those|these) ${DRUGS_EN}`,
  // Said ahead ("I'm going to take all my pills"), unlike the everyday "I take all my pills every morning".
  `${NOT_BEFORE_INTENT_EN}(?:${INTENT_EN} (?:just )?(?:take|swallow)|thinking (?:about|of) (?:taking|swallowing)) (?:all|every one) (?:of )?(?:my|the|his|her|their|those|these) ${DRUGS_EN}(?! (?:with (?:food|water|breakfast|lunch|dinner|a meal|meals)|on time|as (?:prescribed|directed)|every|each|in the morning|at night|before|after|like (?:the|my) (?:doctor|nurse|prescriber)|from now on))`,
  `${NOT_BEFORE_INTENT_EN}${INTENT_EN} (?:just )?(?:take|swallow) (?:the|a|my) (?:whole|entire|full) ${CONTAINER}`,
  // Using with nobody there to call for help or give naloxone.
  `${NOT_BEFORE_INTENT_EN}(?:${INTENT_EN}|i'?m|im|i am) (?:use|using|shoot up|shooting up|get high|getting high|do dope|doing dope) (?:all )?(?:alone|by ${MYSELF}|on my own)`,
  String.raw`(?:can'?t|cannot|can not|couldn'?t|could not|unable to) (?:wake|rouse) (?!up\b|me\b|${MYSELF}\b|early\b)\w+`,
  `${THEY}(?: is| are)? (?:still )?${NOT} (?:waking|wake|wakes|waken)(?: up)?`,
  "(?:won'?t|will not|wont) wake up(?! (?:early|in time|on time|for (?:school|work|class)))",
  String.raw`(?:he|she|they|him|her|them|someone|somebody|friend|boyfriend|girlfriend|partner|husband|wife|son|daughter|brother|sister|roommate)(?: \S+){0,3} unresponsive`,
  "(?:not|isn'?t|isnt|aren'?t|arent|wasn'?t|stopped|stop|barely|hardly|no longer) breathing",
  `${THEY} (?:can'?t|cannot|couldn'?t) breathe`,
  "(?:his|her|their) breathing (?:is |was |sounds |seems |got )?(?:really |very |so )?(?:slow|shallow|weird|strange|funny|ragged)",
  "(?:turning|turned|going|gone|went) (?:blue|purple)",
  "(?:lips|face|fingertips|fingers|fingernails|nails|skin) (?:are |is |look |looks |looked |were |was |went |getting |turning |turned )?(?:all |really |kind of |kinda )?(?:blue|purple|gr[ae]y)",
  "(?:blue|purple) (?:lips|fingertips|fingernails)",
  "(?:blue and cold|cold and blue)",
  String.raw`(?:gave|give|giving|given|administered|sprayed|used|need|needs|needed|had to use|hit (?:him|her|them) with) (?:\w+ )?(?:narcan|naloxone)`,
  "(?:narcan|naloxone)(?:'d|'ed|ned|ed)",
  `i think (?:${THEY}|i'?m|im|i am) (?:is |are )?dying(?! (?:to|of|from|laughing|inside))`,
  "(?:laced|cut) with (?:fent|fentanyl|carfentanil|xylazine|tranq)",
];

const OVERDOSE_ES = [
  "sobre ?dosis",
  `${TOOK_ES} (?:\\w+ )?(?:demasiad[oa]s|de mas) ${DRUGS_ES}`,
  `(?:me meti|se metio|consumi|consumio|use|uso|me inyecte|se inyecto) demasiad[oa]${END_OF_CLAUSE}`,
  `${TOOK_ES} (?:todas|todos) (?:las|los) ${DRUGS_ES}`,
  `(?:trague|me trague|se trago|tragarme|tragarse) (?:todas|todos) (?:las|los|mis|sus) ${DRUGS_ES}`,
  `${TOOK_ES} (?:todo el|toda la) ${ENVASE_ES}`,
  `(?<!\\bno )${INTENT_ES} (?:tomar(?:me)?|tragar(?:me)?) (?:todas|todos) (?:las|los|mis) ${DRUGS_ES}(?! (?:con (?:la )?comida|con (?:el )?desayuno|con agua|a tiempo|cada|todos los dias|por la manana|por la noche|como (?:me )?(?:dijo|dijeron|indico|indicaron|recetaron)))`,
  `(?<!\\bno )(?:voy a|vas a|va a|pienso|quiero) (?:usar|consumir|drogarme|meterme|inyectarme|picarme) (?:sol[oa]|a solas|sin nadie)(?= ?(?:$|[.!?,;:]|(?: esta noche| hoy| otra vez| en casa| en mi| y| pero)\\b))`,
  `${TOOK_ES} (?:el|la|un|una) ${ENVASE_ES} (?:entero|entera|completo|completa)`,
  `(?:me|se|te) (?:pase|paso|pasaste|pasaron|ha pasado|he pasado) (?:con|de) (?:la |las |el |los )?(?:dosis|${DRUGS_ES})`,
  "no (?:esta |estaba )?respir(?:a|ando|aba)",
  "(?:dejo|ha dejado|dejaba) de respirar",
  "(?:casi|apenas) (?:no )?respira",
  "no (?:se )?despierta",
  "no (?:puedo|podemos|logro|logramos|consigo|conseguimos) despertarl[oae]s?",
  "no reacciona",
  "no responde a nada",
  String.raw`(?:esta|estaba|quedo|encontre|encontramos|encontraron|sigue) (?:\w+ )?inconsciente`,
  "se (?:esta |estan )?(?:poniendo|puso|pone|pusieron|ha puesto|volvio) (?:muy |todo |toda )?(?:azul|azules|morad[oa]s?)",
  String.raw`labios (?:\w+ )?(?:azules|morados|grises)`,
  String.raw`(?:di|dimos|puse|pusimos|inyecte|aplique|aplicamos|dieron|pusieron|administre|administramos|use|usamos) (?:\w+ )?(?:naloxona|narcan)`,
  "necesita (?:naloxona|narcan)",
  "creo que (?:me estoy|se esta) muriendo(?! de)",
  "(?:cortad[oa]|mezclad[oa]|adulterad[oa]) con (?:fentanilo|fenta|xilacina)",
];

const SUICIDE_EN = [
  `kill(?:ing|ed)? ${MYSELF}`,
  "(?:gonna|going to|want to|wanna|gotta|should|about to|might|will) kms",
  // "kms" alone is "kill myself"; after a number or a measure word it is kilometres.
  "(?<!(?:\\d|\\b(?:few|many|several|some|more|extra|of|the|those|these|all|per|in)) ?)kms",
  "unaliv(?:e|ing)",
  "(?:end|ending|ended|take|taking|took) (?:my|my own) life(?! (?:back|in|into|one|seriously|forward|to|as))",
  "end(?:ing)? it all",
  "end(?:ing)? everything",
  "thinking (?:about|of) ending it",
  "(?:have a plan|plan|planning|planned|ready|decided|going|gonna|want|wanna) to end it(?! (?:with|between))",
  String.raw`(?:want(?:s|ed)?|wanna|wish(?:ed)?|ready|planning|plan|deserve|trying) (?:to )?(?:just )?die\b(?! (?:of|from|laughing|inside|alone))`,
  "(?:want|wanna|wish) (?:to )?be dead",
  "wish i (?:was|were|could be|'d be) dead",
  "wish i (?:could|would) (?:just )?die",
  "wish i (?:had )?never (?:been born|existed|woke up|wake up)",
  "better off (?:dead|without me|if i (?:was|were|wasn'?t|weren'?t) (?:dead|gone|here|around|alive)|if i'?m gone|with me gone|when i'?m gone)",
  "no (?:reason|point|purpose) (?:to|in|for) (?:live|living|go on|going on|keep going|carry on|carrying on|be alive|being alive|stay alive|staying alive|exist|existing)",
  "nothing (?:left )?to live for",
  "tired of (?:living|being alive|life)",
  "(?:happier|better|easier) (?:off )?(?:if|when) i(?:'m| am| was| were)? (?:gone|dead|not here|not around)",
  "(?:no one|nobody) would (?:notice|care) if i (?:died|was gone|were gone|disappeared|was dead|were dead)",
  // Not a missed meeting or party: "nobody would miss me at work".
  "(?:(?:no one|noone|nobody)(?: would| will|'?d| is going to| is gonna| gonna)|would (?:anyone|anybody)|will (?:anyone|anybody)) (?:even |really |ever )?miss me(?! (?:at|in|for|during|from|on|if i (?:skip|skipped|missed|left|leave|don'?t|didn'?t)))",
  "wish i could (?:just )?(?:disappear|vanish|not exist|stop existing)",
  "(?:stop|not) existing",
  "(?:want|wanna|wish i could) (?:to )?sleep forever",
  "(?:life|living)(?:'s not| isn'?t| is not| is no longer| ain'?t) worth (?:it|living)",
  "not worth living",
  "(?:don'?t|do not|no longer) (?:want|wanna|wish) (?:to )?(?:live(?! (?:in|with|near|alone|here|there|at|on|by|together|next|close|far|abroad))|be alive|exist|be here anymore|be around anymore|keep living|go on(?! with))",
  "(?:don'?t|do not) (?:want|wanna) (?:to )?wake up(?! (?:early|so early|at|for|before|in time|on time))",
  "never (?:wake|waking) up(?! (?:early|on time|in time|before))",
  "(?:hope|hoping|wish|wishing|pray|praying) (?:that )?i (?:don'?t|won'?t|do not|will not|never|wouldn'?t|didn'?t) wake up",
  "sleep and not wake up",
  "suicid(?:e|es|al|ally)",
  "(?:can'?t|cannot|can not) go on (?:anymore|any more|living|like this)",
  "disappear (?:forever|for good|from (?:this|the) (?:world|earth))",
  "done (?:with )?(?:living|life)(?! (?:in|with|as|on|at|out))",
  `(?:hang|hanging|shoot|shooting|drown|drowning|poison|poisoning|gas|gassing) ${MYSELF}`,
  "(?:put|putting) a (?:bullet|gun) (?:in|to|through) my (?:head|mouth|brain)",
  "blow my (?:brains|head) (?:out|off)",
  "jump(?:ing)? (?:off|from) (?:a|the|this|that) (?:bridge|building|roof|rooftop|cliff|balcony|overpass|ledge|window|tower)",
  `(?:jump|jumping|step|stepping|throw ${MYSELF}|throwing ${MYSELF}|walk|walking|lie down) in front of (?:a|the) (?:train|bus|truck|car|subway)`,
  "(?:slit|slitting|slash|slashing|cut|cutting) my (?:wrists|throat)",
  "drive (?:my car )?(?:off|into) (?:a|the) (?:cliff|bridge|wall|tree|river|lake)",
  "(?:overdose|od) on purpose",
];

const SUICIDE_ES = [
  "(?:quiero|quisiera|queria|deseo|ganas de|me quiero|me quisiera|me gustaria) (?:morir(?:me)?|estar muert[oa])",
  "ojala (?:me muera|muriera|me muriera|estuviera muert[oa]|no despierte|no despertar|no haber nacido|nunca haber nacido)",
  "(?<!\\b(?:va|van|vas|iba|iban|vaya|vayan) a )(?<!\\b(?:quiere|quieren|queria|querian) )matarme",
  "me (?:quiero|voy a|pienso|deberia|podria|quisiera|tengo que) matar",
  "(?:quitarme|quitarse|quitarte|me quito|se quito|me quitare) la vida",
  String.raw`suicid\w*`,
  "no (?:quiero|deseo|tengo ganas de) (?:seguir )?(?:vivir(?! (?:en|con|cerca|lejos|aqui|alli|ahi|sol[oa]|junt[oa]s|de nuevo|otra vez))|viviendo|existir|estar viv[oa]|seguir aqui)",
  "no (?:quiero|deseo) despertar(?:me)?(?! (?:temprano|tan temprano|a las|para|antes))",
  "no (?:volver a )?despertar(?:me)? (?:nunca|jamas|mas)",
  "(?:dormir|dormirme|acostarme) y no (?:volver a )?despertar(?:me)?",
  "(?:no tengo|no hay|sin) (?:ninguna |ningun )?(?:razon|razones|motivo|motivos|nada|sentido) (?:para|por (?:el |lo )?que|por que) (?:vivir|seguir)",
  "no tengo (?:por que|porque|para que) vivir",
  "(?:la|mi) vida no tiene (?:sentido|valor)",
  "no (?:le )?veo (?:el )?sentido a (?:la|mi) vida",
  "no vale la pena (?:vivir|seguir viviendo)",
  "no tiene sentido seguir (?:viviendo|vivo|viva|aqui|en este mundo)",
  "(?:acabar|terminar|acabo|termino|acabare|terminare) con (?:todo(?! (?:el|la|los|las|lo|eso|mi trabajo))|mi vida)",
  "poner fin a (?:mi vida|todo)",
  "(?:estaria|estarias|estariamos|estarian|estaran|vivirian|seria) mejor (?:sin mi|si (?:yo )?(?:no estuviera|no existiera|me muriera|muriera|desapareciera))",
  "mejor (?:estar |estaria |estoy )?muert[oa]s?",
  "(?:ahorcarme|ahorcarse|me ahorco|me voy a ahorcar|envenenarme)",
  "colgarme (?:de|del)",
  "(?:pegarme|darme|meterme) un tiro",
  "volarme la cabeza",
  "(?:tirarme|lanzarme|aventarme|arrojarme) (?:de|del|desde|por|a|al) (?:un |una |el |la |los |las )?(?:puente|edificio|balcon|ventana|azotea|techo|tren|metro|vias|acantilado|barranco|piso|rio|mar|vacio)",
  "cortarme las venas",
  "desaparecer (?:para siempre|de este mundo|del mundo)",
  "(?:quiero|quisiera|ganas de|me gustaria) desaparecer(?! (?:de|del|un|unos|una|por|hoy|este|esta))",
  "(?:quiero|quisiera|voy a|me quiero|me voy a) ir(?:me)? de este mundo",
  "nadie me (?:extranaria|extranara|va a extranar|echaria de menos|va a echar de menos|echara de menos)(?! (?:en|el|la|los|las|hoy|manana|si (?:no (?:voy|vengo|fuera|viniera)|falto|faltara)))",
  "no aguanto (?:mas )?(?:esta|mi) vida",
  "no puedo (?:seguir|mas) (?:viviendo|asi|con (?:esta|mi) vida)",
];

const SELF_HARM_EN = [
  `(?:cut|cutting|cuts|burn|burning|burned|burnt|harm|harming|harmed|hurt|hurting|injure|injuring|injured|scratch|scratching|scratched|carve|carving|carved|starve|starving|mutilate|mutilating) ${MYSELF}`,
  "self ?(?:harm|harming|harmed|injury|injuring|injure|injured|mutilation|mutilate|mutilating|hurt)",
  "(?:cut|cutting|burn|burning|burned|burnt|carve|carving|carved|slash|slashing|slit|scratch|scratching|scratched) my (?:wrists?|arms?|forearms?|legs?|thighs?|skin|stomach|hips?)",
  `(?:urges?|urged|want(?:ed|ing)?|need(?:ed)?|tempted|craving|itching) to cut(?! (?:${NOT_CUT_MYSELF})\\b)`,
  `(?:urges?|tempted|craving) to (?:self harm|harm ${MYSELF}|hurt ${MYSELF}|burn ${MYSELF})`,
  "cutting again",
  "relapsed (?:on|into|with) (?:cutting|self ?harm(?:ing)?)",
];

const SELF_HARM_ES = [
  "cortarme",
  // "Me corté" is the writer; "me cortó" (someone cut me off) normalises to "me corto", so that needs a body part.
  "me (?:corte|he cortado|estoy cortando|vuelvo a cortar|volvi a cortar|sigo cortando)",
  "me (?:corto|cortaba) (?:los brazos|las piernas|las munecas|la muneca|el brazo|la pierna|los muslos|el muslo|la piel|el estomago|la panza)",
  "(?:me hago|me hice|me hacia|me estoy haciendo|hacerme) cortes",
  "(?:hacerme|me hago|me hice|me hacia|me estoy haciendo) dano",
  "(?:lastimarme|me lastimo|me lastime|me estoy lastimando)",
  String.raw`auto ?lesion\w*`,
  String.raw`(?:quemarme|me queme|me quemo|me estoy quemando) (?:a proposito|con (?:un |una |el |la |los |las )?(?:cigarr\w*|encendedor|mechero|cerill\w*|fosfor\w*))`,
  "quemarme (?:los brazos|la piel|las piernas)",
  "(?:aranarme|rasgunarme|rascarme|me arano|me rasguno|me rasco) hasta sangrar",
];

/** Phrases about something other than the writer's danger; blanked out before the rules run. */
const ELSEWHERE = new RegExp(
  [
    "suicide (?:prevention|awareness|hotline|helpline|lifeline|crisis line|squad|doors?|runs?|sprints?|drills?|rates?|statistics|stats|research|training|walk|month|bomb\\w*|attacks?|mission)",
    "suicide (?:and|&) crisis (?:lifeline|line)",
    "(?:preventing|prevention of|prevent) suicide",
    "over ?dose (?:awareness|prevention|training|response|reversal|kits?)",
    "self ?harm (?:awareness|prevention)",
    `killing ${MYSELF} (?:at|over|working|trying|laughing|to (?:finish|get|make|pay|keep|meet|hit))`,
    `(?:almost|nearly) killed ${MYSELF} (?:falling|tripping|slipping|laughing|by accident|on the (?:stairs|ice|bike))`,
    `burn(?:t|ed|ing)? ${MYSELF} out`,
    `(?:accidentally|accidently|nearly|almost) (?:cut|burn(?:ed|t)?|hurt|scratched|injured) (?:${MYSELF}|my \\w+)`,
    `(?:cut|cutting|burn|burned|burnt|burning|hurt|hurting|scratch|scratched|scratching|injured|injure) (?:${MYSELF}|my \\w+) (?:on (?:an? |the |some |my )?(?:broken )?${SHARP_OR_HOT}|shaving|cooking|chopping|slicing|ironing|by accident|at (?:work|the gym|practice|training)|playing|lifting|falling|in a fall|working out|while (?:cooking|shaving|chopping|working|playing|running|lifting|skating|skiing|climbing|hiking|biking|cycling)|when i (?:fell|slipped|tripped))`,
    "(?:prevencion|prevenir|concienciacion|concientizacion|capacitacion|taller|curso|charla|formacion|kits?)(?: \\w+){0,3} (?:sobre ?dosis|suicidio)",
    "(?:linea|dia mundial|dia internacional)(?: \\w+){0,4} suicidio",
    "escuadron suicida",
    String.raw`(?:took|take|taken|taking) all (?:of )?(?:the|my|his|her) \w+ (?:(?:the|my|his|her) (?:doctor|nurse|clinic|prescriber)|as prescribed|like prescribed|(?:i|he|she) was prescribed|on time)`,
    String.raw`(?:tome|tomo|tomar|tomarme|tomarse) todas las \w+ (?:del tratamiento|de la receta|que me (?:recetaron|recetan|dio|dieron|indico|indicaron)|como me (?:dijo|dijeron|indico|indicaron)|a tiempo)`,
    "morir(?:me)? de (?:la )?(?:risa|verguenza|ganas|hambre|sueno|aburrimiento|calor|frio|envidia|amor|cansancio|nervios|emocion|alegria|felicidad|viej[oa]|viejit[oa])",
    "(?:matar|mato|matando|matarme) (?:trabajando|estudiando|entrenando|de (?:la )?risa|en el gimnasio|a trabajar|a estudiar)",
    "(?:cortarme|corte|corto|cortando|cortar|cortado) (?:el|la|los|las|un|una|mis|mi) (?:pelo|cabello|unas|una|barba|bigote|flequillo|fleco|puntas|dedos?|mano|pie|labio|melena|patillas|cejas)",
    "(?:cortarme|me corte|me corto) (?:\\w+ )?(?:sin querer|por accidente|cocinando|afeitandome|rasurandome|pelando|picando|con (?:un |una |el |la )?(?:papel|hoja de papel|lata))",
    `(?:me hice|me hago|hacerme) dano (?:en (?:el|la|los|las|mi|mis) )?${SPORT_ES}`,
    `(?:lastimarme|me lastimo|me lastime) (?:el |la |los |las )?${SPORT_ES}`,
  ]
    .map((source) => `\\b${source}\\b`)
    .join("|"),
  "g",
);

const RULES: readonly Rule[] = [
  { kind: "overdose", language: "en", pattern: anyOf(OVERDOSE_EN) },
  { kind: "overdose", language: "es", pattern: anyOf(OVERDOSE_ES) },
  { kind: "suicide", language: "en", pattern: anyOf(SUICIDE_EN) },
  { kind: "suicide", language: "es", pattern: anyOf(SUICIDE_ES) },
  { kind: "self-harm", language: "en", pattern: anyOf(SELF_HARM_EN) },
  { kind: "self-harm", language: "es", pattern: anyOf(SELF_HARM_ES) },
];

/** Lower case, no accents, straight apostrophes, hyphens as spaces, single spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[‘’ʼ`´′]/g, "'")
    .replace(/[-‐‑‒–—_]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Finds language that signals immediate danger (overdose, suicide, self-harm) in English or Spanish: one
 * finding per kind and language, in a fixed order (overdose, suicide, self-harm; English before Spanish).
 */
export function detectDanger(text: string): DangerFinding[] {
  // A stop mark where an unrelated phrase stood keeps words either side of it from joining into a match.
  const plain = normalise(text).replace(ELSEWHERE, " ; ");
  return RULES.filter((rule) => rule.pattern.test(plain)).map(({ kind, language }) => ({ kind, language }));
}
