// The review inbox: proposals (written by functions; seeded here through firebase-admin) shown
// field by field, accepted per field, accepted as a new entry, or rejected with a note.
import { expect, test } from '@playwright/test';
import { Timestamp } from 'firebase-admin/firestore';
import { actorInputSchema, proposalSchema, type Proposal } from '@knotenpunkt/model';
import { adminAuth, adminDb, eventually } from '../support/admin.ts';
import { COORDINATOR_A } from '../support/seed.ts';
import { screenshot, signInAsCoordinator } from './directoryAdminSupport.ts';
import { expectNoAxeViolations } from './axe.ts';

const suffix = Date.now().toString(36);
const NETWORK = 'landkreis-rheinwald';
const TARGET_ID = `e2e-inbox-${suffix}`;
const TARGET = `Stadtteilbüro Nord ${suffix}`;

async function seedProposal(id: string, over: Partial<Proposal>) {
  const proposal = proposalSchema.parse({
    entity: 'actor',
    origin: 'public',
    targetId: null,
    networkIds: [NETWORK],
    fields: {},
    proposer: { name: 'Eva Muster', email: 'eva.muster@example.org' },
    status: 'open',
    note: '',
    submittedAt: new Date(),
    ...over,
  });
  await adminDb.doc(`proposals/${id}`).set(proposal);
}

test.beforeAll(async () => {
  const now = Timestamp.now();
  await adminDb.doc(`actors/${TARGET_ID}`).set({
    ...actorInputSchema.parse({
      name: TARGET,
      kinds: ['Beratungsstelle'],
      shortDescription: 'Beratung im Stadtteil',
      languages: ['Deutsch'],
      status: 'published',
      networkIds: [NETWORK],
    }),
    lastConfirmedAt: null,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'seed',
  });
});

