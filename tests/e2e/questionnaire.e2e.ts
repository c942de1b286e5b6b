// The questionnaire in Chromium, by keyboard: a coordinator builds "Bedarfe und Ressourcen" from
// the template, opens it and invites five actors; one of them answers through the link from the
// mail catcher, keeps a draft, comes back with the same link and submits; the coordinator sees the
// charts and the gap map and exports CSV. axe-core on every page.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { eventually } from '../support/admin.ts';
import { clearMail, listMail, type CaughtMail } from '../support/maildev.ts';
import { COORDINATOR_A } from '../support/seed.ts';
import { signIn } from './auth.ts';
import { expectNoAxeViolations } from './axe.ts';

/** Moves the focus with Tab until `target` has it: keyboard only. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 600; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target.toString()} with the keyboard`);
}

async function press(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

function linkIn(mail: CaughtMail): string {
  const link = /https?:\/\/\S+\/fragebogen#[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no questionnaire link in: ${mail.text}`);
  return link;
}

test('a coordinator builds a questionnaire from the template and invites five actors; one answers by the link with a draft; the coordinator sees charts and the gap map and exports CSV', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await clearMail();
  const title = `Bedarfe und Ressourcen ${Date.now().toString(36)}`;

  // ---------------------------------------------------------------- build from the template
  const coordinator = await browser.newPage();
  await signIn(coordinator, COORDINATOR_A);
  await press(
    coordinator,
    coordinator
      .getByRole('navigation', { name: 'Verwaltung' })
      .getByRole('link', { name: 'Fragebögen' }),
  );
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Fragebögen' })).toBeVisible();
  await expectNoAxeViolations(coordinator);
  await press(
    coordinator,
    coordinator.getByRole('button', { name: 'Aus Vorlage „Bedarfe und Ressourcen“ anlegen' }),
  );
  await expect(coordinator).toHaveURL(/\/verwaltung\/frageboegen\/[^/]+$/);
  await expect(coordinator.getByRole('heading', { name: 'Frage 1: Handlungsfeld' })).toBeVisible();
  await expectNoAxeViolations(coordinator);
  await shot(coordinator, 'fragebogen-bauen');

  // Preview as respondents see it.
  await press(coordinator, coordinator.getByRole('button', { name: 'Vorschau' }));
  await expect(
    coordinator
      .getByRole('region', { name: /Vorschau/ })
      .getByText('Was braucht Ihre Organisation für ihre Arbeit?'),
  ).toBeVisible();
  await expectNoAxeViolations(coordinator);
  await press(coordinator, coordinator.getByRole('button', { name: 'Bearbeiten' }));

  // Settings: title and a deadline.
  const titleField = coordinator.getByLabel('Titel', { exact: true });
  await tabTo(coordinator, titleField);
  await coordinator.keyboard.press('ControlOrMeta+a');
  await coordinator.keyboard.type(title);
  const deadline = new Date(Date.now() + 21 * 86_400_000).toLocaleDateString('sv-SE');
  await coordinator.getByLabel('Frist (letzter Tag)').fill(deadline);
  await press(coordinator, coordinator.getByRole('button', { name: 'Einstellungen speichern' }));
  await expect(coordinator.getByText('Die Einstellungen sind gespeichert.')).toBeVisible();
  await expect(coordinator.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await press(coordinator, coordinator.getByRole('button', { name: 'Fragebogen öffnen' }));
  const dialog = coordinator.getByRole('dialog', { name: 'Fragebogen öffnen?' });
  await expect(dialog).toBeVisible();
  await press(coordinator, dialog.getByRole('button', { name: 'Öffnen', exact: true }));
  await expect(
    coordinator.getByText('Der Fragebogen ist geöffnet. Laden Sie jetzt ein.'),
  ).toBeVisible();

  // ---------------------------------------------------------------- invite five actors
  const invite = coordinator.getByRole('form', { name: 'Einladen' });
  await expect(invite).toBeVisible();
  const withContact = invite.getByRole('checkbox', { name: /\(1 Kontakt\)/ });
  await expect(withContact.nth(4)).toBeVisible();
  for (let i = 0; i < 5; i++) await press(coordinator, withContact.nth(i), 'Space');
  await expect(invite.getByText('5 Kontakte werden eingeladen')).toBeVisible();
  await expectNoAxeViolations(coordinator);
  await shot(coordinator, 'fragebogen-einladen');
  await press(coordinator, invite.getByRole('button', { name: 'Einladungen verschicken' }));
  await expect(coordinator.getByText(/5 Personen werden eingeladen/)).toBeVisible();

  const mails = await eventually(async () => {
    const all = (await listMail()).filter((m) => m.subject === `Fragebogen: ${title}`);
    return all.length >= 5 ? all : undefined;
  }, 60_000);
  expect(mails).toHaveLength(5);
  const link = linkIn(mails[0]!);
  expect(new Set(mails.map(linkIn)).size).toBe(5);

  // ---------------------------------------------------------------- answer by the link
  const respondentContext = await browser.newContext();
  const respondent = await respondentContext.newPage();
  await respondent.goto(link);
  await expect(respondent.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(respondent.getByText(/Sie antworten für/)).toBeVisible();
  await expectNoAxeViolations(respondent);
  await shot(respondent, 'fragebogen-antworten');

  const fields = respondent.getByRole('group', { name: /In welchen Handlungsfeldern/ });
  await press(respondent, fields.getByRole('checkbox', { name: 'Gesundheit' }), 'Space');
  const need = respondent.getByRole('group', { name: /Was braucht Ihre Organisation/ });
  await press(
    respondent,
    need.getByRole('checkbox', { name: 'Dolmetschen und Sprachmittlung' }),
    'Space',
  );
  const needLanguages = respondent.getByRole('group', { name: /Für welche Sprachen brauchen Sie/ });
  await press(respondent, needLanguages.getByRole('checkbox', { name: 'Arabisch' }), 'Space');
  await typeInto(
    respondent,
    respondent.getByLabel(/Welches Thema wünschen Sie sich/),
    'Sprachmittlung im Gesundheitswesen',
  );
  await expect(respondent.getByText(/Entwurf gespeichert um/)).toBeVisible();

  // Submitting without the required scale question names it, and keeps what was typed.
  await press(respondent, respondent.getByRole('button', { name: 'Antworten abschicken' }));
  const summary = respondent.getByRole('alert');
  await expect(summary).toContainText('Bitte prüfen Sie die markierten Fragen.');
  await expect(summary).toContainText('Ich weiß, an wen ich mich im Netzwerk');
  await expect(respondent.getByLabel(/Welches Thema wünschen Sie sich/)).toHaveValue(
    'Sprachmittlung im Gesundheitswesen',
  );
  await expectNoAxeViolations(respondent);

  // Resume later with the same link: the draft is there.
  await respondent.goto('about:blank');
  await respondent.goto(link);
  await expect(respondent.getByText('Ihr Entwurf ist gespeichert.')).toBeVisible();
  await expect(fields.getByRole('checkbox', { name: 'Gesundheit' })).toBeChecked();
  await expect(respondent.getByLabel(/Welches Thema wünschen Sie sich/)).toHaveValue(
    'Sprachmittlung im Gesundheitswesen',
  );
  const known = respondent.getByRole('radiogroup', { name: /Ich weiß, an wen ich mich/ });
  // Into the radio group with Tab, then to "4" with the arrow keys (as radios work).
  await tabTo(respondent, known.getByRole('radio', { name: /^1/ }));
  for (let i = 0; i < 3; i++) await respondent.keyboard.press('ArrowRight');
  await expect(known.getByRole('radio', { name: /^4/ })).toBeChecked();
  await press(respondent, respondent.getByRole('button', { name: 'Antworten abschicken' }));
  await expect(
    respondent.getByRole('heading', { name: 'Vielen Dank! Ihre Antworten sind eingegangen.' }),
  ).toBeVisible();
  await expectNoAxeViolations(respondent);
  await shot(respondent, 'fragebogen-danke');
  await respondentContext.close();

  // ---------------------------------------------------------------- results
  await coordinator.reload();
  await expect(coordinator.getByText(/Abgeschickt/).first()).toBeVisible();
  await press(coordinator, coordinator.getByRole('link', { name: 'Auswertung' }).first());
  await expect(
    coordinator.getByRole('heading', { level: 1, name: `Auswertung: ${title}` }),
  ).toBeVisible();
  await expect(coordinator.getByText(/^\s*1\s+Antwort\s+·/)).toBeVisible({ timeout: 30_000 });

  // The gap map: Arabic interpreting is needed and nobody offers it.
  const gap = coordinator.getByRole('table', { name: /Bedarf \/ Angebot/ });
  const arabic = gap.getByRole('row', { name: /Dolmetschen Arabisch/ });
  await expect(arabic).toContainText('Lücke');
  // Charts with their tables.
  await expect(coordinator.locator('.chart svg').first()).toBeVisible();
  await expect(
    coordinator.getByRole('table', {
      name: 'Antworten: Was braucht Ihre Organisation für ihre Arbeit?',
    }),
  ).toContainText('Dolmetschen und Sprachmittlung');
  await expectNoAxeViolations(coordinator);
  await shot(coordinator, 'fragebogen-auswertung');

  // Filter by Handlungsfeld.
  await coordinator.getByLabel('Teilgruppe').selectOption({ label: 'Gesundheit (1)' });
  await expect(
    coordinator.getByRole('heading', { name: /Ergebnisse je Frage – Handlungsfeld: Gesundheit/ }),
  ).toBeVisible();

  // CSV export of the aggregates.
  const download = coordinator.waitForEvent('download');
  await press(coordinator, coordinator.getByRole('button', { name: 'CSV: Ergebnisse' }));
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  expect(csv).toContain('Frage;Teilgruppe;Antwort;Anzahl;Anteil (%);Mittelwert;Median');
  expect(csv).toContain(
    'Für welche Sprachen brauchen Sie Dolmetschen oder Sprachmittlung?;Handlungsfeld: Gesundheit;Arabisch;1;100;;',
  );

  const gapDownload = coordinator.waitForEvent('download');
  await press(coordinator, coordinator.getByRole('button', { name: 'CSV: Lückenkarte' }));
  const gapCsv = await readFile(await (await gapDownload).path(), 'utf8');
  expect(gapCsv).toContain('Dolmetschen Arabisch;1;0');
});

test('the seeded closed questionnaire shows its 25 answers with charts, the gap map and pairings, and its published figures to visitors', async ({
  page,
  browser,
}) => {
  await signIn(page, COORDINATOR_A);
  await page.goto('/verwaltung/frageboegen/bedarfe-und-ressourcen/auswertung');
  await expect(
    page.getByRole('heading', { level: 1, name: /^Auswertung: Bedarfe und Ressourcen/ }),
  ).toBeVisible();
  await expect(page.getByText(/^\s*25\s+Antworten\s+·/)).toBeVisible();
  const gap = page.getByRole('table', { name: /Bedarf \/ Angebot/ });
  await expect(gap.getByRole('row', { name: /Dolmetschen Arabisch/ })).toBeVisible();
  expect(await page.locator('.chart svg').count()).toBeGreaterThan(5);
  await press(page, page.getByRole('button', { name: 'Vorschläge anzeigen' }));
  await expect(page.getByText(/\d+ Vorschläge gefunden\./)).toBeVisible();
  await expect(page.locator('.pairs li').first()).toContainText('braucht');
  await expectNoAxeViolations(page);
  await shot(page, 'fragebogen-demo-auswertung');

  const visitor = await browser.newPage();
  await visitor.goto('/fragebogen/ergebnisse/landkreis-rheinwald/bedarfe-und-ressourcen');
  await expect(
    visitor.getByRole('heading', { level: 1, name: /^Bedarfe und Ressourcen/ }),
  ).toBeVisible();
  await expect(visitor.getByText(/^\s*25 Antworten/)).toBeVisible();
  expect(await visitor.locator('.chart svg').count()).toBeGreaterThan(5);
  // Counts only: no free texts and no names of actors.
  await expect(visitor.getByText('Antworten im Wortlaut')).toHaveCount(0);
  await expect(
    visitor.getByText('Freitextantworten werden nicht veröffentlicht.').first(),
  ).toBeVisible();
  await expectNoAxeViolations(visitor);
  await shot(visitor, 'fragebogen-demo-oeffentlich');
  await visitor.close();
});
