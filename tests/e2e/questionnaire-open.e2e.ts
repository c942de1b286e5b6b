// The open link of a questionnaire in Chromium: the coordinator switches it on in the settings and
// copies the link; someone without an invitation opens it, lands on a questionnaire of their own,
// answers and submits; a link that is switched off says so. axe-core on every page.
import { Timestamp } from 'firebase-admin/firestore';
import { expect, test, type Page } from '@playwright/test';
import { paths } from '@knotenpunkt/model';
import { adminDb } from '../support/admin.ts';
import { COORDINATOR_A } from '../support/seed.ts';
import { signIn } from './auth.ts';
import { expectNoAxeViolations } from './axe.ts';

const NETWORK = 'landkreis-rheinwald';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** An open questionnaire with one required question, its open link still off. */
async function questionnaire(title: string): Promise<string> {
  const id = `offen-${Date.now().toString(36)}`;
  const now = Timestamp.now();
  await adminDb.doc(paths.questionnaire(NETWORK, id)).set({
    title,
    intro: 'Wie erfahren Sie von den Angeboten im Landkreis?',
    sections: [
      {
        id: 'a',
        title: '',
        description: '',
        questions: [
          {
            id: 'quelle',
            kind: 'single',
            label: 'Wie haben Sie vom Netzwerk erfahren?',
            help: '',
            required: true,
            options: [
              { id: 'presse', label: 'Zeitung' },
              { id: 'freunde', label: 'Freunde und Bekannte' },
            ],
            other: false,
            scale: ['', '', '', '', ''],
            rows: [],
            min: null,
            max: null,
            unit: '',
            match: null,
          },
        ],
      },
    ],
    status: 'open',
    deadline: Timestamp.fromMillis(Date.now() + 14 * 86_400_000),
    anonymous: false,
    resultsVisibility: 'coordinators',
    reminderDaysBefore: null,
    openLink: false,
    autoReminderAt: null,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'e2e',
  });
  return id;
}

test('a coordinator switches on the open link of a questionnaire; someone without an invitation opens it, answers and submits', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Umfrage offen ${Date.now().toString(36)}`;
  const id = await questionnaire(title);

  const coordinator = await browser.newPage();
  await signIn(coordinator, COORDINATOR_A);
  await coordinator.goto(`/verwaltung/frageboegen/${id}`);
  await expect(coordinator.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await coordinator.getByRole('checkbox', { name: /Offener Link/ }).check();
  await coordinator.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await expect(coordinator.getByText('Die Einstellungen sind gespeichert.')).toBeVisible();
  const urlField = coordinator.getByLabel('Offener Link zum Weitergeben');
  await expect(urlField).toHaveValue(new RegExp(`/fragebogen/offen#${NETWORK}/${id}$`));
  const url = await urlField.inputValue();
  await expectNoAxeViolations(coordinator);
  await urlField.scrollIntoViewIfNeeded();
  await coordinator.screenshot({ path: test.info().outputPath('offener-link-einstellungen.png') });

  // Someone without an invitation: a questionnaire of their own, the token in place of the link.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(url);
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor).toHaveURL(/\/fragebogen#[A-Za-z0-9_-]{43}$/);
  await expect(visitor.getByText(/Lesezeichen auf diese Seite/)).toBeVisible();
  await expect(visitor.getByText(/Sie antworten für/)).toHaveCount(0);
  await expectNoAxeViolations(visitor);
  await shot(visitor, 'offener-link-fragebogen');

  await visitor
    .getByRole('radiogroup', { name: /Wie haben Sie vom Netzwerk erfahren/ })
    .getByRole('radio', { name: 'Zeitung' })
    .check();
  await expect(visitor.getByText(/Entwurf gespeichert um/)).toBeVisible();
  // A reload resumes the same draft (the page holds the personal token now).
  await visitor.reload();
  await expect(visitor.getByText('Ihr Entwurf ist gespeichert.')).toBeVisible();
  await expect(visitor.getByRole('radio', { name: 'Zeitung' })).toBeChecked();
  await visitor.getByRole('button', { name: 'Antworten abschicken' }).click();
  await expect(
    visitor.getByRole('heading', { name: 'Vielen Dank! Ihre Antworten sind eingegangen.' }),
  ).toBeVisible();
  await expectNoAxeViolations(visitor);

  // Progress for the coordinator: counted apart from personal invitations.
  const openProgress = coordinator.locator('p', { hasText: 'Über den offenen Link:' });
  await expect(openProgress).toContainText('1 Fragebogen begonnen');
  await expect(openProgress).toContainText('1 abgeschickt');
  await openProgress.scrollIntoViewIfNeeded();
  await coordinator.screenshot({ path: test.info().outputPath('offener-link-ruecklauf.png') });

  // Switched off: the link says so instead of opening a questionnaire.
  await coordinator.getByRole('checkbox', { name: /Offener Link/ }).uncheck();
  await coordinator.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await expect(coordinator.getByText('Die Einstellungen sind gespeichert.')).toBeVisible();
  const late = await visitorContext.newPage();
  await late.goto(url);
  await expect(
    late.getByRole('heading', { level: 1, name: 'Dieser Link führt zu keinem Fragebogen' }),
  ).toBeVisible();
  await expect(late.getByRole('alert')).toContainText('keinen offenen Link');
  await expectNoAxeViolations(late);
  await shot(late, 'offener-link-aus');
  await visitorContext.close();
  await coordinator.close();
});
