// The public directory at scale: 500 actors and 800 offers. Prints
//   - document reads per public directory view (list, detail; goal ≤ 2),
//   - gzip JS bytes of the first public page (/akteure; goal ≤ 60 KB),
//   - the snapshot's update cost per edit (reads, writes, ms) and of a rebuild,
//   - how long an edit takes to show in the snapshot through the trigger, and the seed burst,
//   - search latency over the full directory in Chromium.
// Self-contained: builds, then runs itself twice inside `firebase emulators:exec` (needs the
// emulator ports free: run it under the lock, not beside `npm start`):
//   1. Firestore only: seeds, builds the snapshot with the handlers called in-process (so their
//      cost is counted exactly) and exports the data;
//   2. the whole stack on that data (imported: 1,300 writes would start 1,300 trigger runs, 50 at
//      a time, each a process of its own in the functions emulator), the pages in Chromium.
// The inner phases run under tsx (they import the TypeScript handlers and schemas) and hand their
// figures back in a JSON file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { requireFreePorts } from './support.mjs';

const ACTORS = 500;
const OFFERS = 800;
const EDITS = 20;
const phase = process.argv.find((a) => a.startsWith('--phase='))?.slice('--phase='.length);

// ---------------------------------------------------------------- outer: build, run, print

async function outer() {
  const { emulatorEnv, projectId, root } = await import('../scripts/lib/emulator-env.mjs');
  const { bin } = await import('../scripts/lib/processes.mjs');
  const { buildAll } = await import('../scripts/lib/build.mjs');
  await requireFreePorts();
  const env = { ...process.env, ...emulatorEnv({ quiet: true }) };
  await buildAll();
  const scratch = mkdtempSync(join(tmpdir(), 'kp-bench-directory-'));
  const out = join(scratch, 'figures.json');
  writeFileSync(out, '{}');
  const data = join(scratch, 'emulator-data');
  const exec = (only, inner, dataFlag) =>
    new Promise((resolve, reject) => {
      const child = spawn(
        bin('firebase'),
        [
          'emulators:exec',
          '--project',
          projectId,
          '--only',
          only,
          dataFlag,
          `${bin('tsx')} bench/directory.bench.mjs --phase=${inner}`,
        ],
        {
          cwd: root,
          env: { ...env, KP_BENCH_OUT: out, GCLOUD_PROJECT: projectId },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      // Stopped from outside: take the emulators down too, never leave them on the shared ports.
      const stop = () => child.kill('SIGINT');
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      let log = '';
      child.stdout.on('data', (d) => (log += d));
      child.stderr.on('data', (d) => (log += d));
      child.on('exit', (code) => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        if (code === 0) resolve();
        else reject(new Error(`Phase ${inner} endete mit ${code}:\n${log.slice(-3000)}`));
      });
    });
  try {
    await exec('firestore', 'cost', `--export-on-exit=${data}`);
    await exec('auth,firestore,functions,hosting', 'browser', `--import=${data}`);
    report(JSON.parse(readFileSync(out, 'utf8')));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

function report(f) {
  const c = f.cost;
  const b = f.browser;
  console.log(
    `Verzeichnis: ${ACTORS} Akteure, ${OFFERS} Angebote (veröffentlicht: ${c.published.actors} Akteure, ${c.published.offers} Angebote)`,
  );
  console.log(
    `Snapshot: ${c.shards} Shard(s), Kopfdokument ${kb(c.headBytes)} JSON (Grenze je Dokument 1 MiB)`,
  );
  console.log(
    `Dokument-Lesevorgänge je öffentlicher Ansicht: Liste ${b.reads.list}, Detailseite direkt ${b.reads.detail}, Liste → Detail +${b.reads.listToDetail} (Ziel ≤ 2)`,
  );
  console.log(
    `JS der ersten öffentlichen Seite (/akteure), gzip: ${kb(b.js.akteure)} in ${b.js.akteureFiles} Dateien (Ziel ≤ 60 KB); Startseite /: ${kb(b.js.home)}; Karte bei Bedarf: +${kb(b.js.map)} JS, +${kb(b.js.mapCss)} CSS`,
  );
  console.log(
    `Snapshot-Aktualisierung je Bearbeitung (Handler, ${EDITS}×): ${median(c.edit.reads)} Lesevorgänge, ${median(c.edit.writes)} Schreibvorgänge, ${median(c.edit.ms).toFixed(0)} ms (Median; max ${Math.max(...c.edit.ms).toFixed(0)} ms)`,
  );
  console.log(
    `  dasselbe Ereignis noch einmal: ${median(c.replay.reads)} Lesevorgänge, ${median(c.replay.writes)} Schreibvorgänge (davon 0 am Snapshot); Neuaufbau aus den Sammlungen: ${c.rebuild.reads} Lesevorgänge, ${c.rebuild.writes} Schreibvorgänge, ${c.rebuild.ms.toFixed(0)} ms`,
  );
  console.log(
    `  ${c.burst.entries} Einträge auf einmal (Import), 50 gleichzeitig: ${(c.burst.ms / 1000).toFixed(1)} s, ${c.burst.reads} Lesevorgänge, ${c.burst.writes} Schreibvorgänge`,
  );
  console.log(
    `Bearbeitung bis sichtbar im Snapshot (Trigger im Emulator): Median ${median(b.editVisibleMs).toFixed(0)} ms, max ${Math.max(...b.editVisibleMs).toFixed(0)} ms`,
  );
  console.log(
    `Suche über das ganze Verzeichnis in Chromium (Eingabe bis Liste neu gezeichnet): Akteure Median ${median(b.search.akteure).toFixed(1)} ms (max ${Math.max(...b.search.akteure).toFixed(1)}), Angebote Median ${median(b.search.angebote).toFixed(1)} ms (max ${Math.max(...b.search.angebote).toFixed(1)}), je ${b.search.akteure.length} Suchen`,
  );
}

function saveFigures(key, value) {
  const path = process.env.KP_BENCH_OUT;
  const all = JSON.parse(readFileSync(path, 'utf8'));
  all[key] = value;
  writeFileSync(path, JSON.stringify(all));
}

// ---------------------------------------------------------------- the data

const TOWNS = [
  ['Rheinstadt', '67550', 49.61, 8.34, ['Innenstadt', 'Nord', 'Süd', 'Weststadt', 'Hafen']],
  ['Hemerfeld', '58675', 51.37, 7.76, ['Altstadt', 'Ost', 'Nord', 'Bahnhof']],
  ['Lindau am Rhein', '67560', 49.7, 8.4, ['']],
  ['Obersteinbach', '67570', 49.55, 8.25, ['']],
];
const FIELDS = [
  'Bildung und Sprache (Kita und Schule)',
  'Arbeitsmarkt',
  'Gesellschaftliche Teilhabe',
  'Kulturelle Vielfalt',
  'Gesundheit',
  'Wohnen',
  'Beratung',
];
const GROUPS = [
  'Zugewanderte',
  'Geflüchtete',
  'Familien',
  'Frauen',
  'Kinder und Jugendliche',
  'Eltern',
  'Senior/innen',
  'Ehrenamtliche',
];
const LANGS = [
  'Deutsch',
  'Englisch',
  'Arabisch',
  'Türkisch',
  'Ukrainisch',
  'Russisch',
  'Farsi',
  'Dari',
  'Französisch',
  'Tigrinya',
  'Kurdisch',
  'Polnisch',
];
const WORDS = [
  'Beratung',
  'Treffpunkt',
  'Sprachcafé',
  'Hausaufgabenhilfe',
  'Begleitung',
  'Patenschaft',
  'Nachbarschaft',
  'Familienzentrum',
  'Jugendarbeit',
  'Integrationskurs',
  'Werkstatt',
  'Frauentreff',
  'Kulturverein',
  'Sportgruppe',
  'Elterncafé',
];

/** A small deterministic generator, so every run measures the same directory. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function generate() {
  const { ACTOR_KINDS, OFFER_TYPES, actorInputSchema, offerInputSchema } =
    await import('@knotenpunkt/model');
  const rnd = random(42);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const some = (xs, min, max) => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(xs)))];
  };
  const actors = Array.from({ length: ACTORS }, (_, i) => {
    const [city, postalCode, lat, lng, districts] = pick(TOWNS);
    const kind = ACTOR_KINDS[i % ACTOR_KINDS.length];
    const word = pick(WORDS);
    return {
      id: `bench-actor-${i}`,
      input: actorInputSchema.parse({
        name: `${word} ${city} ${i}`,
        kinds: [kind],
        shortDescription: `${word} für ${pick(GROUPS)} in ${city}: offen für alle, mit Sprachmittlung und Begleitung im Alltag.`,
        description: `${word} in ${city}. `.repeat(12),
        fieldsOfAction: some(FIELDS, 1, 3),
        targetGroups: some(GROUPS, 1, 3),
        languages: ['Deutsch', ...some(LANGS, 1, 3)].filter((v, j, a) => a.indexOf(v) === j),
        address: {
          street: `${pick(['Hauptstraße', 'Am Markt', 'Lindenweg', 'Schulstraße', 'Bahnhofstraße'])} ${1 + (i % 80)}`,
          postalCode,
          city,
        },
        coordinates: { lat: lat + rnd() * 0.05, lng: lng + rnd() * 0.08 },
        municipality: city,
        district: pick(districts),
        website: `https://verein-${i}.example`,
        publicContact: {
          phone: `0${6200 + (i % 90)} 12${String(i).padStart(4, '0')}`,
          email: `info@verein-${i}.example`,
        },
        supportWanted: rnd() < 0.3 ? `Ehrenamtliche für ${pick(WORDS)} und ${pick(WORDS)}` : '',
        status: i % 25 === 0 ? 'draft' : 'published',
        networkIds: ['landkreis-rheinwald'],
      }),
    };
  });
  const offers = Array.from({ length: OFFERS }, (_, i) => {
    const actor = actors[(i * 7) % ACTORS];
    const second = rnd() < 0.15 ? [actors[(i * 13 + 1) % ACTORS].id] : [];
    const word = pick(WORDS);
    const free = rnd() < 0.6;
    return {
      id: `bench-offer-${i}`,
      input: offerInputSchema.parse({
        actorIds: [...new Set([actor.id, ...second])],
        title: `${word}: ${pick(['Montagsgruppe', 'offene Sprechstunde', 'Kurs', 'Treff', 'Werkstatt'])} ${i}`,
        shortDescription: `${word} für ${pick(GROUPS)} – ${pick(['ohne Anmeldung', 'mit Kinderbetreuung', 'in einfacher Sprache', 'für Anfängerinnen'])}.`,
        description: `Ausführliche Beschreibung des Angebots ${i}. `.repeat(8),
        offerTypes: some(OFFER_TYPES, 1, 2),
        fieldsOfAction: some(FIELDS, 1, 2),
        targetGroups: some(GROUPS, 1, 3),
        languages: ['Deutsch', ...some(LANGS, 0, 2)].filter((v, j, a) => a.indexOf(v) === j),
        place: `${actor.input.address.street}, ${actor.input.address.postalCode} ${actor.input.address.city}`,
        schedule: `${pick(['montags', 'dienstags', 'mittwochs', 'donnerstags', 'freitags'])} ${pick(['9–12', '14–16', '16–18', '18–20'])} Uhr`,
        cost: free ? 'kostenlos' : '2 € pro Termin',
        free,
        registrationRequired: rnd() < 0.4,
        childcare: rnd() < 0.3,
        barrierFree: rnd() < 0.5,
        status: i % 40 === 0 ? 'draft' : 'published',
        networkIds: ['landkreis-rheinwald'],
      }),
    };
  });
  return { actors, offers };
}

async function seed(db, { actors, offers }) {
  const { Timestamp } = await import('firebase-admin/firestore');
  const stamp = Timestamp.now();
  const audit = { createdAt: stamp, updatedAt: stamp, updatedBy: 'bench', lastConfirmedAt: null };
  const writer = db.bulkWriter();
  for (const a of actors) writer.set(db.doc(`actors/${a.id}`), { ...a.input, ...audit });
  for (const o of offers) writer.set(db.doc(`offers/${o.id}`), { ...o.input, ...audit });
  await writer.close();
}

async function adminDb() {
  const { initializeApp } = await import('firebase-admin/app');
  const { getFirestore } = await import('firebase-admin/firestore');
  return getFirestore(initializeApp({ projectId: process.env.GCLOUD_PROJECT }));
}

async function clearFirestore() {
  const res = await fetch(
    `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${process.env.GCLOUD_PROJECT}/databases/(default)/documents`,
    { method: 'DELETE' },
  );
  if (!res.ok) throw new Error(`Firestore leeren: ${res.status}`);
}

// ---------------------------------------------------------------- phase 1: handler cost

async function costPhase() {
  const { handleDirectoryWrite, handleRebuildDirectory } =
    await import('../functions/src/directory/snapshot.ts');
  const db = await adminDb();
  await clearFirestore();
  const data = await generate();
  await seed(db, data);

  const entries = [
    ...data.actors.map((a) => ['actor', a.id]),
    ...data.offers.map((o) => ['offer', o.id]),
  ];
  // The seed as one burst of events, 50 at a time (the functions emulator's concurrency).
  let t0 = performance.now();
  let next = 0;
  const burst = { reads: 0, writes: 0 };
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < entries.length) {
        const [entity, id] = entries[next++];
        const r = await handleDirectoryWrite(db, entity, id);
        burst.reads += r.reads;
        burst.writes += r.writes;
      }
    }),
  );
  const burstMs = performance.now() - t0;

  const edit = { reads: [], writes: [], ms: [] };
  const replay = { reads: [], writes: [] };
  for (let i = 0; i < EDITS; i++) {
    const entity = i % 2 ? 'offer' : 'actor';
    const id = entity === 'actor' ? data.actors[1 + i * 3].id : data.offers[1 + i * 5].id;
    const field = entity === 'actor' ? 'name' : 'title';
    await db.doc(`${entity}s/${id}`).update({ [field]: `Geändert ${i} (${id})` });
    t0 = performance.now();
    const r = await handleDirectoryWrite(db, entity, id);
    edit.ms.push(performance.now() - t0);
    edit.reads.push(r.reads);
    edit.writes.push(r.writes);
    const again = await handleDirectoryWrite(db, entity, id);
    replay.reads.push(again.reads);
    replay.writes.push(again.writes);
  }
  t0 = performance.now();
  const rebuilt = await handleRebuildDirectory(db);
  const rebuildMs = performance.now() - t0;
  const head = await db.doc('public/directory').get();
  saveFigures('cost', {
    published: { actors: rebuilt.actors, offers: rebuilt.offers },
    shards: rebuilt.shards,
    headBytes: Buffer.byteLength(head.get('data')),
    burst: { entries: entries.length, ms: burstMs, ...burst },
    edit,
    replay,
    rebuild: { reads: rebuilt.reads, writes: rebuilt.writes, ms: rebuildMs },
  });
}

// ---------------------------------------------------------------- phase 2: the stack in Chromium

/** Whether the published listing (head and further shards) contains the text. */
async function snapshotShows(db, text) {
  const head = await db.doc('public/directory').get();
  if (String(head.get('data') ?? '').includes(text)) return true;
  const shards = Number(head.get('shards') ?? 1);
  for (let k = 1; k < shards; k++) {
    const shard = await db.doc(`public/directory/shards/${k}`).get();
    if (String(shard.get('data') ?? '').includes(text)) return true;
  }
  return false;
}

async function browserPhase() {
  const { chromium } = await import('@playwright/test');
  // The directory and its snapshot come from phase 1 (imported).
  const db = await adminDb();
  const data = await generate();
  const head = await db.doc('public/directory').get();
  if (!head.exists) throw new Error('Die Daten aus Phase 1 fehlen');

  // An edit, until the snapshot shows it (through the trigger).
  let t0;
  const editVisibleMs = [];
  for (let i = 0; i < 5; i++) {
    const id = data.actors[10 + i].id;
    const name = `Sichtbar ${i} ${Date.now()}`;
    t0 = performance.now();
    await db.doc(`actors/${id}`).update({ name });
    const deadline = Date.now() + 60_000;
    while (!(await snapshotShows(db, name))) {
      if (Date.now() > deadline)
        throw new Error(`Die Änderung ${name} erschien nicht im Verzeichnis`);
      await new Promise((r) => setTimeout(r, 20));
    }
    editVisibleMs.push(performance.now() - t0);
  }

  const base = process.env.APP_URL ?? 'http://127.0.0.1:5000';
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
    ],
  });
  try {
    /** A fresh visitor (no cache); counts document GETs to Firestore and collects JS/CSS. */
    async function visit() {
      const context = await browser.newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      const seen = { reads: 0, js: new Map(), css: new Map() };
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.port === '8080' && url.pathname.includes('/documents/') && r.method() === 'GET')
          seen.reads++;
      });
      page.on('response', async (res) => {
        const type = res.request().resourceType();
        if (type !== 'script' && type !== 'stylesheet') return;
        try {
          const body = await res.body();
          (type === 'script' ? seen.js : seen.css).set(res.url(), gzipSync(body).length);
        } catch {
          // a redirected or aborted response has no body
        }
      });
      return { context, page, seen };
    }
    const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
    const countText = (page, kind) =>
      page.locator(`#${kind}-count`).textContent({ timeout: 30_000 });

    // The list.
    const list = await visit();
    await list.page.goto(`${base}/akteure`);
    await list.page.locator('#akteure-count').waitFor();
    await list.page.waitForLoadState('networkidle');
    const readsList = list.seen.reads;
    const js = { akteure: sum(list.seen.js), akteureFiles: list.seen.js.size };
    // From the list to a detail page.
    const before = list.seen.reads;
    await list.page.locator('.dir-card h3 a').first().click();
    await list.page.locator('h1').filter({ hasNotText: 'Akteure' }).waitFor();
    await list.page.waitForLoadState('networkidle');
    const readsListToDetail = list.seen.reads - before;
    // The map, on request (its JS and CSS come only now).
    await list.page.goBack();
    await list.page.locator('#akteure-count').waitFor();
    const jsBefore = new Set(list.seen.js.keys());
    const cssBefore = new Set(list.seen.css.keys());
    await list.page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
    await list.page.getByRole('button', { name: 'Karte anzeigen' }).click();
    await list.page.locator('.leaflet-container').waitFor();
    js.map = [...list.seen.js].filter(([u]) => !jsBefore.has(u)).reduce((a, [, n]) => a + n, 0);
    js.mapCss = [...list.seen.css]
      .filter(([u]) => !cssBefore.has(u))
      .reduce((a, [, n]) => a + n, 0);
    await list.context.close();

    // A detail page opened directly.
    const detail = await visit();
    await detail.page.goto(`${base}/angebote/${data.offers[3].id}`);
    await detail.page.locator('h1').waitFor();
    await detail.page.waitForLoadState('networkidle');
    const readsDetail = detail.seen.reads;
    await detail.context.close();

    // The start page, for comparison.
    const home = await visit();
    await home.page.goto(`${base}/`);
    await home.page.waitForLoadState('networkidle');
    js.home = sum(home.seen.js);
    await home.context.close();

    // Search: from the input event until the list is drawn again (layout included).
    const QUERIES = [
      'sprach',
      'beratung',
      'hemerfeld',
      'müll',
      'tuerkisch',
      'kita hemerfeld',
      'ehrenamtliche werkstatt',
      'x',
      'treff',
      'frauen',
      'familienzentrum 12',
      '',
    ];
    const search = {};
    for (const kind of ['akteure', 'angebote']) {
      const s = await visit();
      await s.page.goto(`${base}/${kind}`);
      await s.page.locator(`#${kind}-count`).waitFor();
      await countText(s.page, kind);
      search[kind] = [];
      for (const q of [...QUERIES, ...QUERIES]) {
        const ms = await s.page.evaluate(
          async ([id, value]) => {
            const input = document.getElementById(id);
            const t = performance.now();
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await new Promise((r) => requestAnimationFrame(() => r()));
            void document.body.offsetHeight;
            return performance.now() - t;
          },
          [`${kind}-q`, q],
        );
        search[kind].push(ms);
      }
      await s.context.close();
    }

    saveFigures('browser', {
      reads: { list: readsList, listToDetail: readsListToDetail, detail: readsDetail },
      js,
      search,
      editVisibleMs,
    });
  } finally {
    await browser.close();
  }
}

/**
 * Inside emulators:exec the phase runs under a shell under firebase-tools. Should that die, the
 * phase must not go on using the shared ports without the lock: it ends when orphaned.
 */
function exitWhenOrphaned() {
  const parentOf = (pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  // tsx's own process and the shell stand between this process and firebase-tools.
  const orphaned = () => {
    let pid = process.pid;
    for (let level = 0; level < 4; level++) {
      pid = parentOf(pid);
      if (pid <= 1) return true;
      let cmdline;
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        return true;
      }
      if (/firebase/.test(cmdline)) return false;
    }
    return false;
  };
  setInterval(() => {
    if (orphaned()) {
      console.error('Die Emulatoren sind beendet worden; breche ab.');
      process.exit(1);
    }
  }, 1000).unref();
}

// Last, so every declaration above is initialised.
if (phase) exitWhenOrphaned();
if (!phase) await outer();
else if (phase === 'cost') await costPhase();
else if (phase === 'browser') await browserPhase();
