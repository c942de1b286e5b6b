import { expect, type Page } from '@playwright/test';
import { COORDINATOR_A } from '../support/seed.ts';
import { signIn } from './auth.ts';

/**
 * Saves a full-page screenshot to /tmp/kp6a/<name>.png when KP_SCREENSHOTS is set, for looking at
 * the pages while building them; normal runs write nothing.
 */
export async function screenshot(page: Page, name: string) {
  if (!process.env.KP_SCREENSHOTS) return;
  await page.screenshot({ path: `/tmp/kp6a/${name}.png`, fullPage: true });
}

/** Signs in as the demo coordinator and waits until the overview has rendered. */
export async function signInAsCoordinator(page: Page) {
  await signIn(page, COORDINATOR_A);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
}
