import { expect, test, type Page } from '@playwright/test';
import { berlinDateString } from '@knotenpunkt/model';
import { eventually } from '../support/admin.ts';
import { listMail } from '../support/maildev.ts';
import { COORDINATOR_A } from '../support/seed.ts';
import { signIn } from './auth.ts';
import { expectNoAxeViolations } from './axe.ts';

const TITLE = 'Netzwerktreffen Wohnen und Nachbarschaft';
const DAY = 86_400_000;

async function openMeetings(page: Page) {
  await page
    .getByRole('navigation', { name: 'Verwaltung' })
    .getByRole('link', { name: 'Treffen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Treffen' })).toBeVisible();
}

test('a coordinator plans a meeting, invites a segment and sees a recipient’s answer on the sign-in sheet', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, COORDINATOR_A);
  await openMeetings(coordinator);
  await expectNoAxeViolations(coordinator);

  // Plans a public meeting with places and a waiting list.
  await coordinator.getByRole('link', { name: 'Neues Treffen' }).click();
  await coordinator.getByLabel('Titel', { exact: true }).fill(TITLE);
  await coordinator
    .getByLabel('Thema', { exact: true })
    .fill('Wohnungssuche, Nachbarschaftshilfe, Mieterberatung');
  await coordinator
    .getByLabel('Datum', { exact: true })
    .fill(berlinDateString(new Date(Date.now() + 12 * DAY)));
  await coordinator.getByLabel('Beginn').fill('17:00');
  await coordinator.getByLabel('Ende', { exact: true }).fill('19:00');
  await coordinator.getByLabel('Ort', { exact: true }).fill('Bürgerhaus Rheinstadt, Saal 1');
  await coordinator.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).click();
  await coordinator.getByLabel('Punkt 1', { exact: true }).fill('Begrüßung');
  await coordinator.getByLabel('Plätze', { exact: true }).fill('25');
  await coordinator.getByLabel('Warteliste, wenn alle Plätze vergeben sind').check();
  await coordinator.getByLabel(/Öffentlich: im Terminkalender/).check();
  await expectNoAxeViolations(coordinator);
  await coordinator.getByRole('button', { name: 'Treffen anlegen' }).click();
  await expect(coordinator.getByText(`Das Treffen „${TITLE}“ wurde angelegt.`)).toBeVisible();
  await expect(coordinator.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expectNoAxeViolations(coordinator);

  // Invites the subscribers interested in housing: count, preview, confirmation naming the count.
  await coordinator.getByRole('link', { name: 'Einladen' }).click();
  await coordinator.getByLabel('Wohnen').check();
  const count = coordinator.locator('.recipient-count');
  await expect(count).toHaveText(/^\d+ Empfänger\/innen$/);
  const recipients = Number((await count.textContent())?.split(' ')[0]);
  expect(recipients).toBeGreaterThan(0);
  await expect(coordinator.getByRole('region', { name: 'Vorschau' })).toContainText('Ich komme:');
  await expectNoAxeViolations(coordinator);
  await coordinator.getByRole('button', { name: 'Senden …' }).click();
  const dialog = coordinator.getByRole('dialog', { name: 'Einladung senden?' });
  await expect(dialog).toContainText(`${recipients} Empfänger/innen`);
  await dialog.getByRole('button', { name: `An ${recipients} Empfänger/innen senden` }).click();

  // Back on the meeting page, the mailing's progress bar runs to the end.
  await expect(
    coordinator.getByText(`wird an ${recipients} Empfänger/innen versendet`),
  ).toBeVisible();
  const progress = coordinator.getByRole('progressbar', { name: /Einladung/ });
  await expect(progress).toBeVisible();
  await expect(coordinator.getByText(`${recipients} von ${recipients} versendet`)).toBeVisible({
    timeout: 60_000,
  });
  await expect(progress).toHaveAttribute('value', String(recipients));
  await expect(coordinator.getByRole('progressbar', { name: /Versendet/ })).toBeVisible();

  // A recipient opens the mail in the catcher and follows "Ich komme".
  const mail = await eventually(async () =>
    (await listMail()).find((m) => m.subject.startsWith(`Einladung: ${TITLE}`)),
  );
  const link = /Ich komme: (http\S+)/.exec(mail.text)?.[1];
  expect(link, 'the invitation carries a personal "Ich komme" link').toBeTruthy();
  const recipient = await (await browser.newContext()).newPage();
  await recipient.goto(link!);
  await expect(recipient.getByText('Vielen Dank für Ihre Zusage.')).toBeVisible();
  await expect(recipient.getByRole('heading', { name: TITLE })).toBeVisible();
  await recipient
    .getByLabel('Kommentar (freiwillig)')
    .fill('Ich bringe eine Kollegin vom Mieterverein mit.');
  await recipient.getByLabel('Anzahl Personen (mit Ihnen)').fill('2');
  await recipient.getByRole('button', { name: 'Antwort speichern' }).click();
  await expect(
    recipient.getByText(/^Gespeichert\. Vielen Dank für Ihre Zusage für 2 Personen\./),
  ).toBeVisible();
  await expectNoAxeViolations(recipient);

  // The coordinator sees the answer live, with the counts.
  const who = mail.to[0]!.name || mail.to[0]!.address;
  const row = coordinator.getByRole('row', { name: new RegExp(who) });
  await expect(row).toContainText('Zusage');
  await expect(row).toContainText('Ich bringe eine Kollegin vom Mieterverein mit.');
  await expect(coordinator.locator('.count-yes .number')).toHaveText('1');
  await expect(coordinator.locator('.count-none .number')).toHaveText(String(recipients - 1));
  // … and prints the sign-in sheet.
  await coordinator.getByRole('link', { name: 'Teilnehmerliste drucken' }).click();
  await expect(
    coordinator.getByRole('heading', { name: `Teilnehmerliste: ${TITLE}` }),
  ).toBeVisible();
  await expect(coordinator.getByRole('cell', { name: who, exact: true })).toBeVisible();
  await expect(coordinator.getByRole('columnheader', { name: 'Unterschrift' })).toBeVisible();
  await expectNoAxeViolations(coordinator);
  await coordinator.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await coordinator.getByRole('button', { name: 'Drucken' }).click();
  expect(await coordinator.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(
    1,
  );
  await coordinator.emulateMedia({ media: 'print' });
  await expect(coordinator.getByRole('button', { name: 'Drucken' })).toBeHidden();
  await expect(coordinator.getByRole('navigation', { name: 'Verwaltung' })).toBeHidden();
});

test('visitors find public meetings in the calendar, with the .ics and the published minutes only', async ({
  page,
}) => {
  const link = page.getByRole('link', { name: 'Netzwerktreffen: Bedarfe und Ressourcen 2027' });
  // The calendar snapshots are written by a trigger right after the demo was seeded.
  await expect(async () => {
    await page.goto('/termine');
    await expect(link).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Termine' })).toBeVisible();
  await expectNoAxeViolations(page);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Netzwerktreffen: Bedarfe und Ressourcen 2027',
  );
  await expect(page.getByRole('heading', { name: 'Tagesordnung' })).toBeVisible();
  await expect(
    page.getByText(/^Ergebnisse der Fragebogenaktion \(40 Min\., Yasemin Kaya\)$/),
  ).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'In meinen Kalender (.ics)' }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^netzwerktreffen-bedarfe-und-ressourcen-2027-\d{4}-\d{2}-\d{2}\.ics$/,
  );
  await expectNoAxeViolations(page);
});
