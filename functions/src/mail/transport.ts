import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  messageId?: string;
}

export interface SentMail {
  messageId: string;
  response: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Production is Cloud Run without the emulator flag; everywhere else mail stays on this machine. */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.K_SERVICE) && env.FUNCTIONS_EMULATOR !== 'true';
}

/** Refuses any SMTP server but loopback outside production, so no test mail ever leaves the box. */
export function assertSmtpAllowed(smtpUrl: string, production: boolean): URL {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('SMTP_URL ist keine gültige Adresse (z. B. smtp://127.0.0.1:1025).');
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol)) {
    throw new Error(`SMTP_URL muss mit smtp:// oder smtps:// beginnen, nicht ${url.protocol}`);
  }
  if (!production && !LOOPBACK.has(url.hostname)) {
    throw new Error(
      `Außerhalb der Produktion wird nur an 127.0.0.1 zugestellt, nicht an ${url.hostname}.`,
    );
  }
  return url;
}

/** The only place that talks SMTP. */
export function createMailer(smtpUrl: string, from: string, production = isProduction()): Mailer {
  assertSmtpAllowed(smtpUrl, production);
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers ?? {},
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
      });
      return { messageId: info.messageId, response: info.response };
    },
    close() {
      transport.close();
    },
  };
}
