import type { Firestore } from 'firebase-admin/firestore';
import type { Mailer } from '../mail/transport.ts';
import type { RateLimit } from './rateLimit.ts';

/** What the distribution list's handlers need; production wiring in wiring.ts, tests pass theirs. */
export interface SubscriberDeps {
  db: Firestore;
  mailer: () => Mailer;
  /** The web app's public address; links in mails point there. */
  baseUrl: string;
  now: () => Date;
  /** Per-client allowance of the public signup. */
  signupLimit: RateLimit;
}

export const SIGNUP_LIMIT: RateLimit = { scope: 'signup', max: 10, windowMs: 10 * 60_000 };
