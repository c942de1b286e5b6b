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
