// Coordinators curate the directory: create an actor (errors at the field, nothing typed lost,
// a duplicate warning), publish it, give it an offer, archive both with confirmation.
import { expect, test } from '@playwright/test';
import { adminAuth, adminDb, eventually } from '../support/admin.ts';
import { COORDINATOR_A } from '../support/seed.ts';
import { screenshot, signInAsCoordinator } from './directoryAdminSupport.ts';
import { expectNoAxeViolations } from './axe.ts';

const suffix = Date.now().toString(36);
const ACTOR = `Nähcafé Lindenweg ${suffix}`;
const OFFER = `Nähtreff für Frauen ${suffix}`;

test('a coordinator creates, publishes and archives an actor with an offer', async ({ page }) => {
  await signInAsCoordinator(page);

  await page
    .getByRole('navigation', { name: 'Verwaltung' })
    .getByRole('link', { name: 'Akteure' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Akteure' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Akteure' })).toBeVisible();
  await screenshot(page, 'akteure-liste');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Neuen Akteur anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neuer Akteur' })).toBeVisible();

  // A failed save names each field and keeps what was typed.
  await page
    .getByLabel('Kurzbeschreibung')
    .fill('Gemeinsam nähen, reparieren und Deutsch sprechen');
  await page.getByLabel('PLZ').fill('586');
  await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();
  await expect(page.getByText('Bitte prüfen Sie die markierten Felder.')).toBeVisible();
  await expect(page.getByLabel('Name')).toBeFocused();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Bitte eine fünfstellige Postleitzahl angeben.')).toBeVisible();
  await expect(page.getByLabel('Kurzbeschreibung')).toHaveValue(
    'Gemeinsam nähen, reparieren und Deutsch sprechen',
  );
  await screenshot(page, 'akteur-neu-fehler');

  // A name close to an existing actor warns (here: a typo of a seeded actor).
  await page.getByLabel('Name').fill('Volkshochschule Rheinwlad');
  await expect(page.getByText('Gibt es diesen Akteur schon?')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Volkshochschule Rheinwald' })).toBeVisible();

  await page.getByLabel('Name').fill(ACTOR);
  await expect(page.getByText('Gibt es diesen Akteur schon?')).toHaveCount(0);
  await page.getByRole('group', { name: 'Art' }).getByLabel('Initiative').check();
  await page.getByLabel('PLZ').fill('58675');
  await page.getByLabel('Ort', { exact: true }).fill('Hemerfeld');
  await page.getByLabel('Sprachen').fill('Deutsch, Arabisch, Tigrinya');
  await page.getByLabel('Wobei sucht der Akteur Unterstützung?').fill('Nähmaschinen und Stoffe');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();

  await expect(page.getByRole('heading', { level: 1, name: ACTOR })).toBeVisible();
  await expect(page.getByText(`„${ACTOR}“ wurde als Entwurf angelegt.`)).toBeVisible();
  await expect(page.getByText('Deutsch, Arabisch, Tigrinya')).toBeVisible();
  const actorId = page.url().split('/').pop() ?? '';
  const stored = await adminDb.doc(`actors/${actorId}`).get();
  const coordinator = await adminAuth.getUserByEmail(COORDINATOR_A.email);
  expect(stored.data()).toMatchObject({
    name: ACTOR,
    status: 'draft',
    networkIds: ['landkreis-rheinwald'],
    updatedBy: coordinator.uid,
    address: { street: '', postalCode: '58675', city: 'Hemerfeld' },
  });

  const status = page.getByRole('region', { name: 'Status' });
  await status.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.getByText(`„${ACTOR}“ ist jetzt veröffentlicht.`)).toBeVisible();

  // Confirmed as current after a phone call; edited later: both are recorded.
  await page.getByRole('button', { name: 'Als aktuell bestätigen' }).click();
  await expect(page.getByText('Als aktuell bestätigt.')).toBeVisible();
  await eventually(async () =>
    (await adminDb.doc(`actors/${actorId}`).get()).get('lastConfirmedAt') ? true : undefined,
  );
  await page.getByRole('link', { name: 'Bearbeiten' }).click();
  await expect(page.getByLabel('Name')).toHaveValue(ACTOR);
  await page.getByLabel('Website').fill('https://naehcafe.example');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText(`„${ACTOR}“ wurde gespeichert.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://naehcafe.example' })).toBeVisible();
  expect((await adminDb.doc(`actors/${actorId}`).get()).get('status')).toBe('published');
  await screenshot(page, 'akteur-detail');
  await expectNoAxeViolations(page);

  // An offer for this actor: the actor is chosen already.
  await page.getByRole('link', { name: 'Neues Angebot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neues Angebot' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Akteure' }).getByLabel(ACTOR)).toBeChecked();
  await page.getByLabel('Titel').fill(OFFER);
  await page.getByRole('group', { name: 'Angebotsart' }).getByLabel('Begegnung').check();
  await page.getByLabel('Zeiten').fill('donnerstags 10–12 Uhr');
  await page.getByLabel('Kostenlos').check();
  await page.getByLabel('Kinderbetreuung').check();
  await screenshot(page, 'angebot-neu');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Speichern und veröffentlichen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: OFFER })).toBeVisible();
  await expect(page.getByText(`„${OFFER}“ wurde angelegt und veröffentlicht.`)).toBeVisible();
  await screenshot(page, 'angebot-detail');
  await expectNoAxeViolations(page);
  await page
    .getByRole('region', { name: 'Angeboten von' })
    .getByRole('link', { name: ACTOR })
    .click();

  // The actor's page lists its offer; archiving asks first, and cancelling changes nothing.
  await expect(
    page.getByRole('region', { name: /Angebote/ }).getByRole('link', { name: OFFER }),
  ).toBeVisible();
  await status.getByRole('button', { name: 'Archivieren' }).click();
  const dialog = page.getByRole('dialog', { name: `${ACTOR} archivieren?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await screenshot(page, 'akteur-archivieren');
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();
  expect((await adminDb.doc(`actors/${actorId}`).get()).get('status')).toBe('published');

  await status.getByRole('button', { name: 'Archivieren' }).click();
  await expect(dialog.getByLabel(/Auch sein Angebot archivieren/)).toBeChecked();
  await dialog.getByRole('button', { name: 'Archivieren' }).click();
  await expect(page.getByText(`„${ACTOR}“ ist jetzt archiviert.`)).toBeVisible();
  await eventually(async () =>
    (await adminDb.doc(`actors/${actorId}`).get()).get('status') === 'archived' ? true : undefined,
  );
  const offers = await adminDb.collection('offers').where('title', '==', OFFER).get();
  expect(offers.docs.map((d) => d.get('status'))).toEqual(['archived']);

  // The list finds it by its archived status and by a search with ae for ä.
  await page.goto(
    `/verwaltung/akteure?status=archived&q=${encodeURIComponent(`naehcafe ${suffix}`)}`,
  );
  await expect(page.getByRole('link', { name: ACTOR })).toBeVisible();
  await expect(page.getByText(/^1 von \d+ Akteuren$/)).toBeVisible();
});

