// Questionnaire figures: 1,000 respondents submit at the same time through the answering route
// (POST /api/fragebogen/absenden on the functions emulator); the response trigger, the task queue
// and the aggregation runs keep the results summary. Prints the document reads and writes per
// response (submission and aggregation), the reads of the results view, the time until the
// summary equals a count of all answers from scratch, and whether it does.
//
// Self-contained: builds the functions and starts `firebase emulators:exec` (Firestore,
// Functions, Tasks). The emulator ports are shared: run it under the lock, e.g.
//   flock /tmp/knotenpunkt-emulators.lock node bench/questionnaire.bench.mjs
//
// Bounded on purpose. The Functions emulator of firebase-tools 14.27 starts one Node runtime
// process per function and request it finds no idle runtime for (RuntimeWorkerPool in
// lib/emulator/functionsRuntimeWorker.js); a v2 function's `concurrency` option is ignored, and
// a runtime that does not answer its health check within 30 s under load is left running while
// the next request starts another. 1,000 requests in flight once grew ~400 runtimes and used up
// the machine's memory. Two bounds prevent that: FUNCTIONS_EMULATOR_PARALLEL (the emulator's
// work queue, lib/emulator/workQueue.js: HTTP requests, triggers and task dispatches running at
// once, default there 50) and the requests this benchmark keeps in flight. A watchdog stops the
// run if free memory falls below --min-free-gib or the runtimes exceed --max-runtimes.
// Options: --responses N (default 1000), --concurrency N (requests in flight, default 50),
// --workers N (FUNCTIONS_EMULATOR_PARALLEL, default 8), --min-free-gib N (default 6),
// --max-runtimes N (default 60).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { innerCommand, numberOption, requireFreePorts } from './support.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => numberOption(name, fallback, args);
const RESPONSES = option('responses', 1000);
const CONCURRENCY = option('concurrency', 50);
const WORKERS = option('workers', 8);
const MIN_FREE_GIB = option('min-free-gib', 6);
const MAX_RUNTIMES = option('max-runtimes', 60);

if (args.includes('--inner')) {
  await inner();
} else {
  await outer();
}

/** MemAvailable in GiB (what the kernel can hand out without swapping). */
function availableGib() {
  const kb = /MemAvailable:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
  return Number(kb) / 1024 / 1024;
}

/** Functions runtime processes below `rootPid` (only this run's, never other people's). */
function runtimesBelow(rootPid) {
  const parent = new Map();
  const runtime = new Set();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('functionsEmulatorRuntime'))
        runtime.add(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  const below = (pid) => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === rootPid) return true;
    return false;
  };
  return [...runtime].filter(below);
}

async function outer() {
  const { emulatorEnv, projectId, root } = await import('../scripts/lib/emulator-env.mjs');
  const { adminEmulatorEnv, bin, run } = await import('../scripts/lib/processes.mjs');
  await requireFreePorts({ names: ['hub', 'firestore', 'functions', 'tasks'] });
  if (availableGib() < MIN_FREE_GIB + 2) {
    console.error(
      `Nur ${availableGib().toFixed(1)} GiB frei – zu wenig für den Benchmark (mindestens ${MIN_FREE_GIB + 2} GiB).`,
    );
    process.exit(1);
  }
  await run('npm', ['run', '--silent', 'build', '-w', 'functions']);
  const inner = innerCommand(fileURLToPath(import.meta.url), {
    responses: RESPONSES,
    concurrency: CONCURRENCY,
    workers: WORKERS,
  });
  let peakRuntimes = 0;
  let leastFree = availableGib();
  let stopped = null;
  const code = await new Promise((resolve) => {
    const child = spawn(
      bin('firebase'),
      ['emulators:exec', '--project', projectId, '--only', 'firestore,functions,tasks', inner],
      {
        cwd: root,
        env: {
          ...process.env,
          ...emulatorEnv({ quiet: true }),
          ...adminEmulatorEnv,
          FUNCTIONS_EMULATOR_PARALLEL: String(WORKERS),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
        // Its own process group, so that the watchdog can stop everything it started at once.
        detached: true,
      },
    );
    const watchdog = setInterval(() => {
      const free = availableGib();
      const runtimes = runtimesBelow(child.pid);
      leastFree = Math.min(leastFree, free);
      peakRuntimes = Math.max(peakRuntimes, runtimes.length);
      if (stopped || (free >= MIN_FREE_GIB && runtimes.length <= MAX_RUNTIMES)) return;
      stopped = `${free.toFixed(1)} GiB frei, ${runtimes.length} Functions-Laufzeitprozesse`;
      console.error(`\n✖ Abbruch: ${stopped} (Grenzen ${MIN_FREE_GIB} GiB, ${MAX_RUNTIMES}).`);
      for (const pid of runtimes) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 1000);
    // Only the benchmark's own lines (the emulators are chatty).
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines)
        if (line.includes('│')) console.log(line.slice(line.indexOf('│') + 1));
    });
    child.on('exit', (exitCode) => {
      clearInterval(watchdog);
      resolve(exitCode);
    });
  });
  console.log(
    `Speicher: höchstens ${peakRuntimes} Functions-Laufzeitprozesse gleichzeitig, mindestens ${leastFree.toFixed(1)} GiB frei`,
  );
  process.exit(stopped ? 2 : (code ?? 1));
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
          // The emulator queues requests behind its bounded work queue; one it never answers
          // (a runtime that failed to start) counts as refused and is tried again.
          timeout: 120_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('timeout', () => req.destroy());
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
    `Abschicken: ${RESPONSES} Antworten in ${((submitted - t0) / 1000).toFixed(1)} s (${CONCURRENCY} Anfragen gleichzeitig unterwegs, Functions-Emulator höchstens ${WORKERS} Ausführungen gleichzeitig), Median ${Math.round(latencies[latencies.length >> 1])} ms, 95 % ${Math.round(latencies[Math.floor(latencies.length * 0.95)])} ms, ${retried} Wiederholungen, ${failed} fehlgeschlagen`,
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
