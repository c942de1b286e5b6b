import { defineInt } from 'firebase-functions/params';

// Settings of the mail pipeline, declared once with their description.
export const MAIL_MAX_PER_MINUTE = defineInt('MAIL_MAX_PER_MINUTE', {
  default: 6000,
  description:
    'Höchstens so viele Mails pro Minute schickt der Versand, gleich was ein Versand verlangt (Kontingent des SMTP-Anbieters)',
});
