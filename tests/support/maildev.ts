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
