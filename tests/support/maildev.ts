import { MAILDEV_API } from './env.ts';

export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: Array<{ address: string; name: string }>;
  from: Array<{ address: string; name: string }>;
  headers: Record<string, string>;
}

/** maildev 3's REST API (/api/email), the real SMTP catcher the functions deliver to. */
export async function listMail(): Promise<CaughtMail[]> {
  const res = await fetch(`${MAILDEV_API}/api/email`);
  if (!res.ok) throw new Error(`maildev: ${res.status}`);
  return (await res.json()) as CaughtMail[];
}

export async function mailTo(address: string): Promise<CaughtMail[]> {
  return (await listMail()).filter((m) =>
    m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()),
  );
}

export async function clearMail() {
  const res = await fetch(`${MAILDEV_API}/api/email/all`, { method: 'DELETE' });
  if (!res.ok) throw new Error(`maildev clear: ${res.status}`);
}

/** The content of a caught mail's attachment, as text. */
export async function attachmentText(mailId: string, fileName: string): Promise<string> {
  const res = await fetch(
    `${MAILDEV_API}/api/email/${encodeURIComponent(mailId)}/attachment/${encodeURIComponent(fileName)}`,
  );
  if (!res.ok) throw new Error(`maildev attachment: ${res.status}`);
  return res.text();
}

/** A header of a caught mail as it arrived (unfolded), read from the raw message. */
export async function rawHeader(mailId: string, name: string): Promise<string | undefined> {
  const res = await fetch(`${MAILDEV_API}/api/email/${encodeURIComponent(mailId)}/source`);
  if (!res.ok) throw new Error(`maildev source: ${res.status}`);
  const head = (await res.text()).split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
