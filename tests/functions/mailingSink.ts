// A tiny SMTP sink for the pipeline's fault cases: it can answer RCPT TO with any code (451 once,
// 550 always, …) and keeps what it accepted, so tests count per recipient. Listens on a random
// free port above 20000, never on the shared ports of the stack.
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface CaughtMessage {
  to: string[];
  messageId: string;
  raw: string;
}

/** null accepts; an answer refuses the recipient with that code and text. */
export type RcptRule = (address: string, attempt: number) => { code: number; text: string } | null;

export interface Sink {
  url: string;
  messages: CaughtMessage[];
  /** RCPT TO commands seen per address (accepted or not). */
  attempts: Map<string, number>;
  countTo(address: string): number;
  setRule(rule: RcptRule): void;
  close(): Promise<void>;
}

export async function startSink(initial: RcptRule = () => null): Promise<Sink> {
  let rule = initial;
  const messages: CaughtMessage[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const to = address.address.toLowerCase();
      const n = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, n);
      const answer = rule(to, n);
      if (!answer) return callback();
      callback(Object.assign(new Error(answer.text), { responseCode: answer.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '',
          raw,
        });
        callback();
      });
    },
  });
  for (let tries = 0; ; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      return {
        url: `smtp://127.0.0.1:${port}`,
        messages,
        attempts,
        countTo: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())).length,
        setRule: (next) => {
          rule = next;
        },
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    } catch (error) {
      if (tries >= 10) throw error;
    }
  }
}
