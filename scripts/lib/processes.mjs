// Small helpers to run and wait for the local stack's processes.
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { root } from './emulator-env.mjs';

export const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Runs a command to completion, inheriting the terminal; rejects on a non-zero exit. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} endete mit ${code ?? signal}`)),
    );
  });
}

export function portInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until check() resolves truthy or the deadline passes. */
export async function waitFor(what, check, { timeoutMs = 120_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not ready yet
    }
    if (Date.now() > deadline) throw new Error(`Zeitüberschreitung beim Warten auf ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const ports = {
  hub: 4400,
  auth: 9099,
  firestore: 8080,
  functions: 5001,
  hosting: 5000,
  tasks: 9499,
  smtp: 1025,
  inbox: 1080,
};

/** The environment a Node process needs to talk to the emulators with the admin SDK. */
export const adminEmulatorEnv = {
  FIRESTORE_EMULATOR_HOST: `127.0.0.1:${ports.firestore}`,
  FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${ports.auth}`,
  GCLOUD_PROJECT: 'demo-knotenpunkt',
  SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
  MAILDEV_API: `http://127.0.0.1:${ports.inbox}`,
  APP_URL: `http://127.0.0.1:${ports.hosting}`,
};

export function startMaildev(mailDir, { quiet = true } = {}) {
  const child = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js'),
      '--ip',
      '127.0.0.1',
      '--smtp',
      String(ports.smtp),
      '--web',
      String(ports.inbox),
      '--web-ip',
      '127.0.0.1',
      '--mail-directory',
      mailDir,
    ],
    { cwd: root, stdio: quiet ? 'ignore' : 'inherit' },
  );
  return child;
}

export const maildevReady = () =>
  fetch(`http://127.0.0.1:${ports.inbox}/api/email`).then((r) => r.ok);
