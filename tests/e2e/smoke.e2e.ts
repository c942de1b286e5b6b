import { expect, test } from '@playwright/test';
import { COORDINATOR_A } from '../support/seed.ts';
import { expectNoAxeViolations } from './axe.ts';
import { signIn } from './auth.ts';

test('the start page served by Hosting shows the seeded networks and passes axe', async ({
  page,
}) => {
  await page.goto('/');
  await expect(
    page.getByRole('link', { name: /Integrationsnetzwerk Landkreis Rheinwald/ }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /Netzwerk Integration Hemerfeld/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a network start page shows profile, contact persons and the next public meetings', async ({
  page,
}) => {
  await page.goto('/netzwerk/landkreis-rheinwald');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Integrationsnetzwerk Landkreis Rheinwald' }),
  ).toBeVisible();
  await expect(page.getByText('Koordinierungsstelle Integration')).toBeVisible();
  await expect(page.getByText('Netzwerktreffen: Bedarfe und Ressourcen 2027')).toBeVisible();
  // The past meeting is not among the next meetings.
  await expect(page.getByText('Netzwerktreffen im Herbst')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a coordinator signs in and reaches the coordinators area, which passes axe', async ({
  page,
}) => {
  await signIn(page, COORDINATOR_A);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Integrationsnetzwerk Landkreis Rheinwald').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a wrong password is refused in German and the typed address is kept', async ({ page }) => {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(COORDINATOR_A.email);
  await page.getByLabel('Passwort', { exact: true }).fill('falsch-falsch');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByText('E-Mail-Adresse oder Passwort ist nicht richtig.')).toBeVisible();
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(COORDINATOR_A.email);
  await expect(page).toHaveURL(/\/anmelden/);
});

test('the coordinators area sends a signed-out visitor to the login', async ({ page }) => {
  await page.goto('/verwaltung');
  await expect(page).toHaveURL(/\/anmelden/);
});
