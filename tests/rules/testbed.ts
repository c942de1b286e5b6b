// Per-file set-up for the focused rules tests: the world (plus the file's documents) is seeded
// afresh before each test, so tests never depend on each other's writes.
import type { RulesTestEnvironment } from '@firebase/rules-unit-testing';
import type { DocumentData, Firestore } from 'firebase/firestore';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { clearWithRetry, dbAs, seed, startRulesEnv } from './env.ts';
import { world } from './fixtures.ts';
import type { Persona } from './personas.ts';

type Documents = Record<string, DocumentData>;

export function rulesTestbed(documents: () => Documents | Promise<Documents> = () => ({})) {
  let env: RulesTestEnvironment | undefined;
  const dbs = new Map<string, Firestore>();
  const ready = () => {
    if (!env) throw new Error('Rules test environment not started');
    return env;
  };

  beforeAll(async () => {
    env = await startRulesEnv();
  });
  beforeEach(async () => {
    await clearWithRetry(ready());
    await seed(ready(), { ...world(), ...(await documents()) });
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  return {
    /** The persona's Firestore, held to the rules. */
    as: (persona: Persona): Firestore => {
      const key = persona.uid ?? '';
      if (!dbs.has(key)) dbs.set(key, dbAs(ready(), persona));
      return dbs.get(key)!;
    },
    /** Writes with the rules switched off, e.g. what a function would do. */
    seed: (docs: Documents) => seed(ready(), docs),
    /** Deletes with the rules switched off. */
    remove: async (path: string) =>
      ready().withSecurityRulesDisabled(async (context) => {
        await context.firestore().doc(path).delete();
      }),
  };
}
