/** The overdose page's words. The safety content itself (signs, steps, naloxone) is the operator's resources file. */
export const overdose = {
  title: "Overdose: what to do",
  intro: "If someone may be overdosing, act now. You can save a life.",
  callEmergency: "Call {{number}} now",
  signsTitle: "Signs of an opioid overdose",
  stepsTitle: "What to do, step by step",
  naloxoneTitle: "How to give naloxone (nasal spray)",
  yourNaloxoneTitle: "Your naloxone",
  yourNaloxone: "You keep your naloxone: {{place}}",
  noNaloxone:
    "You haven't noted where you keep naloxone. Writing it down helps you, and the people with you, find it fast.",
  setNaloxone: "Add where you keep naloxone",
  changeNaloxone: "Change where you keep naloxone",
  neverUseAloneTitle: "If you're going to use",
  neverUseAloneIntro: "No judgement. These steps make it more likely you'll be okay.",
  linesTitle: "Lines that stay with you",
  openPage: "Open the overdose page",
  fromLapse: "Overdose safety: what to do",
  settingsTitle: "Safety tools",
  settingsIntro: "Always here, whenever you need them.",
};
