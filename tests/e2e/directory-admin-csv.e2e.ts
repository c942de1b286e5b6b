// The migration path from Excel lists: import a CSV with one bad row (its error is shown, the
// rest is imported), and export a file German Excel opens (UTF-8 with BOM, `;` separator).
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { adminDb } from '../support/admin.ts';
import { screenshot, signInAsCoordinator } from './directoryAdminSupport.ts';
import { expectNoAxeViolations } from './axe.ts';

const suffix = Date.now().toString(36);
const GOOD_1 = `Elterncafé Süd ${suffix}`;
const GOOD_2 = `Fahrradwerkstatt Rheinstadt ${suffix}`;
const BAD = `Kleiderkammer ${suffix}`;

test('CSV imports of actors and offers show the bad rows’ errors and import the rest', async ({
  page,
}) => {
  await signInAsCoordinator(page);
  await page.goto('/verwaltung/akteure');
  await page.getByRole('link', { name: 'CSV importieren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Akteure importieren' })).toBeVisible();

  // As German Excel saves it: semicolons, a header in other spelling, decimal commas.
  const csv = [
    'Name;Art;PLZ;Ort;Sprachen;Breitengrad;Längengrad;Status',
    `${GOOD_1};Initiative;58675;Hemerfeld;Deutsch, Türkisch;51,38;7,77;Veröffentlicht`,
    `${BAD};Partei;123;Rheinstadt;;;;`,
    `${GOOD_2};verein;;Rheinstadt;Deutsch;;;`,
  ].join('\r\n');
  await page.getByLabel('CSV-Datei mit Akteuren').setInputFiles({
    name: 'akteure.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
  });

  await expect(page.getByText('3 Zeilen: 2 bereit, 1 mit Fehlern, 0 Dubletten.')).toBeVisible();
  const badRow = page.getByRole('row', { name: new RegExp(BAD) });
  await expect(badRow).toContainText('Fehler');
  await expect(badRow).toContainText('Art: Unbekannte Art „Partei“');
  await expect(badRow).toContainText('PLZ: Bitte eine fünfstellige Postleitzahl angeben.');
  await screenshot(page, 'import-vorschau');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '2 Einträge importieren' }).click();
  await expect(page.getByText('2 Akteure importiert.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(GOOD_1) })).toContainText('Importiert');
  await screenshot(page, 'import-fertig');

  const imported = await adminDb
    .collection('actors')
    .where('networkIds', 'array-contains', 'landkreis-rheinwald')
    .get();
  const byName = new Map(imported.docs.map((d) => [d.get('name'), d.data()]));
  expect(byName.get(GOOD_1)).toMatchObject({
    kinds: ['Initiative'],
    status: 'published',
    languages: ['Deutsch', 'Türkisch'],
    coordinates: { lat: 51.38, lng: 7.77 },
  });
  expect(byName.get(GOOD_2)).toMatchObject({ kinds: ['Verein'], status: 'draft' });
  expect(byName.has(BAD)).toBe(false);

  // Offers name their actors as the list does; an unknown actor is that row's error.
  await page.goto('/verwaltung/angebote/import');
  await page.getByLabel('CSV-Datei mit Angeboten').setInputFiles({
    name: 'angebote.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'Titel;Akteure;Angebotsart;Kostenlos;Zeiten',
        `Elterncafé am Montag ${suffix};${GOOD_1};Begegnung;ja;montags 9–11 Uhr`,
        `Nähkurs ${suffix};Unbekannter Verein ${suffix};Bildung/Kurs;nein;`,
      ].join('\n'),
      'utf8',
    ),
  });
  await expect(page.getByText('2 Zeilen: 1 bereit, 1 mit Fehlern, 0 Dubletten.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Nähkurs ${suffix}`) })).toContainText(
    `Akteur „Unbekannter Verein ${suffix}“ nicht gefunden`,
  );
  await page.getByRole('button', { name: '1 Eintrag importieren' }).click();
  await expect(page.getByText('1 Angebot importiert.')).toBeVisible();
  const offers = await adminDb
    .collection('offers')
    .where('title', '==', `Elterncafé am Montag ${suffix}`)
    .get();
  const goodId = imported.docs.find((d) => d.get('name') === GOOD_1)?.id;
  expect(offers.docs[0]?.data()).toMatchObject({
    actorIds: [goodId],
    offerTypes: ['Begegnung'],
    free: true,
    schedule: 'montags 9–11 Uhr',
  });

  // The same file again: its rows are now duplicates and nothing is imported twice.
  await page.goto('/verwaltung/akteure/import');
  await page.getByLabel('CSV-Datei mit Akteuren').setInputFiles({
    name: 'akteure.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expect(page.getByText('3 Zeilen: 0 bereit, 1 mit Fehlern, 2 Dubletten.')).toBeVisible();
  await expect(page.getByRole('button', { name: '0 Einträge importieren' })).toBeDisabled();
});

test('the CSV export is UTF-8 with BOM and semicolons, for German Excel', async ({ page }) => {
  await signInAsCoordinator(page);
  await page.goto('/verwaltung/akteure?q=Volkshochschule');
  await expect(page.getByRole('link', { name: 'Volkshochschule Rheinwald' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /als CSV exportieren/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^akteure-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toMatch(/^ID;Name;Art;Kurzbeschreibung;/);
  expect(lines.some((line) => line.includes(';Volkshochschule Rheinwald;Bildungsträger;'))).toBe(
    true,
  );

  // Offers export the same way, naming their actors.
  await page.goto('/verwaltung/angebote');
  const [offers] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /als CSV exportieren/ }).click(),
  ]);
  const offerBytes = await readFile(await offers.path());
  expect([...offerBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(offerBytes.subarray(3).toString('utf8')).toMatch(/^ID;Titel;Akteure;Akteur-IDs;/);
  await screenshot(page, 'angebote-liste');
  await expectNoAxeViolations(page);
});
