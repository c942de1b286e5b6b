// Emulator data kept between runs: imported on start, exported on exit and every minute.
// Exports go to a fresh folder first and are swapped in by rename, so a crash mid-export never
// leaves a half-written snapshot as the only copy.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './emulator-env.mjs';
import { ports } from './processes.mjs';

// KP_SNAPSHOT_DIR lets the benchmarks measure a first start without touching the user's data.
export const snapshotDir = process.env.KP_SNAPSHOT_DIR ?? join(dataDir, 'emulator-data');
const nextDir = `${snapshotDir}.next`;
const prevDir = `${snapshotDir}.prev`;

/** The folder to import from, recovering the previous snapshot if a swap was interrupted. */
export function importDir() {
  if (existsSync(join(snapshotDir, 'firebase-export-metadata.json'))) return snapshotDir;
  if (existsSync(join(prevDir, 'firebase-export-metadata.json'))) {
    rmSync(snapshotDir, { recursive: true, force: true });
    renameSync(prevDir, snapshotDir);
    return snapshotDir;
  }
  return null;
}

/** Asks the running emulator hub to export everything, then swaps the result in. */
export async function exportSnapshot(initiatedBy = 'knotenpunkt-periodic') {
  mkdirSync(dataDir, { recursive: true });
  rmSync(nextDir, { recursive: true, force: true });
  const res = await fetch(`http://127.0.0.1:${ports.hub}/_admin/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: nextDir, initiatedBy }),
  });
  if (!res.ok) throw new Error(`Export fehlgeschlagen: ${res.status} ${await res.text()}`);
  rmSync(prevDir, { recursive: true, force: true });
  if (existsSync(snapshotDir)) renameSync(snapshotDir, prevDir);
  renameSync(nextDir, snapshotDir);
  rmSync(prevDir, { recursive: true, force: true });
}
