// The mail pipeline under load: 2,000 recipients through the emulators (trigger → Cloud Tasks
// emulator → task function → SMTP) into a bare smtp-server sink on 127.0.0.1:1025 (where
// functions/.secret.local points), against a raw nodemailer pool sending the same 2,000 mails to
// the same sink in the same run. Prints mails per second of both and their ratio, duplicates and
// missing recipients counted in the sink, and the peak memory (VmHWM) of the functions processes.
//
// Run it alone (it needs the stack's ports): `node bench/mailing.bench.mjs`, or `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchNetwork, innerCommand, requireFreePorts } from './support.mjs';
import { dataDir, emulatorEnv, projectId, root } from '../scripts/lib/emulator-env.mjs';
import { adminEmulatorEnv, bin, ports } from '../scripts/lib/processes.mjs';

const RECIPIENTS = 2000;
const NETWORK = 'bench-versand';
const logs = join(dataDir, 'logs');
const FIGURES = join(logs, 'bench-mailing.txt');

if (process.argv.includes('--inner')) {
  await inner();
} else {
  await outer();
}

/** Checks the ports, builds the functions and runs the measurement inside the emulators. */
async function outer() {
  // A previous run may still be letting go of its ports for a few seconds.
  await requireFreePorts({ waitMs: 30_000 });
  const build = spawnSync('npm', ['run', '--silent', 'build', '-w', 'functions'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(1);
  const env = { ...process.env, ...emulatorEnv({ quiet: true }), ...adminEmulatorEnv };
  mkdirSync(logs, { recursive: true });
  writeFileSync(FIGURES, '');
  const log = openSync(join(logs, 'bench-mailing-emulators.log'), 'w');
  const run = spawnSync(
    bin('firebase'),
    [
      'emulators:exec',
      '--project',
      projectId,
      '--only',
      'firestore,functions,tasks',
      // Under tsx: the inner run takes the mailing's initial progress from the model.
      innerCommand(fileURLToPath(import.meta.url)),
    ],
    // The emulators' chatter goes to a log file; the inner run writes its figures to FIGURES.
    { cwd: root, env, stdio: ['ignore', log, log] },
  );
  const figures = readFileSync(FIGURES, 'utf8').trim();
  if (figures) console.log(figures);
  if (run.status !== 0 || !figures) {
    console.error(`Messung fehlgeschlagen, siehe ${join(logs, 'bench-mailing-emulators.log')}`);
    process.exit(1);
  }
}

/** Peak resident memory (kB) of each functions runtime process (the emulator's workers). */
function functionsPeaks() {
  const peaks = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('functionsEmulatorRuntime')) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peaks.push(Number(hwm[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  return peaks;
}

async function inner() {
  const { SMTPServer } = await import('smtp-server');
  const nodemailer = (await import('nodemailer')).default;
  const { initializeApp } = await import('firebase-admin/app');
  const { getFirestore } = await import('firebase-admin/firestore');
  const { initialMailingProgress } = await import('@knotenpunkt/model');
  const say = (line) => writeFileSync(FIGURES, `${line}\n`, { flag: 'a' });

  // ------------------------------------------------------------ the sink
  const received = new Map();
  let first = 0;
  let last = 0;
  let total = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        const now = performance.now();
        if (!first) first = now;
        last = now;
        total++;
        for (const r of session.envelope.rcptTo) {
          const a = r.address.toLowerCase();
          received.set(a, (received.get(a) ?? 0) + 1);
        }
        callback();
      });
    },
  });
  await new Promise((resolve) => sink.listen(ports.smtp, '127.0.0.1', resolve));
  const reset = () => {
    received.clear();
    first = last = total = 0;
  };
  const waitForMails = async (n, timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    while (total < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  };
  const tally = (addresses) => {
    let duplicates = 0;
    let missing = 0;
    for (const a of addresses) {
      const n = received.get(a) ?? 0;
      if (n === 0) missing++;
      if (n > 1) duplicates += n - 1;
    }
    return { duplicates, missing };
  };

  const body =
    'Guten Tag,\n\nam Dienstag trifft sich das Netzwerk im Rathaus. Wir freuen uns auf Sie.\n\n' +
    'Tagesordnung: Begrüßung, Berichte aus den Arbeitskreisen, Planung des Sommerfests.';

  // ------------------------------------------------------------ raw nodemailer pool
  const rawAddresses = Array.from({ length: RECIPIENTS }, (_, i) => `roh-${i}@bench.test`);
  const pool = nodemailer.createTransport({
    host: '127.0.0.1',
    port: ports.smtp,
    pool: true,
    maxConnections: 5,
    maxMessages: Infinity,
  });
  const t0 = performance.now();
  await Promise.all(
    rawAddresses.map((to) =>
      pool.sendMail({
        from: 'Knotenpunkt <noreply@knotenpunkt.local>',
        to,
        subject: 'Netzwerktreffen',
        text: body,
        html: `<p>${body}</p>`,
      }),
    ),
  );
  const rawSeconds = (performance.now() - t0) / 1000;
  pool.close();
  const raw = tally(rawAddresses);
  const rawRate = RECIPIENTS / rawSeconds;

  // ------------------------------------------------------------ the pipeline
  reset();
  const db = getFirestore(initializeApp({ projectId }));
  const now = new Date();
  await db.doc(`networks/${NETWORK}`).set(benchNetwork(NETWORK, 'Netzwerk Lasttest', now));
  /** Queues a mailing of the test source to the addresses and waits until it is sent. */
  const sendThroughPipeline = async (prefix, addresses) => {
    const ref = db.doc(`networks/${NETWORK}/mailings/${prefix}-${Date.now().toString(36)}`);
    await ref.set({
      purpose: 'information',
      meetingId: null,
      subject: 'Netzwerktreffen für {{name}}',
      bodyText: body,
      bodyHtml: '',
      attachments: [],
      recipients: {
        source: 'test',
        recipients: addresses.map((email, i) => ({ email, name: `Empfänger/in ${i}` })),
        unsubscribe: false,
      },
      settings: { perMinute: 60_000, batchSize: 500, pauseAfterErrors: 5 },
      status: 'queued',
      progress: initialMailingProgress(),
      createdAt: now,
      updatedAt: now,
      updatedBy: 'bench',
    });
    let status = '';
    const deadline = Date.now() + 300_000;
    while (status !== 'sent' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await ref.get()).get('status');
    }
    return status;
  };

  // The first mailing starts the trigger's and the worker's processes (a cold start that a
  // deployed function pays once, and the raw pool not at all): a small one goes first.
  const tw = performance.now();
  await sendThroughPipeline('aufwaermen', ['aufwaermen@bench.test']);
  const warmUpSeconds = (performance.now() - tw) / 1000;
  reset();
  const addresses = Array.from({ length: RECIPIENTS }, (_, i) => `empfaenger-${i}@bench.test`);
  const t1 = performance.now();
  const status = await sendThroughPipeline('last', addresses);
  const pipelineSeconds = (performance.now() - t1) / 1000;
  const sendingSeconds = (last - first) / 1000;
  // Late copies would arrive after "sent": give them a moment before counting.
  await waitForMails(RECIPIENTS + 1, 2000);
  const piped = tally(addresses);
  const pipeRate = RECIPIENTS / pipelineSeconds;
  const peaks = functionsPeaks();
  sink.close();

  say(
    `Empfänger: ${RECIPIENTS} · Senke: smtp-server auf 127.0.0.1:${ports.smtp} · Status: ${status}`,
  );
  say(
    `rohe nodemailer-Pool (5 Verbindungen): ${rawRate.toFixed(0)} Mails/s (${rawSeconds.toFixed(1)} s), Duplikate ${raw.duplicates}, fehlend ${raw.missing}`,
  );
  say(
    `Pipeline (Trigger → Tasks → Function → SMTP): ${pipeRate.toFixed(0)} Mails/s (${pipelineSeconds.toFixed(1)} s vom Einreihen bis „gesendet“, davon ${sendingSeconds.toFixed(1)} s vom ersten bis zum letzten Mail; vorher Kaltstart mit einer Mail: ${warmUpSeconds.toFixed(1)} s)`,
  );
  say(`Verhältnis Pipeline ÷ roher Pool: ${(pipeRate / rawRate).toFixed(2)} (Ziel ≥ 0,5)`);
  say(`Duplikate: ${piped.duplicates} (Ziel 0) · fehlend: ${piped.missing} (Ziel 0)`);
  say(
    `Spitzen-RSS der Functions-Prozesse: ${peaks.length ? `${Math.round(Math.max(...peaks) / 1024)} MB (größter von ${peaks.length} Prozessen)` : 'nicht gefunden'}`,
  );
  process.exit(status === 'sent' && piped.missing === 0 ? 0 : 1);
}
