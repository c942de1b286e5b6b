// RSVP figures: 300 invitees answer "Ich komme" at the same moment for a meeting with 50 places
// and a waiting list; then 30 of the confirmed cancel at once, and the waiting list moves up.
// Prints the time until every answer is settled, the counts, and checks that the confirmed
// persons never exceed the capacity and that the waiting list is in the order the answers were
// committed (answeredAt = commit time of the queued answer).
//
// The answers go through the same handler as POST /api/rsvp (token check, queue, settler with
// its lease and transactions) in this process against the Firestore emulator: the Functions
// emulator serves one request per worker process and cannot start hundreds at once on two
// cores, while Cloud Run would run them concurrently in a few instances.
//
// Self-contained: starts `firebase emulators:exec` (Firestore only). The emulator ports are
// shared: run it under the lock, e.g. flock /tmp/knotenpunkt-emulators.lock node bench/rsvp.bench.mjs
// Options: --invitees N (default 300), --capacity N (default 50), --cancel N (default 30).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchNetwork, innerCommand, numberOption, requireFreePorts } from './support.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => numberOption(name, fallback, args);
const INVITEES = option('invitees', 300);
const CAPACITY = option('capacity', 50);
const CANCEL = option('cancel', 30);

if (args.includes('--inner')) {
  await inner();
} else {
  await outer();
}

async function outer() {
  const { emulatorEnv, projectId, root } = await import('../scripts/lib/emulator-env.mjs');
  const { adminEmulatorEnv, bin } = await import('../scripts/lib/processes.mjs');
  await requireFreePorts({ names: ['hub', 'firestore'] });
  const inner = innerCommand(fileURLToPath(import.meta.url), {
    invitees: INVITEES,
    capacity: CAPACITY,
    cancel: CANCEL,
  });
  const code = await new Promise((resolve) => {
    const child = spawn(
      bin('firebase'),
      ['emulators:exec', '--project', projectId, '--only', 'firestore', inner],
      {
        cwd: root,
        env: { ...process.env, ...emulatorEnv({ quiet: true }), ...adminEmulatorEnv },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines)
        if (line.includes('│')) console.log(line.slice(line.indexOf('│') + 1));
    });
    child.on('exit', resolve);
  });
  process.exit(code ?? 1);
}