test('a coordinator accepts an upkeep answer field by field and the entry changes', async ({
  page,
}) => {
  await seedProposal(`update-${suffix}`, {
    origin: 'upkeep',
    targetId: TARGET_ID,
    proposer: null,
    fields: {
      shortDescription: 'Beratung und Begegnung im Stadtteil',
      website: 'https://stadtteilbuero.example',
      languages: ['Deutsch', 'Russisch'],
    },
  });

  await signInAsCoordinator(page);
  await page
    .getByRole('navigation', { name: 'Verwaltung' })
    .getByRole('link', { name: 'Eingang' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eingang' })).toBeVisible();
  await screenshot(page, 'eingang');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: `Prüfen: ${TARGET}` }).click();

  await expect(page.getByRole('heading', { level: 1, name: TARGET })).toBeVisible();
  const diff = page.getByRole('table', { name: /Feld für Feld/ });
  await expect(diff.getByRole('row', { name: /Kurzbeschreibung/ })).toContainText(
    'Beratung im Stadtteil',
  );
  await expect(diff.getByRole('row', { name: /Kurzbeschreibung/ })).toContainText(
    'Beratung und Begegnung im Stadtteil',
  );
  await screenshot(page, 'eingang-vorschlag');
  await expectNoAxeViolations(page);

  // Keep the languages as they are; take the other two fields.
  await page.getByRole('checkbox', { name: 'Sprachen übernehmen' }).uncheck();
  await page.getByRole('button', { name: '2 von 3 Feldern übernehmen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: TARGET })).toBeVisible();
  await expect(page.getByText(`Die Änderungen an „${TARGET}“ wurden übernommen.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://stadtteilbuero.example' })).toBeVisible();

  const actor = (await adminDb.doc(`actors/${TARGET_ID}`).get()).data();
  expect(actor).toMatchObject({
    shortDescription: 'Beratung und Begegnung im Stadtteil',
    website: 'https://stadtteilbuero.example',
    languages: ['Deutsch'],
    status: 'published',
  });
  // An upkeep answer also confirms the entry as current.
  expect(actor?.lastConfirmedAt).toBeInstanceOf(Timestamp);
  const coordinator = await adminAuth.getUserByEmail(COORDINATOR_A.email);
  const proposal = (await adminDb.doc(`proposals/update-${suffix}`).get()).data();
  expect(proposal).toMatchObject({ status: 'accepted', decidedBy: coordinator.uid });
  expect(proposal?.decidedAt).toBeInstanceOf(Timestamp);
});

test('a coordinator accepts a proposed new actor and it is published', async ({ page }) => {
  const name = `Nachbarschaftshilfe Ost ${suffix}`;
  await seedProposal(`new-${suffix}`, {
    fields: {
      name,
      kinds: ['Initiative'],
      shortDescription: 'Einkaufshilfe und Begleitung',
      languages: ['Deutsch', 'Polnisch'],
    },
  });

  await signInAsCoordinator(page);
  await page.goto('/verwaltung/eingang');
  await page.getByRole('link', { name: `Prüfen: ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByLabel('Gleich veröffentlichen')).toBeChecked();
  await page.getByRole('button', { name: 'Alle Änderungen übernehmen' }).click();

  await expect(page.getByText(`„${name}“ wurde angelegt und veröffentlicht.`)).toBeVisible();
  const created = await eventually(async () => {
    const snap = await adminDb.collection('actors').where('name', '==', name).get();
    return snap.docs[0]?.data();
  });
  expect(created).toMatchObject({
    kinds: ['Initiative'],
    status: 'published',
    networkIds: [NETWORK],
    languages: ['Deutsch', 'Polnisch'],
  });
});

test('a coordinator edits a proposal before accepting, and rejects another with a note', async ({
  page,
}) => {
  const name = `Sprachpaten ${suffix}`;
  await seedProposal(`edit-${suffix}`, {
    // Without a kind the entry cannot be saved as proposed: the coordinator completes it.
    fields: { name, shortDescription: 'Paten begleiten beim Deutschlernen' },
  });
  await seedProposal(`spam-${suffix}`, {
    fields: { name: `Günstige Kredite ${suffix}`, kinds: ['Sonstiges'] },
  });

  await signInAsCoordinator(page);
  await page.goto(`/verwaltung/eingang/edit-${suffix}`);
  await page.getByRole('button', { name: 'Alle Änderungen übernehmen' }).click();
  await expect(page.getByText('Art: Bitte mindestens einen Eintrag wählen.')).toBeVisible();

  await page.getByRole('button', { name: 'Bearbeiten und übernehmen' }).click();
  await expect(page.getByLabel('Name')).toHaveValue(name);
  await page.getByRole('group', { name: 'Art' }).getByLabel('Initiative').check();
  await screenshot(page, 'eingang-bearbeiten');
  await page.getByRole('button', { name: 'Speichern und übernehmen' }).click();
  await expect(page).toHaveURL(/\/verwaltung\/akteure\/[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  expect((await adminDb.doc(`proposals/edit-${suffix}`).get()).get('status')).toBe('accepted');

  await page.goto(`/verwaltung/eingang/spam-${suffix}`);
  await page.getByRole('button', { name: 'Ablehnen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vorschlag ablehnen?' });
  await dialog.getByLabel('Anmerkung (optional, intern)').fill('Werbung');
  await dialog.getByRole('button', { name: 'Ablehnen' }).click();
  await expect(
    page.getByText(`Der Vorschlag „Günstige Kredite ${suffix}“ wurde abgelehnt.`),
  ).toBeVisible();
  const rejected = (await adminDb.doc(`proposals/spam-${suffix}`).get()).data();
  expect(rejected).toMatchObject({ status: 'rejected', note: 'Werbung' });
  const spam = await adminDb
    .collection('actors')
    .where('name', '==', `Günstige Kredite ${suffix}`)
    .get();
  expect(spam.empty).toBe(true);
  await expect(page.getByRole('table', { name: 'Zuletzt entschiedene Vorschläge' })).toContainText(
    'Werbung',
  );
});
