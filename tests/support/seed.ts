import { seedDemo } from '../../scripts/seed/seedDemo.ts';
import { DEMO_LOGINS } from '../../scripts/seed/logins.mjs';
import { adminAuth, adminDb, resetEmulators } from './admin.ts';

export { DEMO_LOGINS };
export const ADMIN = DEMO_LOGINS.find((l) => l.admin)!;
export const COORDINATOR_A = DEMO_LOGINS.find((l) => l.networks.includes('landkreis-rheinwald'))!;
export const COORDINATOR_B = DEMO_LOGINS.find((l) => l.networks.includes('hemerfeld'))!;

/** Empty emulators, then the demo region: the same data `npm start` shows. */
export async function freshDemo() {
  await resetEmulators();
  await seedDemo({ db: adminDb, auth: adminAuth });
}
