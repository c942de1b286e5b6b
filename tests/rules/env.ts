// One place that connects the rules tests to the Firestore emulator and loads firestore.rules.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  setLogLevel,
  writeBatch,
  doc,
  type DocumentData,
  type Firestore,
} from 'firebase/firestore';
import type { Persona } from './personas.ts';

// A project of their own: the functions emulator's triggers (registered for demo-knotenpunkt) never
// fire on the rules tests' writes, so no trigger's transaction holds a lock they need.
export const PROJECT_ID = 'demo-knotenpunkt-rules';
export const RULES_FILE = fileURLToPath(new URL('../../firestore.rules', import.meta.url));

/** host:port from FIRESTORE_EMULATOR_HOST (set by `npm test` or by hand), else firebase.json's. */
export function emulatorAddress(value = process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080') {
  const colon = value.lastIndexOf(':');
  return { host: value.slice(0, colon), port: Number(value.slice(colon + 1)) };
}

/** Loads the rules into the emulator and clears its data, so every file starts from nothing. */
export async function startRulesEnv(): Promise<RulesTestEnvironment> {
  // Denied writes are the point of these tests; the SDK would log each one as a warning.
  setLogLevel('error');
  const env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { rules: readFileSync(RULES_FILE, 'utf8'), ...emulatorAddress() },
  });
  await clearWithRetry(env);
  return env;
}

/**
 * Clearing takes every document's lock; a client transaction still open in the emulator can make
 * it time out, so it is tried again.
 */
export async function clearWithRetry(env: RulesTestEnvironment, attempts = 6) {
  for (let attempt = 1; ; attempt++) {
    try {
      await env.clearFirestore();
      return;
    } catch (error) {
      if (attempt >= attempts || !String(error).includes('lock timeout')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000 * attempt));
    }
  }
}

/** The persona's Firestore, held to the rules (the compat instance works with the modular API). */
export function dbAs(env: RulesTestEnvironment, persona: Persona): Firestore {
  const context = persona.uid
    ? env.authenticatedContext(persona.uid)
    : env.unauthenticatedContext();
  return context.firestore() as unknown as Firestore;
}

/** Writes documents with the rules switched off (path → data). */
export async function seed(env: RulesTestEnvironment, documents: Record<string, DocumentData>) {
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore() as unknown as Firestore;
    const entries = Object.entries(documents);
    for (let i = 0; i < entries.length; i += 400) {
      const batch = writeBatch(db);
      for (const [path, data] of entries.slice(i, i + 400)) batch.set(doc(db, path), data);
      await batch.commit();
    }
  });
}

export type Outcome = 'allow' | 'deny';

/** Runs a request and reports whether the rules allowed it; other errors fail the test. */
export async function outcomeOf(request: Promise<unknown>): Promise<Outcome> {
  try {
    await request;
    return 'allow';
  } catch (error) {
    if ((error as { code?: string }).code === 'permission-denied') return 'deny';
    throw error;
  }
}
