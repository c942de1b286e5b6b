// Questionnaire figures: 1,000 respondents submit at the same time through the answering route
// (POST /api/fragebogen/absenden on the functions emulator); the response trigger, the task queue
// and the aggregation runs keep the results summary. Prints the document reads and writes per
// response (submission and aggregation), the reads of the results view, the time until the
// summary equals a count of all answers from scratch, and whether it does.
//
// Self-contained: builds the functions and starts `firebase emulators:exec` (Firestore,
// Functions, Tasks). The emulator ports are shared: run it under the lock, e.g.
//   flock /tmp/knotenpunkt-emulators.lock node bench/questionnaire.bench.mjs
// Options: --responses N (default 1000), --concurrency N (requests in flight, default 1000).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RESPONSES = option('responses', 1000);
const CONCURRENCY = option('concurrency', 1000);

if (args.includes('--inner')) {
  await inner();
} else {
  await outer();
}

async function outer() {
  const { emulatorEnv, projectId, root } = await import('../scripts/lib/emulator-env.mjs');
  const { adminEmulatorEnv, bin, portInUse, ports, run } =
    await import('../scripts/lib/processes.mjs');
  for (const name of ['hub', 'firestore', 'functions', 'tasks']) {
    if (await portInUse(ports[name])) {
      console.error(
        `Port ${ports[name]} (${name}) ist belegt – läuft \`npm start\` oder ein Test? Bitte unter dem Lock messen.`,
      );
      process.exit(1);
    }
  }
  await run('npm', ['run', '--silent', 'build', '-w', 'functions']);
  const self = fileURLToPath(import.meta.url);
  const inner = [
    process.execPath,
    '--import',
    'tsx',
    self,
    '--inner',
    '--responses',
    String(RESPONSES),
    '--concurrency',
    String(CONCURRENCY),
  ]
    .map((a) => JSON.stringify(a))
    .join(' ');
  const code = await new Promise((resolve) => {
    const child = spawn(
      bin('firebase'),
      ['emulators:exec', '--project', projectId, '--only', 'firestore,functions,tasks', inner],
      {
        cwd: root,
        env: { ...process.env, ...emulatorEnv({ quiet: true }), ...adminEmulatorEnv },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    // Only the benchmark's own lines (the emulators are chatty).
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
  const { Timestamp } = await import('firebase-admin/firestore');
  const model = await import('../model/src/index.ts');
  const { adminDb, eventually } = await import('../tests/support/admin.ts');
  const { issueLink } = await import('../functions/src/questionnaires/links.ts');
  const { countFromScratch, readSummary, recount } =
    await import('../functions/src/questionnaires/aggregate.ts');
  const { answersFor } = await import('../tests/functions/questionnaireSupport.ts');

  const networkId = 'bench-netz';
  const questionnaireId = `bench-${Date.now().toString(36)}`;
  const key = { networkId, questionnaireId };
  const now = new Date();
  const q = model.questionnaireSchema.parse({
    ...model.questionnaireInputSchema.parse({
      ...model.needsAndResourcesTemplate([
        'Bildung und Sprache (Kita und Schule)',
        'Wohnen',
        'Gesundheit',
      ]),
      status: 'open',
      deadline: new Date(now.getTime() + 7 * 86_400_000),
    }),
    autoReminderAt: null,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'bench',
  });
  await adminDb.doc(model.paths.network(networkId)).set({ name: 'Benchmark', public: false });
  await adminDb.doc(model.paths.questionnaire(networkId, questionnaireId)).set({
    ...q,
    deadline: Timestamp.fromDate(q.deadline),
    createdAt: Timestamp.fromDate(now),
    updatedAt: Timestamp.fromDate(now),
  });

  // Invitations and their links, written directly (the mail pipeline is measured elsewhere).
  const writer = adminDb.bulkWriter();
  const ids = [];
  for (let i = 0; i < RESPONSES; i++) {
    const email = `person-${i}@bench.example`;
    const invitationId = await model.invitationIdFor(email);
    ids.push(invitationId);
    writer.set(adminDb.doc(model.paths.invitation(networkId, questionnaireId, invitationId)), {
      name: `Person ${i}`,
      email,
      source: 'contact',
      sourceRef: `k${i}`,
      actorId: `a${i}`,
      actorName: `Akteur ${i}`,
      actorKinds: [model.ACTOR_KINDS[i % model.ACTOR_KINDS.length]],
      actorFields: [],
      status: 'invited',
      invitedAt: Timestamp.fromDate(now),
      mailingIds: [],
      reminders: 0,
      lastRemindedAt: null,
      openedAt: null,
      submittedAt: null,
    });
  }
  await writer.close();
  const tokens = await Promise.all(
    ids.map((invitationId) => issueLink(adminDb, { ...key, invitationId }, q.deadline, now)),
  );

  const path = `/${process.env.GCLOUD_PROJECT}/${model.REGION}/api/api/fragebogen/absenden`;
  // node:http without response timeouts: the emulator queues many requests for a long time.
  const { request, Agent } = await import('node:http');
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = (body) =>
    new Promise((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: 5001,
          path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  // Warm the function (the emulator loads it on the first request).
  await post('{}');

  say(
    `Fragebogen „Bedarfe und Ressourcen“ (${model.questionsOf(q).length} Fragen), ${RESPONSES} Eingeladene`,
  );
  const t0 = performance.now();
  let next = 0;
  let failed = 0;
  let retried = 0;
  const latencies = [];
  async function lane() {
    while (next < tokens.length) {
      const i = next++;
      const started = performance.now();
      const body = JSON.stringify({ token: tokens[i], answers: answersFor(i) });
      // A refused connection or a 5xx is tried again (submitting the same answers twice is an
      // edit to the same values, which the aggregation must absorb as well).
      let status = 0;
      for (let attempt = 0; attempt < 5 && (status === 0 || status >= 500); attempt++) {
        if (attempt > 0) {
          retried++;
          await new Promise((r) => setTimeout(r, 500 * attempt));
        }
        status = await post(body);
      }
      latencies.push(performance.now() - started);
      if (status !== 200) failed++;
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tokens.length) }, lane));
  const submitted = performance.now();
  latencies.sort((a, b) => a - b);
  say(
    `Abschicken: ${RESPONSES} Antworten in ${((submitted - t0) / 1000).toFixed(1)} s (${CONCURRENCY} gleichzeitig), Median ${Math.round(latencies[latencies.length >> 1])} ms, 95 % ${Math.round(latencies[Math.floor(latencies.length * 0.95)])} ms, ${retried} Wiederholungen, ${failed} fehlgeschlagen`,
  );

  // Until the summary counts every response and no response waits for aggregation.
  const summary = await eventually(async () => {
    const s = await readSummary(adminDb, key);
    if (!s || model.respondentsOf(s) !== RESPONSES - failed) return undefined;
    const pending = await adminDb
      .collection(model.paths.responses(networkId, questionnaireId))
      .where('pending', '==', true)
      .count()
      .get();
    if (pending.data().count > 0) return undefined;
    return s;
  }, 600_000);
  const settled = performance.now();
  const scratch = await countFromScratch(adminDb, key);
  const equal = model.sameTally(model.tallyFromSummary(summary), scratch);
  const meta = summary.meta;
  const aggregated = meta.applied;
  say(
    `Ergebnisse vollständig ${((settled - submitted) / 1000).toFixed(1)} s nach der letzten Antwort (${((settled - t0) / 1000).toFixed(1)} s nach der ersten)`,
  );
  say(`Ergebnisse = Neuzählung aller Antworten: ${equal ? 'ja' : 'NEIN'}`);
  say(
    `Aggregation: ${meta.batches} Transaktionen, ${meta.reads} Lese- und ${meta.writes} Schreibzugriffe = ${((meta.reads + meta.writes) / aggregated).toFixed(2)} je Antwort (höchstens 4: Antwort lesen und markieren, Zusammenfassung je Stapel lesen und schreiben)`,
  );
  say(
    'Abschicken selbst: 4 Lesezugriffe (Token, Fragebogen, Einladung, bisherige Antwort) und 3 Schreibzugriffe (Antwort, Entwurf löschen, Einladung) je Antwort',
  );
  say(
    `Auswertungsansicht: liest 1 Dokument (results/summary, ${Math.round(JSON.stringify(summary).length / 1024)} KB) – gleich wie viele Antworten`,
  );
  const t1 = performance.now();
  const recounted = await recount(adminDb, key, new Date(), { minIntervalMs: 0 });
  const after = model.tallyFromSummary(await readSummary(adminDb, key));
  say(
    `„Neu berechnen“: ${recounted.respondents} Antworten in ${((performance.now() - t1) / 1000).toFixed(1)} s, ${recounted.reads} Lesezugriffe; Ergebnis unverändert: ${model.sameTally(after, scratch) ? 'ja' : 'NEIN'}`,
  );
  process.exit(equal ? 0 : 1);
}
