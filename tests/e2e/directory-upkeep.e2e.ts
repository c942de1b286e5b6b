// "Ist Ihr Eintrag noch aktuell?": a coordinator starts an upkeep round from its page and watches
// the mailing finish; a contact opens the personal link from the caught mail and sends a change,
// another confirms with one click; the coordinator sees both answers on the round and finds the
// change in the review inbox.
import { expect, test, type Page } from '@playwright/test';
import { listMail, type CaughtMail } from '../support/maildev.ts';
import { COORDINATOR_B, freshDemo } from '../support/seed.ts';
import { signIn } from './auth.ts';
import { expectNoAxeViolations } from './axe.ts';
import { screenshot } from './directoryAdminSupport.ts';

const suffix = Date.now().toString(36);
const SUBJECT = `Bitte prüfen: {{akteur}} (${suffix})`;
const NEW_SHORT = `Beratung jetzt auch samstags (${suffix})`;

// The count asked depends on the demo directory; other journeys add entries, so start from it.
test.beforeAll(freshDemo);

/** The path and fragment of the personal link in a caught mail, and the actor it is for. */
function linkIn(mail: CaughtMail) {
  const url = /https?:\/\/\S+\/eintrag-aktuell#[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  if (!url) throw new Error(`no link in ${mail.text}`);
  const { pathname, hash } = new URL(url);
  const actor = mail.subject.replace('Bitte prüfen: ', '').replace(` (${suffix})`, '');
  return { path: `${pathname}${hash}`, actor };
}

async function openRoundPage(page: Page) {
  await page
    .getByRole('navigation', { name: 'Verwaltung' })
    .getByRole('link', { name: 'Akteure', exact: true })
    .click();
  await page.getByRole('link', { name: 'Einträge aktuell halten' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ist Ihr Eintrag noch aktuell?' }),
  ).toBeVisible();
}

test('a coordinator starts an upkeep round, a contact sends a change by the mailed link and it waits in the inbox', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signIn(page, COORDINATOR_B);
  await openRoundPage(page);
  const counted = page.locator('.asked-count');
  await expect(counted).toHaveText(/^\d+ Akteure werden gefragt$/);
  const asked = Number(/^(\d+)/.exec((await counted.textContent()) ?? '')?.[1]);
  expect(asked).toBeGreaterThan(2);
  await expect(page.getByText('Noch keine Runde gestartet.')).toBeVisible();
  await screenshot(page, 'upkeep-empty');
  await expectNoAxeViolations(page);

  // A text without the personal link is refused at the field; what was typed stays.
  const body = page.getByLabel('Text der E-Mail', { exact: true });
  const subject = page.getByLabel('Betreff', { exact: true });
  await subject.fill(SUBJECT);
  await body.fill('Guten Tag {{name}},\n\nbitte prüfen Sie Ihren Eintrag.');
  await page.getByRole('button', { name: 'Runde starten …' }).click();
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await expect(body).toBeFocused();
  await expect(page.getByText(/braucht den Platzhalter \{\{aktualisierungslink\}\}/)).toBeVisible();
  await expect(body).toHaveValue(/bitte prüfen Sie Ihren Eintrag/);
  await expect(subject).toHaveValue(SUBJECT);
  await body.fill(
    'Guten Tag {{name}},\n\nist der Eintrag von {{akteur}} noch aktuell?\n\n{{aktualisierungslink}}',
  );

  await page.getByRole('button', { name: 'Runde starten …' }).click();
  const confirm = page.getByRole('dialog', { name: 'Runde starten?' });
  await expect(confirm).toContainText(`${asked} Akteure`);
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: `${asked} Akteure anschreiben` }).click();
  await expect(confirm).toBeHidden();
  await expect(
    page.getByText(`Die Runde läuft: ${asked} Akteure werden angeschrieben.`),
  ).toBeVisible();

  const bar = page.getByRole('progressbar', { name: 'Versand' });
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 90_000 });
  await expect(page.getByText(`100 %`)).toBeVisible();
  const answers = page.getByRole('table', { name: 'Gefragte Akteure' });
  await expect(answers.getByRole('row')).toHaveCount(asked + 1);
  await screenshot(page, 'upkeep-round');
  await expectNoAxeViolations(page);

  // One mail per asked actor, each with its own link.
  const mails = (await listMail()).filter((m) => m.subject.endsWith(`(${suffix})`));
  expect(mails).toHaveLength(asked);
  const [changing, confirming] = [linkIn(mails[0]!), linkIn(mails[1]!)];
  expect(changing.path).not.toBe(confirming.path);

  // The contact opens the link: the form shows the entry; a change goes to review.
  await page.goto(changing.path);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ist Ihr Eintrag noch aktuell?' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: changing.actor })).toBeVisible();
  await expect(page.getByLabel('Name der Organisation')).toHaveValue(changing.actor);
  await screenshot(page, 'upkeep-form');
  await expectNoAxeViolations(page);
  await page.getByLabel('Kurzbeschreibung').fill(NEW_SHORT);
  await expect(page.getByRole('button', { name: 'Alles aktuell' })).toBeDisabled();
  await page.getByRole('button', { name: 'Änderungen senden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vielen Dank!' })).toBeFocused();
  await expect(page.getByText(/Die Koordination prüft Ihre Änderungen/)).toBeVisible();
  await screenshot(page, 'upkeep-form-done');
  await expectNoAxeViolations(page);

  // The link answers once.
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('schon geantwortet');

  // Another contact confirms with one click (a second link in the same tab loads its entry).
  await page.goto(confirming.path);
  await expect(page.getByRole('heading', { level: 2, name: confirming.actor })).toBeVisible();
  await page.getByRole('button', { name: 'Alles aktuell' }).click();
  await expect(page.getByText('Ihr Eintrag ist als aktuell bestätigt')).toBeVisible();

  // The coordinator sees both answers on the round and finds the change in the inbox.
  await page.goto('/verwaltung');
  await openRoundPage(page);
  await expect(answers.getByRole('row', { name: new RegExp(confirming.actor) })).toContainText(
    'Als aktuell bestätigt',
  );
  const changedRow = answers.getByRole('row', { name: new RegExp(changing.actor) });
  await expect(changedRow).toContainText('Änderungen vorgeschlagen');
  await page.getByLabel('Zeigen').selectOption('changed');
  await expect(answers.getByRole('row')).toHaveCount(2);
  await screenshot(page, 'upkeep-answers');
  await expectNoAxeViolations(page);

  await page
    .getByRole('navigation', { name: 'Verwaltung' })
    .getByRole('link', { name: 'Eingang' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eingang' })).toBeVisible();
  await page.getByRole('link', { name: `Prüfen: ${changing.actor}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: changing.actor })).toBeVisible();
  const diff = page.getByRole('table', { name: /Feld für Feld/ });
  await expect(diff.getByRole('row', { name: /Kurzbeschreibung/ })).toContainText(NEW_SHORT);
});
