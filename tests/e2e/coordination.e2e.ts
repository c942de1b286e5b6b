import { expect, test, type Browser } from '@playwright/test';
import { ADMIN, COORDINATOR_A } from '../support/seed.ts';
import { eventually } from '../support/admin.ts';
import { mailTo } from '../support/maildev.ts';
import { AUTH_HOST } from '../support/env.ts';
import { signIn } from './auth.ts';
import { expectNoAxeViolations } from './axe.ts';

const NEW_COORDINATOR = {
  name: 'Svetlana Petrova',
  email: 'svetlana.petrova@example.org',
  password: 'neues-passwort-1',
};

/** Sets the password through the link in the welcome mail (the Auth emulator's reset endpoint). */
async function setPasswordFromMail(email: string, password: string) {
  const mail = await eventually(async () => (await mailTo(email))[0]);
  const oobCode = /oobCode=([^&\s"]+)/.exec(mail.text)?.[1];
  expect(oobCode, 'the welcome mail carries a set-password link').toBeTruthy();
  const res = await fetch(
    `http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:resetPassword?key=demo-api-key`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ oobCode, newPassword: password }),
    },
  );
  expect(res.ok).toBe(true);
}

async function pageAs(browser: Browser, login: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, login);
  return page;
}

test('an admin grants a coordinator who edits the profile and a working group that another network cannot see', async ({
  browser,
}) => {
  // The admin grants coordination of Hemerfeld to a person without an account.
  const admin = await pageAs(browser, ADMIN);
  await admin
    .getByRole('navigation', { name: 'Verwaltung' })
    .getByRole('link', { name: 'Netzwerke & Koordination' })
    .click();
  await expect(admin.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin
    .getByLabel('Netzwerk auswählen')
    .selectOption({ label: 'Netzwerk Integration Hemerfeld' });
  // The list arrives live and pushes the form down: wait for it, or the click may miss the button.
  await expect(admin.getByRole('cell', { name: 'Jonas Richter', exact: true })).toBeVisible();
  const grant = admin
    .locator('form')
    .filter({ has: admin.getByRole('button', { name: 'Koordinator/in hinzufügen' }) });
  await grant.getByLabel('Name', { exact: true }).fill(NEW_COORDINATOR.name);
  await grant.getByLabel('E-Mail-Adresse').fill(NEW_COORDINATOR.email);
  await grant.getByRole('button', { name: 'Koordinator/in hinzufügen' }).click();
  await expect(admin.getByText(/wurde ein neuer Zugang angelegt/)).toBeVisible();
  await expect(admin.getByText(NEW_COORDINATOR.name).first()).toBeVisible();

  // The new coordinator sets a password from the mail and signs in.
  await setPasswordFromMail(NEW_COORDINATOR.email, NEW_COORDINATOR.password);
  const coordinator = await pageAs(browser, NEW_COORDINATOR);
  await expect(coordinator.getByLabel('Aktuelles Netzwerk')).toContainText(
    'Netzwerk Integration Hemerfeld',
  );

  // Edits the network profile; the public page shows the change.
  await coordinator
    .getByRole('navigation', { name: 'Verwaltung' })
    .getByRole('link', { name: 'Netzwerkprofil' })
    .click();
  const description = 'Wir treffen uns jeden zweiten Dienstag im Rathaus Hemerfeld.';
  await coordinator.getByLabel('Beschreibung').fill(description);
  await coordinator.getByRole('button', { name: 'Speichern' }).click();
  await expect(coordinator.getByText('Das Netzwerkprofil wurde gespeichert.')).toBeVisible();
  await expectNoAxeViolations(coordinator);
  const visitor = await browser.newPage();
  await visitor.goto('/netzwerk/hemerfeld');
  await expect(visitor.getByText(description)).toBeVisible();

  // Creates a working group.
  await coordinator
    .getByRole('navigation', { name: 'Verwaltung' })
    .getByRole('link', { name: 'Arbeitskreise' })
    .click();
  await coordinator.getByRole('button', { name: 'Neuen Arbeitskreis anlegen' }).click();
  await coordinator.getByLabel('Name', { exact: true }).fill('AK Wohnen in Hemerfeld');
  await coordinator.getByLabel('Leitung').fill('Svetlana Petrova');
  await coordinator.getByRole('button', { name: 'Arbeitskreis anlegen' }).click();
  await expect(
    coordinator.getByText('Der Arbeitskreis „AK Wohnen in Hemerfeld“ wurde angelegt.'),
  ).toBeVisible();
  await expectNoAxeViolations(coordinator);

  // A coordinator of the Landkreis network neither can switch to Hemerfeld nor sees its group.
  const other = await pageAs(browser, COORDINATOR_A);
  await expect(other.getByLabel('Aktuelles Netzwerk')).not.toContainText('Hemerfeld');
  await other
    .getByRole('navigation', { name: 'Verwaltung' })
    .getByRole('link', { name: 'Arbeitskreise' })
    .click();
  await expect(other.getByText('AK Sprache und Bildung')).toBeVisible();
  await expect(other.getByText('AK Wohnen in Hemerfeld')).toHaveCount(0);
});
