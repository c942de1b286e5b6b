// Small pieces the benchmarks share (this file is not a benchmark: bench/run.mjs runs *.bench.mjs).

/** `--name N` from the command line as a number, else the fallback. */
export function numberOption(name, fallback, args = process.argv.slice(2)) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/** A private network document for a benchmark's own data. */
export function benchNetwork(slug, name, now = new Date()) {
  return {
    name,
    slug,
    region: 'Lasttest',
    description: '',
    contactPersons: [],
    fieldsOfAction: [],
    public: false,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Ends the benchmark when an emulator port it needs is taken (a running `npm start` or test):
 * measuring beside them would measure them too. Waits up to `waitMs` for a previous run to let go.
 */
export async function requireFreePorts({ names, waitMs = 0 } = {}) {
  const { portInUse, ports } = await import('../scripts/lib/processes.mjs');
  const wanted = names ? names.map((name) => [name, ports[name]]) : Object.entries(ports);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const busy = [];
    for (const [name, port] of wanted) if (await portInUse(port)) busy.push(`${port} (${name})`);
    if (busy.length === 0) return;
    if (Date.now() >= deadline) {
      console.error(
        `Port ${busy.join(', ')} belegt – läuft \`npm start\` oder ein Test? Bitte beenden und erneut messen.`,
      );
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The command line that runs a benchmark file again inside `emulators:exec`, with options. */
export function innerCommand(file, options = {}) {
  const flags = Object.entries(options).flatMap(([name, value]) => [`--${name}`, String(value)]);
  return [process.execPath, '--import', 'tsx', file, '--inner', ...flags]
    .map((a) => JSON.stringify(a))
    .join(' ');
}
