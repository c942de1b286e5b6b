import { freshDemo } from '../support/seed.ts';

/** Every e2e run starts from the demo region `npm start` shows. */
export default async function globalSetup() {
  await freshDemo();
}