async function inner() {
  const say = (text) => console.log(`│${text}`);
  const { initializeApp } = await import('firebase-admin/app');
  const { getFirestore, Timestamp } = await import('firebase-admin/firestore');
  const model = await import('../model/src/index.ts');
  const { recordRsvp } = await import('../functions/src/meetings/rsvpApi.ts');
  const { promotionMailings } = await import('../functions/src/meetings/mailings.ts');
  const { mintRsvpToken } = await import('../functions/src/meetings/tokens.ts');

  const db = getFirestore(
    initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-knotenpunkt' }),
  );
  const networkId = 'rsvp-bench';
  const meetingId = `ansturm-${Date.now().toString(36)}`;
  const now = new Date();
  const start = new Date(now.getTime() + 14 * 86_400_000);
  await db
    .doc(model.paths.network(networkId))
    .set(benchNetwork(networkId, 'Netzwerk Lastprobe', now));
  const meeting = model.meetingSchema.parse({
    ...model.meetingInputSchema.parse({
      kind: 'Vollversammlung',
      title: 'Vollversammlung',
      start,
      end: new Date(start.getTime() + 3 * 3_600_000),
      capacity: CAPACITY,
      waitlist: true,
    }),
    createdAt: now,
    updatedAt: now,
    updatedBy: 'bench',
  });
  await db.doc(model.paths.meeting(networkId, meetingId)).set(meeting);

  // The invitees and their personal links, as an invitation's recipient source writes them.
  const invitees = [];
  for (let i = 0; i < INVITEES; i += 200) {
    const batch = db.batch();
    for (let k = i; k < Math.min(INVITEES, i + 200); k++) {
      const email = `gast-${String(k).padStart(4, '0')}@last.test`;
      const id = await model.sha256Hex(email);
      batch.set(db.doc(model.paths.rsvp(networkId, meetingId, id)), {
        email,
        name: `Gast ${k}`,
        organisation: '',
        source: 'test',
        sourceRef: '',
        answer: null,
        waitlisted: false,
        persons: 1,
        comment: '',
        order: null,
        attended: null,
        invitedAt: now,
        answeredAt: null,
        promotedAt: null,
        updatedAt: now,
      });
      const token = mintRsvpToken(
        db,
        batch,
        { networkId, meetingId, inviteeId: id },
        meeting.end,
        now,
      );
      invitees.push({ id, token });
    }
    await batch.commit();
  }
  const deps = { db, settle: { onPromoted: promotionMailings(db, 'http://127.0.0.1:5000') } };

  const rsvps = async () =>
    (await db.collection(model.paths.rsvps(networkId, meetingId)).get()).docs.map((d) => ({
      id: d.id,
      ...d.data(),
    }));
  const check = (rows) => {
    const confirmed = rows.filter((r) => r.answer === 'yes' && !r.waitlisted);
    const waiting = rows
      .filter((r) => r.answer === 'yes' && r.waitlisted)
      .sort((a, b) => a.order - b.order);
    const persons = confirmed.reduce((sum, r) => sum + r.persons, 0);
    const committed = waiting.map((r) =>
      r.answeredAt instanceof Timestamp ? r.answeredAt.toMillis() : NaN,
    );
    const inOrder = committed.every((t, i) => i === 0 || committed[i - 1] <= t);
    return { confirmed: confirmed.length, persons, waiting: waiting.length, inOrder };
  };

  say(
    `${INVITEES} Eingeladene antworten gleichzeitig „Ich komme“ (${CAPACITY} Plätze, Warteliste an)`,
  );
  let t0 = performance.now();
  const answers = await Promise.all(
    invitees.map(async ({ token }) => {
      const t = performance.now();
      const res = await recordRsvp({ token, answer: 'yes' }, deps);
      return { status: res.status, outcome: res.body?.outcome, ms: performance.now() - t };
    }),
  );
  const settled = (performance.now() - t0) / 1000;
  const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const outcome = (o) => answers.filter((a) => a.outcome === o).length;
  const after = check(await rsvps());
  const queue = (await db.collection(model.rsvpQueuePath(networkId, meetingId)).get()).size;
  say(
    `  bis alle Antworten verbucht sind:      ${settled.toFixed(2)} s (${(INVITEES / settled).toFixed(0)} Antworten/s)`,
  );
  say(
    `  Antwortzeit je Anfrage: Median ${(pct(50) / 1000).toFixed(2)} s, 95 % ${(pct(95) / 1000).toFixed(2)} s, max ${(latencies.at(-1) / 1000).toFixed(2)} s`,
  );
  say(
    `  Zusagen (Plätze):                      ${outcome('recorded')} → ${after.confirmed} bestätigt, ${after.persons} Personen (höchstens ${CAPACITY}: ${after.persons <= CAPACITY ? 'ja' : 'NEIN'})`,
  );
  say(
    `  Warteliste:                            ${outcome('waitlisted')} → ${after.waiting}, in Commit-Reihenfolge: ${after.inOrder ? 'ja' : 'NEIN'}`,
  );
  say(
    `  Fehler (Status ≠ 200):                 ${answers.filter((a) => a.status !== 200).length}, offene Einträge in der Warteschlange: ${queue}`,
  );

  // Cancellations: the first CANCEL confirmed say no at once; as many move up from the list.
  const rows = await rsvps();
  const leaving = rows.filter((r) => r.answer === 'yes' && !r.waitlisted).slice(0, CANCEL);
  const firstWaiting = rows
    .filter((r) => r.waitlisted)
    .sort((a, b) => a.order - b.order)
    .slice(0, CANCEL)
    .map((r) => r.id);
  const tokenOf = new Map(invitees.map((i) => [i.id, i.token]));
  say(`${leaving.length} Zusagen werden gleichzeitig zurückgezogen`);
  t0 = performance.now();
  await Promise.all(
    leaving.map((r) => recordRsvp({ token: tokenOf.get(r.id), answer: 'no' }, deps)),
  );
  const moved = (performance.now() - t0) / 1000;
  const final = await rsvps();
  const end = check(final);
  const promoted = final.filter((r) => r.promotedAt).map((r) => r.id);
  const fair =
    firstWaiting.every((id) => promoted.includes(id)) && promoted.length === firstWaiting.length;
  const mails = (
    await db.collection(model.paths.mailings(networkId)).where('meetingId', '==', meetingId).get()
  ).size;
  say(`  bis die Warteliste nachgerückt ist:     ${moved.toFixed(2)} s`);
  say(
    `  nachgerückt:                           ${promoted.length} (die ersten der Warteliste: ${fair ? 'ja' : 'NEIN'}), Mails dazu: ${mails}`,
  );
  say(
    `  danach bestätigt:                      ${end.persons} Personen (höchstens ${CAPACITY}: ${end.persons <= CAPACITY ? 'ja' : 'NEIN'}), Warteliste ${end.waiting}, in Reihenfolge: ${end.inOrder ? 'ja' : 'NEIN'}`,
  );
  const ok =
    after.persons <= CAPACITY && after.inOrder && end.persons <= CAPACITY && fair && queue === 0;
  process.exit(ok ? 0 : 1);
}
