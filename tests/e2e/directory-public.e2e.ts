// The public directory as a visitor sees it: lists with filters and search in the address, detail
// pages linked both ways, printing, the map that loads nothing before consent, and proposing an
// entry. Runs on the demo seed; the snapshot is built by the functions from it.
import { expect, test, type Page, type Request } from '@playwright/test';
import { paths } from '@knotenpunkt/model';
import { adminDb, eventually } from '../support/admin.ts';
import { clearMail, mailTo } from '../support/maildev.ts';
import { COORDINATOR_B } from '../support/seed.ts';
import { demoActors, demoContacts, demoOffers } from '../../scripts/seed/demoDirectory.ts';
import { expectNoAxeViolations } from './axe.ts';

const PUBLISHED_ACTORS = demoActors.filter((a) => a.input.status === 'published').length;
const PUBLISHED_OFFERS = demoOffers.filter((o) => o.input.status === 'published').length;

/** Full-page screenshots for looking at the pages (KP_SCREENSHOTS=1), never compared. */
async function shot(page: Page, name: string) {
  if (process.env.KP_SCREENSHOTS) {
    await page.screenshot({ path: `/tmp/kp6b/${name}.png`, fullPage: true });
  }
}

/** The functions build the snapshot from the seed; wait until it holds every published entry. */
test.beforeAll(async () => {
  await eventually(async () => {
    const head = await adminDb.doc(paths.publicDirectory()).get();
    if (!head.exists) return undefined;
    const shard = JSON.parse(head.get('data') as string) as {
      actors: object;
      offers: object;
    };
    return Object.keys(shard.actors).length >= PUBLISHED_ACTORS &&
      Object.keys(shard.offers).length >= PUBLISHED_OFFERS
      ? true
      : undefined;
  }, 60_000);
});

// Other suites of the same run may have published entries too: the unfiltered list shows a
// number alone, a filtered one "n von N".
const ALL_ACTORS = /^\s*\d+ Akteure\s*$/;
const ALL_OFFERS = /^\s*\d+ Angebote\s*$/;

const count = (page: Page) =>
  page.getByRole('heading', { level: 2, name: /Akteur|Angebot/ }).first();

