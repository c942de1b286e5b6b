import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  setDoc,
  updateDoc,
  type Firestore,
} from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbAs, outcomeOf, seed, startRulesEnv, type Outcome } from './env.ts';
import { world } from './fixtures.ts';
import {
  MATRIX,
  METHODS,
  docPath,
  keysOf,
  matrixSeed,
  type MatrixRow,
  type Method,
} from './matrix.ts';
import { PERSONAS, type Persona } from './personas.ts';
import { consoleTable, securityMarkdown, type Cell } from './policyTable.ts';

const SECURITY_MD = fileURLToPath(new URL('../../docs/security.md', import.meta.url));

let env: RulesTestEnvironment;
const dbs = new Map<string, Firestore>();
const cells: Cell[] = [];

beforeAll(async () => {
  env = await startRulesEnv();
  await seed(env, { ...world(), ...(await matrixSeed(PERSONAS)) });
  for (const p of PERSONAS) dbs.set(p.key, dbAs(env, p));
});

afterAll(async () => {
  const total = MATRIX.length * PERSONAS.length * METHODS.length;
  if (cells.length > 0) console.log(`\n${consoleTable(MATRIX, PERSONAS, cells)}\n`);
  // Only a full run describes the policy; a filtered run (-t) leaves the document alone.
  if (cells.length === total) {
    mkdirSync(fileURLToPath(new URL('../../docs/', import.meta.url)), { recursive: true });
    writeFileSync(SECURITY_MD, securityMarkdown(MATRIX, PERSONAS, cells));
  }
  await env?.cleanup();
});

async function request(row: MatrixRow, method: Method, persona: Persona) {
  const db = dbs.get(persona.key)!;
  const keys = keysOf(row);
  switch (method) {
    case 'get':
      return getDoc(doc(db, await docPath(row, keys.get)));
    case 'list':
      return getDocs(row.list(db));
    case 'create': {
      const key = keys.create(persona);
      return setDoc(doc(db, await docPath(row, key)), await row.create(persona, key));
    }
    case 'update':
      return updateDoc(doc(db, await docPath(row, keys.update(persona))), row.update(persona));
    case 'delete':
      return deleteDoc(doc(db, await docPath(row, keys.delete(persona))));
  }
}

const phrase = (row: MatrixRow, method: Method) =>
  method === 'get'
    ? `read ${row.one}`
    : method === 'list'
      ? `list ${row.many}`
      : `${method} ${row.one}`;

describe('the rules matrix', () => {
  for (const row of MATRIX) {
    describe(row.name, () => {
      for (const persona of PERSONAS) {
        for (const method of METHODS) {
          const expected: Outcome = row.allowed[persona.key].includes(method) ? 'allow' : 'deny';
          const can = expected === 'allow' ? 'can' : 'cannot';
          it(`${persona.subject} ${can} ${phrase(row, method)}`, async () => {
            const actual = await outcomeOf(request(row, method, persona));
            cells.push({ row: row.name, persona: persona.key, method, actual, expected });
            expect(actual).toBe(expected);
          });
        }
      }
    });
  }
});