test('the actor list, its filters and the status workflow work with the keyboard alone', async ({
  page,
}) => {
  await signInAsCoordinator(page);
  await page.goto('/verwaltung/akteure');
  await expect(page.getByRole('table', { name: 'Akteure' })).toBeVisible();

  // Search by keyboard: focus the field, type, the list follows and the address keeps it.
  await page.getByLabel('Suche').focus();
  await page.keyboard.type('Volkshochschule');
  await expect(page.getByText(/^1 von \d+ Akteuren$/)).toBeVisible();
  await expect(page).toHaveURL(/q=Volkshochschule/);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Status')).toBeFocused();
  await page.keyboard.press('Shift+Tab');

  // Tab to the entry's link and open it with Enter.
  const link = page.getByRole('link', { name: 'Volkshochschule Rheinwald' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Volkshochschule Rheinwald' }),
  ).toBeVisible();

  // The archive dialog opens on "Abbrechen" and Escape closes it.
  await page
    .getByRole('region', { name: 'Status' })
    .getByRole('button', { name: 'Archivieren' })
    .focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /archivieren\?/ });
  await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Back to the list: the search is still there.
  await page.goBack();
  await expect(page.getByLabel('Suche')).toHaveValue('Volkshochschule');
});

test('contacts stay internal: a coordinator adds one to an actor and sees it only there', async ({
  page,
}) => {
  await signInAsCoordinator(page);
  await page.goto('/verwaltung/kontakte');
  await expect(page.getByRole('heading', { level: 1, name: 'Kontakte' })).toBeVisible();
  await screenshot(page, 'kontakte-liste');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Neuen Kontakt anlegen' }).click();
  await page.getByLabel('Name').fill(`Jürgen Weiß ${suffix}`);
  await page.getByLabel('E-Mail').fill('kein-mail');
  await page.getByRole('button', { name: 'Kontakt anlegen' }).click();
  await expect(page.getByText('Bitte eine gültige E-Mail-Adresse angeben.')).toBeVisible();
  await page.getByLabel('E-Mail').fill('juergen.weiss@example.org');
  await page.getByLabel('Akteur').selectOption({ label: 'Volkshochschule Rheinwald' });
  await page.getByLabel('Ehrenamtlich').check();
  await page.getByLabel(/Die Person ist einverstanden/).check();
  await screenshot(page, 'kontakt-neu');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Kontakt anlegen' }).click();

  await expect(page.getByText(`Der Kontakt „Jürgen Weiß ${suffix}“ wurde angelegt.`)).toBeVisible();
  await page.goto(`/verwaltung/kontakte?q=${encodeURIComponent(`juergen weiss ${suffix}`)}`);
  await expect(page.getByRole('link', { name: `Jürgen Weiß ${suffix}` })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'juergen.weiss@example.org' })).toBeVisible();
  const stored = await adminDb
    .collection('contacts')
    .where('email', '==', 'juergen.weiss@example.org')
    .get();
  expect(stored.docs[0]?.get('consent.given')).toBe(true);
  expect(stored.docs[0]?.get('consent.recordedAt')).toBeTruthy();
});
