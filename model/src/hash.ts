// SHA-256 through Web Crypto, available in browsers and in Node ≥ 20 alike (no SDK, no node:crypto).

// The model compiles without DOM or Node typings, so name the two globals it uses.
interface WebCryptoGlobals {
  crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}
const web = globalThis as unknown as WebCryptoGlobals;

/** Lowercase hex SHA-256 of the UTF-8 text. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await web.crypto.subtle.digest('SHA-256', new web.TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The id of a subscriber document: the hash of the normalised address, so each address exists
 * at most once per network. firestore.rules checks the same with hashing.sha256().
 */
export function subscriberIdFor(email: string): Promise<string> {
  return sha256Hex(email.trim().toLowerCase());
}
