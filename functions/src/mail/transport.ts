import { createRequire } from 'node:module';
import nodemailer, { type Transporter } from 'nodemailer';

// nodemailer's helpers are CommonJS without named ESM exports; load them the CommonJS way.
const require = createRequire(import.meta.url);
const mime = require('nodemailer/lib/mime-funcs') as typeof import('nodemailer/lib/mime-funcs');
const shared = require('nodemailer/lib/shared') as typeof import('nodemailer/lib/shared');

export interface MailAttachment {
  name: string;
  contentType: string;
  content: string;
  encoding?: 'utf8' | 'base64';
}

export interface OutgoingMail {
  to: string;
  /** The recipient's display name; encoded by nodemailer, never spliced into a header. */
  toName?: string;
  subject: string;
  text: string;
  html: string;
  /** Display name for the configured sender address (e.g. the network's name). */
  fromName?: string;
  replyTo?: string;
  /** `<id@domain>`; stable across retries so receivers can recognise a repeated mail. */
  messageId?: string;
  /** List-Id (RFC 2919): a label such as `landkreis-rheinwald.knotenpunkt.local` and its name. */
  list?: { id: string; name: string };
  /** Adds List-Unsubscribe and List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058). */
  unsubscribeUrl?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

export interface SentMail {
  messageId: string;
  response: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

export interface MailerOptions {
  /** Keep up to maxConnections SMTP connections open and reuse them (bulk mail). */
  pool?: boolean;
  maxConnections?: number;
  /** Upper bound for one SMTP conversation step; the pipeline's lease is longer than this. */
  timeoutMs?: number;
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

/**
 * A header value made from text someone typed or a template rendered: line breaks and other
 * control characters become spaces, so no value can start a header of its own.
 */
// eslint-disable-next-line no-control-regex -- the control characters are exactly the point
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

export function headerSafe(value: string, max = 900): string {
  return value.replace(CONTROL, ' ').trim().slice(0, max);
}

/** `Name <label>` for List-Id: a quoted phrase when ASCII, an encoded word otherwise. */
export function listIdHeader(label: string, name: string): string {
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9.-]/g, '');
  const safeName = headerSafe(name, 200);
  if (!safeName) return `<${safeLabel}>`;
  const phrase = mime.isPlainText(safeName)
    ? `"${safeName.replace(/["\\]/g, (c) => `\\${c}`)}"`
    : mime.encodeWord(safeName, 'Q', 52);
  return `${phrase} <${safeLabel}>`;
}

/** The address part of a "Name <address>" sender. */
export function addressOf(from: string): string {
  const match = /<([^<>]+)>\s*$/.exec(from);
  return (match?.[1] ?? from).trim();
}

/** The domain of the sender address, for Message-IDs and List-Ids. */
export function domainOf(from: string): string {
  return addressOf(from).split('@')[1]?.toLowerCase() ?? 'localhost';
}

export interface SmtpFailure {
  /** The SMTP reply code (451, 550, …), or null when there was none (timeout, connection). */
  code: number | null;
  /** 4xx, timeouts and connection errors are worth another try; 5xx are not. */
  temporary: boolean;
  /** What the server said, or the error's message. */
  answer: string;
}

/** Sorts what nodemailer threw into temporary (retry later) and permanent (give up) failures. */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as { responseCode?: unknown; response?: unknown; message?: unknown };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const answer = headerSafe(
    typeof e.response === 'string' && e.response
      ? e.response
      : typeof e.message === 'string'
        ? e.message
        : String(error),
    1000,
  );
  return { code, temporary: code === null || code < 500, answer };
}

/** The only place that talks SMTP. */
export function createMailer(
  smtpUrl: string,
  from: string,
  production = isProduction(),
  options: MailerOptions = {},
): Mailer {
  assertSmtpAllowed(smtpUrl, production);
  const timeout = options.timeoutMs ?? 30_000;
  // Given a `url`, nodemailer would ignore every other option: parse it into options instead.
  const transport: Transporter = options.pool
    ? nodemailer.createTransport({
        ...shared.parseConnectionUrl(smtpUrl),
        pool: true,
        maxConnections: options.maxConnections ?? 5,
        maxMessages: Infinity,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      })
    : nodemailer.createTransport({
        ...shared.parseConnectionUrl(smtpUrl),
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      });
  const fromAddress = addressOf(from);
  return {
    async send(mail) {
      const headers: Record<string, string | { prepared: true; value: string }> = {};
      for (const [key, value] of Object.entries(mail.headers ?? {})) {
        headers[headerSafe(key, 100).replace(/[^A-Za-z0-9-]/g, '')] = headerSafe(value);
      }
      if (mail.list)
        headers['List-Id'] = { prepared: true, value: listIdHeader(mail.list.id, mail.list.name) };
      if (mail.unsubscribeUrl) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      const info = await transport.sendMail({
        from: mail.fromName ? { name: headerSafe(mail.fromName, 200), address: fromAddress } : from,
        to: mail.toName ? { name: headerSafe(mail.toName, 200), address: mail.to } : mail.to,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: headerSafe(mail.subject, 998),
        text: mail.text,
        html: mail.html,
        headers,
        ...(mail.unsubscribeUrl ? { list: { unsubscribe: mail.unsubscribeUrl } } : {}),
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        attachments: (mail.attachments ?? []).map((a) => ({
          filename: a.name,
          contentType: a.contentType,
          content: a.content,
          encoding: a.encoding === 'base64' ? 'base64' : 'utf-8',
        })),
      });
      return { messageId: info.messageId, response: info.response };
    },
    close() {
      transport.close();
    },
  };
}
