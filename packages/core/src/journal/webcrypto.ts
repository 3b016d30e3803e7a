/**
 * Web Crypto types named through `globalThis.crypto`, so they resolve both with the DOM library (core, web) and
 * with Node's own types (the server, which type-checks core without the DOM library).
 */
type Subtle = typeof globalThis.crypto.subtle;

/** A Web Crypto key (`CryptoKey`): the journal key, or a key that wraps it. */
export type JournalKey = Awaited<ReturnType<Subtle["importKey"]>>;
/** The uses the journal gives its keys: a plain list, which every overload (DOM, DOM.Iterable, Node) accepts. */
export type KeyUsages = ("encrypt" | "decrypt" | "wrapKey" | "unwrapKey")[];
