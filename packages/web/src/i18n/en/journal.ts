/** The journal's words (features/journal). */
export const journal = {
  nav: "Journal",
  title: "Journal",
  intro: "A private place to write. Only you can read it: it's locked on this device before it's sent.",
  protectionLink: "How your journal is protected",
  newEntry: "Write",
  promptsTitle: "Start from a prompt",
  entriesTitle: "Your entries",
  empty: "No entries yet. Whatever you write here stays yours.",
  noMatches: "No entries match.",
  search: "Search your journal",
  searchHint: "Searched on this device only.",
  tagFilter: "Tag",
  allTags: "All tags",
  loading: "Opening your journal…",
  loadFailed: "We couldn't load your journal. Check your connection and try again.",
  damaged: "This entry is damaged and can't be opened.",
  untitled: "Untitled",
  read: "Read",
  edit: "Edit",
  delete: "Delete",
  deleteQuestion: "Delete this entry for good?",
  deleteConfirm: "Yes, delete",
  deleteKeep: "Keep it",
  deleted: "Entry deleted.",
  back: "Back to your journal",
  moodLabel: "Mood: {{mood}}",
  tagsLabel: "Tags: {{tags}}",
  download: {
    title: "Take it with you",
    hint: "Your entries are opened on this device and saved as a file. Keep the file somewhere private.",
    markdown: "Download as Markdown",
    json: "Download as JSON",
    heading: "My Cairn journal",
    exported_one: "Downloaded {{date}}: {{count}} entry.",
    exported_other: "Downloaded {{date}}: {{count}} entries.",
  },
  editor: {
    newTitle: "New entry",
    editTitle: "Edit entry",
    date: "Date",
    title: "Title",
    body: "Entry",
    mood: "Mood",
    noMood: "No mood",
    tags: "Tags",
    tagsHint: "Separate tags with commas, for example: work, sleep.",
    save: "Save entry",
    saving: "Locking and saving…",
    saved: "Entry saved.",
    draftKept: "Your draft is kept on this device until you save it or sign out.",
    empty: "Write something first.",
    tooLong:
      "This entry is too long to save: {{count}} characters, and the limit is {{limit}}. Your text is still here; split it into two entries.",
    tooMany: "Too many tags or a tag too long. Keep tags short.",
    conflict:
      "This entry was changed on another device since you opened it. Copy your text, then reload to see the newer version.",
    danger:
      "What you wrote sounds like you may be in danger. Help is open now. Your entry is still saved only for you.",
  },
  prompts: {
    "daily-reflection": {
      title: "Daily reflection",
      hint: "Whatever is on your mind today.",
      fields: { reflection: "What's on your mind today?" },
    },
    "thought-record": {
      title: "Thought record",
      hint: "Look at a hard thought from another side.",
      fields: {
        situation: "Situation: what happened, where, with whom?",
        automaticThought: "Automatic thought: what went through your mind?",
        feeling: "Feeling: what did you feel, and how strongly (0 to 10)?",
        evidenceFor: "Evidence that supports the thought",
        evidenceAgainst: "Evidence that doesn't support it",
        balancedThought: "A balanced thought",
      },
    },
    gratitude: {
      title: "Gratitude",
      hint: "Notice what went right.",
      fields: {
        first: "One thing you're grateful for today",
        second: "Another thing",
        third: "And one more",
      },
    },
    "urge-log": {
      title: "Urge log",
      hint: "Write down an urge while it's fresh.",
      fields: {
        intensity: "How strong is the urge (0 to 10)?",
        situation: "Where are you, and what set it off?",
        whatHelped: "What are you doing to ride it out?",
      },
    },
    "trigger-chain": {
      title: "Trigger chain after a lapse",
      hint: "Gently trace the steps that led to it, to see where the chain can break next time.",
      fields: {
        trigger: "What started it?",
        thoughts: "What thoughts came next?",
        feelings: "What were you feeling?",
        actions: "What happened, step by step?",
        nextTime: "Where could the chain break next time, and what will you try?",
      },
    },
    "future-letter": {
      title: "Letter to your future self",
      hint: "What do you want them to know?",
      fields: { letter: "Dear future me," },
    },
  },
  codesWithoutWrap:
    "Some of your recovery codes don't open your journal yet. Make new recovery codes so that they all do.",
  toSettings: "Go to Settings",
  lapseLink: "Write it down: trace what led to it",
  setup: {
    title: "Start your journal",
    intro:
      "Your journal is locked with a key made on this device. The server stores only locked text: nobody who runs Cairn can read it.",
    warning:
      "Important: your journal opens only with your password or one of your recovery codes. If you lose both, nobody can open your journal again, not even us, and it is gone for good.",
    understood: "I understand: if I lose my password and my recovery codes, my journal is lost",
    password: "Your password",
    passwordHint: "The one you sign in with. It locks your journal's key.",
    start: "Start my journal",
    starting: "Making your journal's key… this takes a few seconds.",
    newCodes:
      "Starting your journal makes ten new recovery codes that open both your account and your journal. Your old recovery codes stop working.",
    started: "Your journal is ready.",
    notStarted:
      "Your new recovery codes are below, and your old ones no longer work: save these now. Your journal couldn't be started this time; you can try again after saving them.",
    tryAgain: "I saved them, try again",
    codesTitle: "Your new recovery codes",
    codesIntro:
      "Save them now somewhere safe and private: they won't be shown again. Each one opens your account and your journal if you forget your password.",
    continue: "Open my journal",
  },
  unlock: {
    title: "Open your journal",
    intro: "Type your password to open your journal on this device.",
    password: "Your password",
    submit: "Open journal",
    opening: "Opening… this takes a few seconds.",
    wrong: "That password doesn't open your journal. Check it and try again.",
    required: "Type your password.",
  },
  lock: {
    title: "Journal lock",
    hint: "When on, your journal asks for your password each time you open it on this device.",
    label: "Ask for my password to open the journal",
    saved: "Journal lock saved.",
    now: "Lock journal now",
    locked: "Journal locked.",
  },
  rewrap: {
    failed:
      "Your password was changed, but your journal's key couldn't be updated. Open your journal and type your old password once to fix it.",
    codesFailed:
      "Your new recovery codes are ready, but they couldn't be linked to your journal yet. Try making new codes again later.",
  },
  protection: {
    title: "How your journal is protected",
    intro:
      "When you write in your journal, your device scrambles the words before they leave it. The server stores only the scrambled text. The key that unscrambles it is made on your device and locked with your password and with each of your recovery codes; the server never sees your password-derived key or the journal key itself.",
    protectsTitle: "What this protects you from",
    protects: {
      copy: "A copy of the database or a backup that ends up in the wrong hands: your journal in it is unreadable.",
      operators:
        "The people who run the server looking in the database: they see scrambled text, not your words.",
      subpoena:
        "A subpoena or court order for stored data: for your journal, that is scrambled text nobody can unscramble without you.",
      tampering:
        "Mix-ups or tampering with stored entries: your device says an entry is damaged instead of showing you wrong words.",
    },
    notTitle: "What it does not protect you from",
    not: {
      server:
        "A server changed to send your device harmful code. The app comes from the server each time you open it. Use a Cairn run by people you trust, or run your own.",
      device:
        "Your device in someone else's hands while you are signed in: the journal opens without your password until you sign out. Turn on the journal lock in Settings to be asked again, and sign out on a shared device.",
      malware: "Harmful software on your device, such as spyware or a keyboard that records what you type.",
      lose: "Losing both your password and all your recovery codes. Nobody can open your journal then, not even us. Keep your recovery codes somewhere safe, on paper, away from your phone.",
      metadata:
        "The server can still see that you have a journal, how many entries it holds, when each was written or changed, and roughly how long each is.",
    },
    safety:
      "When you save, your device checks your words for signs of danger, to offer help at once. Nothing is sent for this.",
    full: "The full details are in Cairn's SECURITY.md, published with its source code.",
  },
};