test('a visitor filters, searches and opens a detail page, linked both ways', async ({ page }) => {
  await page.goto('/akteure');
  await expect(page.getByRole('heading', { level: 1, name: 'Akteure' })).toBeVisible();
  await expect(count(page)).toHaveText(ALL_ACTORS);
  // Drafts and archived entries are not public.
  await expect(page.getByRole('link', { name: 'Volkshochschule Rheinwald' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Bürgerstiftung Rheinwald' })).toHaveCount(0);
  await shot(page, 'akteure');

  await page.getByLabel('Handlungsfeld', { exact: true }).selectOption('Beratung');
  await expect(page).toHaveURL(/feld=Beratung/);
  await expect(count(page)).toContainText('von');
  await page.getByLabel('Ort', { exact: true }).selectOption('Rheinstadt');
  await expect(page).toHaveURL(/feld=Beratung&ort=Rheinstadt/);
  const filtered = await count(page).textContent();

  // Search ignores case and umlaut spellings: "FRAUENBERATUNG" finds „Lotta“, "Muetter" nothing here.
  await page.getByLabel('Suche', { exact: true }).fill('FRAUENBERATUNG');
  await expect(count(page)).toContainText('1 Akteur');
  await expect(page.getByRole('link', { name: 'Frauenberatungsstelle „Lotta“' })).toBeVisible();
  await page.getByLabel('Suche', { exact: true }).fill('migrationsberatung');
  await expect(page.getByRole('link', { name: /Migrationsberatung für Erwachsene/ })).toBeVisible();
  await expect(page).toHaveURL(/q=migrationsberatung/);
  await shot(page, 'akteure-gefiltert');

  // The link to share restores the same list.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByLabel('Suche', { exact: true })).toHaveValue('migrationsberatung');
  await expect(other.getByLabel('Handlungsfeld', { exact: true })).toHaveValue('Beratung');
  await expect(
    other.getByRole('link', { name: /Migrationsberatung für Erwachsene/ }),
  ).toBeVisible();
  await other.close();

  await page.getByRole('link', { name: /Migrationsberatung für Erwachsene/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Migrationsberatung für Erwachsene (Caritas)' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /kontakt@mbe-caritas\.example/ })).toBeVisible();
  // Personal contacts are never shown, only the organisation's public contact.
  for (const contact of demoContacts)
    await expect(page.getByText(contact.input.name)).toHaveCount(0);
  await shot(page, 'akteur-detail');

  await page.getByRole('link', { name: 'Offene Sprechstunde Migrationsberatung' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Offene Sprechstunde Migrationsberatung' }),
  ).toBeVisible();
  await expect(page.getByText('donnerstags 9–12 Uhr').first()).toBeVisible();
  await shot(page, 'angebot-detail');
  await expect(
    page.getByRole('link', { name: 'Migrationsberatung für Erwachsene (Caritas)' }),
  ).toBeVisible();

  // Back twice: the filtered list as it was.
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/q=migrationsberatung/);
  await expect(page.getByLabel('Handlungsfeld', { exact: true })).toHaveValue('Beratung');
  await expect(page.getByLabel('Suche', { exact: true })).toHaveValue('migrationsberatung');
  // …and once more back before the search: the filter of that moment.
  await page.goBack();
  await expect(page.getByLabel('Suche', { exact: true })).toHaveValue('');
  await expect(count(page)).toHaveText(filtered ?? '');
});

test('offers filter by type and the yes/no facts, and search finds them by their actor', async ({
  page,
}) => {
  await page.goto('/angebote');
  await expect(count(page)).toHaveText(ALL_OFFERS);
  await page.getByLabel('Angebotstyp').selectOption('Sprachtreff');
  await page.getByLabel('kostenlos').check();
  await page.getByLabel('mit Kinderbetreuung').check();
  await expect(page).toHaveURL(/typ=Sprachtreff&kostenlos=1&kinderbetreuung=1/);
  await expect(page.getByRole('link', { name: 'Internationales Frauencafé' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sprachcafé am Abend' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(count(page)).toHaveText(ALL_OFFERS);
  // By the actor's name, spelled without umlauts.
  await page.getByLabel('Suche', { exact: true }).fill('nachbarschaftshaus cafe');
  await expect(page.getByRole('link', { name: 'Nachbarschaftscafé' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Repair-Café im Nachbarschaftshaus' })).toBeVisible();
  await shot(page, 'angebote-gefiltert');
  await expectNoAxeViolations(page);
});

test('the filter journey works with the keyboard alone', async ({ page }) => {
  await page.goto('/akteure');
  await expect(count(page)).toHaveText(ALL_ACTORS);
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  // From the top of the page: skip link, then on to the search box.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 10 && (await focused()) !== 'akteure-q'; i++)
    await page.keyboard.press('Tab');
  expect(await focused()).toBe('akteure-q');
  await page.keyboard.type('sprach');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('akteure-feld');
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/feld=/);
  // On to the checkbox, ticked with the space bar.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (
      await page.getByLabel('Unterstützung gesucht').evaluate((el) => el === document.activeElement)
    )
      break;
  }
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/unterstuetzung=1/);
  await expect(count(page)).toContainText('von');
  // Tab into the results and open the first one with Enter.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const inResults = await page.evaluate(
      () =>
        document.activeElement?.closest('.dir-card') !== null &&
        document.activeElement?.tagName === 'A',
    );
    if (inResults) break;
  }
  const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(name).not.toBe('');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('the map loads nothing from a third party before the visitor asks for it', async ({
  page,
}) => {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  const offsite = () =>
    requests
      .map((r) => new URL(r.url()))
      .filter((u) => !['127.0.0.1', 'localhost'].includes(u.hostname) && u.protocol !== 'data:');

  await page.goto('/akteure');
  await expect(count(page)).toHaveText(ALL_ACTORS);
  await page
    .getByLabel('Handlungsfeld', { exact: true })
    .selectOption('Bildung und Sprache (Kita und Schule)');
  await page.getByRole('link', { name: 'Kita Regenbogen' }).click();
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Karte anzeigen' })).toBeVisible();
  await expect(page.getByText('tile.openstreetmap.org')).toBeVisible();
  expect(offsite().map(String)).toEqual([]);
  await expect(page.locator('.leaflet-container')).toHaveCount(0);
  expect(requests.filter((r) => /leaflet/i.test(r.url()))).toEqual([]);
  await expectNoAxeViolations(page);

  // After the click: tiles are requested from the configured server (answered here, so nothing
  // leaves this machine during tests).
  await page.route('https://tile.openstreetmap.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TRANSPARENT_PNG }),
  );
  await page.getByRole('button', { name: 'Karte anzeigen' }).click();
  await expect(page.locator('.leaflet-container')).toBeVisible();
  await expect(page.locator('.dir-marker').first()).toBeVisible();
  await eventually(async () =>
    offsite().some((u) => u.hostname === 'tile.openstreetmap.org') ? true : undefined,
  );
  await shot(page, 'akteure-karte');
  // Markers are reachable with the keyboard and name their actor.
  await expect(page.getByRole('button', { name: 'Kita Regenbogen' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a filtered list prints without navigation and filters, with the filter named', async ({
  page,
}) => {
  await page.goto('/angebote?kostenlos=1&typ=Beratung');
  await expect(count(page)).toContainText('von');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('search')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeHidden();
  await expect(page.getByText('Ausdruck aus dem Verzeichnis')).toBeVisible();
  await expect(page.getByText('Angebotstyp: Beratung, kostenlos')).toBeVisible();
  await shot(page, 'angebote-druck');
});

test('a visitor proposes an actor; errors name the fields, the coordinators get a mail', async ({
  page,
}) => {
  await clearMail();
  await page.goto('/akteure');
  await page.getByRole('link', { name: 'Eintrag vorschlagen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eintrag vorschlagen' })).toBeVisible();

  await page.getByRole('button', { name: 'Vorschlag senden' }).click();
  await expect(page.getByText('Bitte prüfen Sie die markierten Felder.')).toBeVisible();
  await expect(page.getByLabel('Netzwerk')).toBeFocused();
  await expect(page.getByLabel('Name der Organisation')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await shot(page, 'vorschlag-fehler');

  await page.getByLabel('Netzwerk').selectOption('hemerfeld');
  await page.getByLabel('Name der Organisation').fill('Nähcafé Grünweg');
  await page.getByRole('checkbox', { name: 'Initiative' }).check();
  await page.getByLabel('Kurzbeschreibung').fill('Gemeinsam nähen und Deutsch sprechen.');
  await page.getByRole('checkbox', { name: 'Gesellschaftliche Teilhabe' }).check();
  await page.getByLabel('Sprachen').fill('Deutsch, Arabisch');
  await page.getByLabel('PLZ').fill('5867');
  await page.getByLabel('Ihre E-Mail-Adresse').fill('aylin@example.de');
  await page.getByRole('checkbox', { name: /Ich bin einverstanden/ }).check();
  await page.getByRole('button', { name: 'Vorschlag senden' }).click();
  // Still wrong: the postal code; everything typed is kept.
  await expect(page.getByText('Bitte eine fünfstellige Postleitzahl angeben.')).toBeVisible();
  await expect(page.getByLabel('PLZ')).toBeFocused();
  await expect(page.getByLabel('Name der Organisation')).toHaveValue('Nähcafé Grünweg');

  await page.getByLabel('PLZ').fill('58675');
  await page.getByRole('button', { name: 'Vorschlag senden' }).click();
  await expect(
    page.getByText(/Vielen Dank! Ihr Vorschlag wird von der Koordination geprüft/),
  ).toBeVisible();
  await shot(page, 'vorschlag-gesendet');

  const stored = await eventually(async () => {
    const snap = await adminDb
      .collection(paths.proposals())
      .where('fields.name', '==', 'Nähcafé Grünweg')
      .get();
    return snap.empty ? undefined : snap.docs[0]!.data();
  });
  expect(stored).toMatchObject({
    entity: 'actor',
    origin: 'public',
    networkIds: ['hemerfeld'],
    status: 'open',
    fields: { languages: ['Deutsch', 'Arabisch'], fieldsOfAction: ['Gesellschaftliche Teilhabe'] },
  });
  const mail = await eventually(async () => (await mailTo(COORDINATOR_B.email))[0]);
  expect(mail.subject).toBe('Neuer Vorschlag für das Verzeichnis: Nähcafé Grünweg');
});

test('a visitor proposes an offer of an actor in the directory', async ({ page }) => {
  await page.goto('/eintrag-vorschlagen');
  await page.getByLabel('Ein Angebot eines Akteurs im Verzeichnis').check();
  await page.getByLabel('Netzwerk').selectOption('landkreis-rheinwald');
  await page.getByLabel('Titel des Angebots').fill('Strickcafé für alle');
  await page.getByLabel('Anbieter').selectOption({ label: 'Katholische Pfarrei St. Marien' });
  await page.getByRole('checkbox', { name: 'Begegnung' }).check();
  await page.getByLabel('kostenlos').check();
  await page.getByLabel('Ihre E-Mail-Adresse').fill('strick@example.de');
  await page.getByRole('checkbox', { name: /Ich bin einverstanden/ }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Vorschlag senden' }).click();
  await expect(page.getByText(/Vielen Dank!/)).toBeVisible();
  const stored = await eventually(async () => {
    const snap = await adminDb
      .collection(paths.proposals())
      .where('fields.title', '==', 'Strickcafé für alle')
      .get();
    return snap.empty ? undefined : snap.docs[0]!.data();
  });
  expect(stored).toMatchObject({
    entity: 'offer',
    fields: { actorIds: ['st-marien'], free: true },
  });
});

test('detail pages pass axe and an unknown entry answers 404 in German', async ({ page }) => {
  await page.goto('/akteure/kita-regenbogen');
  await expect(page.getByRole('heading', { level: 1, name: 'Kita Regenbogen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Unterstützung gesucht' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/angebote/repair-treff');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Repair-Café im Nachbarschaftshaus' }),
  ).toBeVisible();
  // A shared offer names both actors.
  await expect(page.getByRole('link', { name: 'Repair-Café Hemerfeld' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nachbarschaftshaus Ost' })).toBeVisible();
  await shot(page, 'angebot-gemeinsam');
  await expectNoAxeViolations(page);
  await page.goto('/akteure/vhs-rheinwald');
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await expect(page.getByText('Diesen Akteur gibt es nicht (mehr) im Verzeichnis.')).toBeVisible();
});

const TRANSPARENT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
