import { expect, test } from '@playwright/test';
import { clearMail, listMail } from '../support/maildev.ts';
import { COORDINATOR_A, freshDemo } from '../support/seed.ts';
import { signIn } from './auth.ts';
import { expectNoAxeViolations } from './axe.ts';

const SUBJECT = 'Austausch im Netzwerk: Termine im Frühjahr';

// Earlier journeys add contacts; the counts below are those of the demo region. The inbox starts
// empty, so a repeated run counts only its own mails.
test.beforeAll(async () => {
  await freshDemo();
  await clearMail();
});

test('a coordinator sends a message to the consenting contacts, pauses, resumes and watches it reach 100 %', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, COORDINATOR_A);
  await page
    .getByRole('navigation', { name: 'Verwaltung' })
    .getByRole('link', { name: 'Versand' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versand' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Neue Nachricht an Kontakte' }).click();
  await page.getByLabel('Betreff', { exact: true }).fill(SUBJECT);
  await page
    .getByLabel('Nachricht', { exact: true })
    .fill(
      'Guten Tag {{name}},\n\nwir planen die Treffen im Frühjahr und freuen uns auf Ihre Ideen.',
    );
  await expect(page.getByText('8 Adressen')).toBeVisible();
  // One mail a second: slow enough to pause in the middle.
  await page.getByLabel('Versandtempo').selectOption('60');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Versand starten …' }).click();
  const confirm = page.getByRole('dialog', { name: 'Nachricht jetzt versenden?' });
  await expect(confirm).toContainText('8 Kontakte');
  await confirm.getByRole('button', { name: 'An 8 Personen senden' }).click();

  await expect(page.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
  const bar = page.getByRole('progressbar', { name: 'Versandfortschritt' });
  const percent = async () => Number(await bar.getAttribute('aria-valuenow'));
  // The first mailing of a run also starts the functions' processes.
  await expect.poll(percent, { timeout: 60_000 }).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Anhalten' }).click();
  await expect(page.getByRole('button', { name: 'Fortsetzen' })).toBeVisible();
  // The worker stops before its next mail; after that, nothing moves while paused.
  await page.waitForTimeout(2500);
  const paused = await percent();
  await page.waitForTimeout(2500);
  expect(await percent()).toBe(paused);
  expect(paused).toBeLessThan(100);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Fortsetzen' }).click();
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await expect(page.getByText('100 %')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anhalten' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Each of the eight contacts got the message once.
  const mails = (await listMail()).filter((m) => m.subject === SUBJECT);
  const recipients = mails.map((m) => m.to[0]?.address);
  expect(recipients).toHaveLength(8);
  expect(new Set(recipients).size).toBe(8);

  await page.getByRole('link', { name: 'Alle Versände' }).click();
  await expect(page.getByRole('row', { name: new RegExp(SUBJECT) })).toContainText(
    '8 von 8 versendet',
  );
});
