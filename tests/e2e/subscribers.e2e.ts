// The distribution list in Chromium, by keyboard only: a visitor signs up, confirms from the mail
// in the catcher with one click, changes preferences, downloads the data, unsubscribes; a
// coordinator imports 200 addresses and 200 opt-in mails arrive through the pipeline.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { paths, subscriberIdFor } from '@knotenpunkt/model';
import { adminDb, eventually } from '../support/admin.ts';
import { clearMail, listMail, mailTo } from '../support/maildev.ts';
import { COORDINATOR_A } from '../support/seed.ts';
import { signIn } from './auth.ts';
import { expectNoAxeViolations } from './axe.ts';

const NETWORK = 'landkreis-rheinwald';

/** Moves the focus with Tab (Shift+Tab backwards) until `target` has it: keyboard only. */
async function tabTo(page: Page, target: Locator, backwards = false) {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target.toString()} with the keyboard`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function press(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** A full-page screenshot in the run's output folder, to look at what was tested. */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

async function storedStatus(email: string) {
  const snap = await adminDb.doc(paths.subscriber(NETWORK, await subscriberIdFor(email))).get();
  return snap.get('status') as string | undefined;
}

test('a visitor signs up, confirms from the mail with one click, changes preferences, downloads the data and unsubscribes – by keyboard', async ({
  page,
}) => {
  const email = `tabea.${Date.now()}@beispiel.example`;
  await clearMail();

  await page.goto(`/netzwerk/${NETWORK}`);
  await expect(page.getByRole('heading', { name: 'Mitmachen' })).toBeVisible();
  await press(page, page.getByRole('link', { name: 'Mitmachen', exact: true }));
  await expect(page).toHaveURL(new RegExp(`/netzwerk/${NETWORK}/mitmachen$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mitmachen');
  await expectNoAxeViolations(page);
  await shot(page, 'mitmachen-leer');

  await typeInto(page, page.getByLabel('E-Mail-Adresse'), email);
  await typeInto(page, page.getByLabel('Name', { exact: true }), 'Tabea Tastatur');
  await press(page, page.getByRole('checkbox', { name: 'Arbeitsmarkt' }), 'Space');
  await press(page, page.getByRole('checkbox', { name: /AK Sprache und Bildung/ }), 'Space');
  // Submitting without a purpose says why, at the purposes.
  await press(page, page.getByRole('button', { name: 'Anmelden' }));
  await expect(page.getByText('Bitte kreuzen Sie mindestens einen Zweck an.')).toBeVisible();
  await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(email);
  await press(
    page,
    page.getByRole('checkbox', { name: 'Einladungen und Informationen des Netzwerks' }),
    'Space',
  );
  await expect(page.getByText(/Ich möchte Einladungen zu Treffen und Informationen/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'mitmachen');
  await press(page, page.getByRole('button', { name: 'Anmelden' }));
  await expect(page.getByText(/Fast geschafft: Bitte prüfen Sie Ihr Postfach/)).toBeVisible();
  expect(await storedStatus(email)).toBe('pending');

  // The mail in the catcher; its link confirms as soon as the page opens.
  const mail = await eventually(async () => (await mailTo(email))[0]);
  const link = /https?:\/\/\S+\/bestaetigen#t=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByText('Vielen Dank! Ihre Anmeldung ist bestätigt.')).toBeVisible();
  expect(await storedStatus(email)).toBe('confirmed');
  await expectNoAxeViolations(page);
  await shot(page, 'bestaetigt');

  // Preferences: add volunteering with a language.
  await press(page, page.getByRole('link', { name: 'Meine Einstellungen' }));
  await expect(page.getByRole('heading', { name: 'Meine Einstellungen' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await press(
    page,
    page.getByRole('checkbox', { name: 'Ich möchte mich ehrenamtlich engagieren' }),
    'Space',
  );
  await press(page, page.getByRole('checkbox', { name: 'Arabisch' }), 'Space');
  await typeInto(page, page.getByLabel('Wann haben Sie Zeit?'), 'Dienstags nachmittags');
  await expectNoAxeViolations(page);
  await shot(page, 'einstellungen');
  await press(page, page.getByRole('button', { name: 'Einstellungen speichern' }));
  await expect(page.getByText('Ihre Einstellungen sind gespeichert.')).toBeVisible();
  const saved = await adminDb.doc(paths.subscriber(NETWORK, await subscriberIdFor(email))).get();
  expect(saved.get('purposes')).toEqual({ invitations: true, volunteer: true });
  expect(saved.get('volunteer.languages')).toEqual(['Arabisch']);

  // Download the data.
  const downloading = page.waitForEvent('download');
  await press(page, page.getByRole('button', { name: 'Meine Daten herunterladen (JSON)' }));
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^meine-daten-landkreis-rheinwald-.*\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    profile: { email: string; volunteer: { availability: string } };
    consents: Array<{ purpose: string; confirmedAt: string | null }>;
  };
  expect(data.profile.email).toBe(email);
  expect(data.profile.volunteer.availability).toBe('Dienstags nachmittags');
  expect(data.consents.map((c) => c.purpose)).toEqual(['invitations', 'volunteer']);

  // Unsubscribe from everything.
  await press(page, page.getByRole('button', { name: 'Vom Verteiler abmelden' }));
  await expect(page.getByText(/Sie sind abgemeldet/).first()).toBeVisible();
  expect(await storedStatus(email)).toBe('unsubscribed');
  await expectNoAxeViolations(page);
  await shot(page, 'abgemeldet');
});

test('a coordinator imports a CSV of 200 addresses; 200 opt-in mails arrive and the addresses stay unconfirmed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await clearMail();
  const stamp = Date.now();
  const emails = Array.from({ length: 200 }, (_, i) => `import${i}.${stamp}@liste.example`);
  const csv =
    '\uFEFFE-Mail;Name;Organisation\r\n' +
    emails.map((e, i) => `${e};Person ${i};Verein ${i % 7}`).join('\r\n') +
    '\r\nkaputt-ohne-at;Fehler;\r\n';

  await signIn(page, COORDINATOR_A);
  await press(
    page,
    page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Verteiler' }),
  );
  await expect(page.getByRole('heading', { name: 'Einladungsverteiler', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Anzahl nach Status' })).toContainText(
    'Unzustellbar',
  );
  await expectNoAxeViolations(page);
  await shot(page, 'verteiler');

  await press(page, page.getByRole('link', { name: 'CSV importieren' }));
  await page.getByLabel('CSV-Datei mit Adressen').setInputFiles({
    name: 'verteiler.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expect(page.getByText(/201 Zeilen:/)).toBeVisible();
  await expect(page.getByText('200 bereit')).toBeVisible();
  await expect(page.getByText('E-Mail: Bitte eine gültige E-Mail-Adresse angeben.')).toBeVisible();
  await typeInto(page, page.getByLabel('Woher stammen die Adressen?'), 'Alte Excel-Liste 2025');
  await expectNoAxeViolations(page);
  await shot(page, 'import-vorschau');
  await press(page, page.getByRole('button', { name: /200 Adressen importieren/ }));
  await expect(page.getByText(/200 Adressen aufgenommen/)).toBeVisible({ timeout: 30_000 });

  const wanted = new Set(emails);
  await eventually(async () => {
    const arrived = (await listMail()).filter((m) =>
      m.to.some((t) => wanted.has(t.address.toLowerCase())),
    );
    return arrived.length >= 200 ? arrived : undefined;
  }, 150_000);
  const first = (await mailTo(emails[0]!))[0]!;
  expect(first.subject).toContain('Bitte bestätigen Sie');
  expect(first.text).toMatch(/bestaetigen#t=[A-Za-z0-9_-]{43}/);
  await expect(page.getByText(/200 von 200 verschickt/)).toBeVisible({ timeout: 30_000 });
  expect(await storedStatus(emails[0]!)).toBe('pending');
  expect(await storedStatus(emails[199]!)).toBe('pending');
  await expectNoAxeViolations(page);
  await shot(page, 'import-fertig');
});

test('a coordinator filters volunteers, prints the proof of consent and erases an address with confirmation', async ({
  page,
}) => {
  await signIn(page, COORDINATOR_A);
  await page.goto('/verwaltung/verteiler/freiwillige');
  await expect(page.getByRole('heading', { name: 'Freiwillige', level: 1 })).toBeVisible();
  await page.getByLabel('Sprache').selectOption('Arabisch');
  await expect(page.getByRole('status').filter({ hasText: 'Freiwilligen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, 'freiwillige');

  await page.goto('/verwaltung/verteiler');
  await page.getByLabel('Status', { exact: true }).selectOption('confirmed');
  const details = page.getByRole('link', { name: /^Details und Nachweis: / }).first();
  const email = ((await details.getAttribute('aria-label')) ?? '').replace(
    'Details und Nachweis: ',
    '',
  );
  await press(page, details);
  await expect(page.getByRole('heading', { name: 'Einwilligungsnachweis' })).toBeVisible();
  await expect(page.getByText(email).first()).toBeVisible();
  await expect(page.getByText('SHA-256 des Textes').first()).toBeVisible();
  await expect(page.locator('blockquote').first()).toContainText('Ich');
  await expectNoAxeViolations(page);
  await shot(page, 'nachweis');

  await press(page, page.getByRole('button', { name: 'Daten löschen' }));
  const dialog = page.getByRole('dialog', { name: 'Daten endgültig löschen?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  // Focus starts on "Abbrechen"; one Tab back is the destructive button.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/verwaltung\/verteiler$/);
  await expect(page.getByText(`Die Daten von ${email} sind gelöscht.`)).toBeVisible();
  expect(await storedStatus(email)).toBeUndefined();
});
