import { defineSecret, defineString } from 'firebase-functions/params';

// Every setting of the functions, declared once with its description.
export const SMTP_URL = defineSecret('SMTP_URL');

export const MAIL_FROM = defineString('MAIL_FROM', {
  default: 'Knotenpunkt <noreply@knotenpunkt.local>',
  description: 'Absender aller Mails, z. B. "Netzwerk Integration <netzwerk@landkreis.de>"',
});

export const PUBLIC_BASE_URL = defineString('PUBLIC_BASE_URL', {
  default: 'http://127.0.0.1:5000',
  description: 'Öffentliche Adresse der Web-App; Links in Mails zeigen dorthin',
});
