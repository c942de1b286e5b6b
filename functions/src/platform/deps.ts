import { MAIL_FROM, PUBLIC_BASE_URL, SMTP_URL } from '../config/params.ts';
import { createMailer } from '../mail/transport.ts';
import { auth, db } from './firebase.ts';

// Production wiring of the handlers' dependencies; tests pass their own.
export const createNetworkDeps = () => ({ db: db() });
export const coordinatorDeps = () => ({
  db: db(),
  auth: auth(),
  mailer: () => createMailer(SMTP_URL.value(), MAIL_FROM.value()),
  baseUrl: PUBLIC_BASE_URL.value(),
});
export const apiDeps = () => ({
  db: db(),
  mailer: () => createMailer(SMTP_URL.value(), MAIL_FROM.value()),
  baseUrl: PUBLIC_BASE_URL.value(),
});
