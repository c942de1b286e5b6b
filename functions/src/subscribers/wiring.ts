import { MAIL_FROM, PUBLIC_BASE_URL, SMTP_URL } from '../config/params.ts';
import { createMailer } from '../mail/transport.ts';
import { db } from '../platform/firebase.ts';
import { SIGNUP_LIMIT, type SubscriberDeps } from './deps.ts';

// Production wiring of the handlers' dependencies.
export const subscriberDeps = (): SubscriberDeps => ({
  db: db(),
  mailer: () => createMailer(SMTP_URL.value(), MAIL_FROM.value()),
  baseUrl: PUBLIC_BASE_URL.value(),
  now: () => new Date(),
  signupLimit: SIGNUP_LIMIT,
});
