// The policy, cell by cell: every collection × persona × method, and what the rules must answer.
// matrix.test.ts runs it against the emulator and writes docs/security.md from the outcomes.
import {
  collection,
  query,
  serverTimestamp,
  where,
  type DocumentData,
  type Firestore,
  type Query,
} from 'firebase/firestore';
import {
  createStamps,
  storedActor,
  storedCalendar,
  storedContact,
  storedDelivery,
  storedMailing,
  storedMeeting,
  storedMember,
  storedNetwork,
  storedOffer,
  storedQuestionnaire,
  storedInvitation,
  storedPublicResults,
  storedResponse,
  storedSummary,
  storedRsvp,
  storedConsentText,
  storedSubscriber,
  storedToken,
  storedWorkingGroup,
  subscriberCreate,
  subscriberIdOf,
  updateStamps,
  actorInput,
  contactInput,
  mailingInput,
  meetingInput,
  offerInput,
  questionnaireInput,
  workingGroupInput,
  T0,
} from './fixtures.ts';
import { proposalSchema } from '@knotenpunkt/model';
import { NETWORK_A, NETWORK_B, type Persona, type PersonaKey } from './personas.ts';

export type Method = 'get' | 'list' | 'create' | 'update' | 'delete';
export const METHODS: readonly Method[] = ['get', 'list', 'create', 'update', 'delete'];

export interface MatrixRow {
  /** Row heading in the policy table. */
  name: string;
  /** One target document, for test names: "… cannot read <one>". */
  one: string;
  /** What the list query asks for: "… cannot list <many>". */
  many: string;
  /** Collection path of every document the row touches. */
  collection: string;
  /** The list query as a client writes it (shown in docs/security.md). */
  query: string;
  list: (db: Firestore) => Query;
  /** Document id for a key; default: the key itself. */
  id?: (key: string) => string | Promise<string>;
  /** Keys of the documents get/update/delete/create target; defaults: target, upd-, del-, new-. */
  getKey?: string;
  updateKey?: (p: Persona) => string;
  deleteKey?: (p: Persona) => string;
  createKey?: (p: Persona) => string;
  /** Keys seeded by the shared world, not by the row. */
  worldKeys?: string[];
  /** Stored document for a key (seeded with rules disabled). */
  stored: (key: string) => DocumentData | Promise<DocumentData>;
  /** Further documents the row needs (path → data), e.g. a parent the rules read. */
  extra?: () => Record<string, DocumentData>;
  /** What the persona's client sends to create a document under `key`. */
  create: (p: Persona, key: string) => DocumentData | Promise<DocumentData>;
  /** The patch the persona's client sends to update. */
  update: (p: Persona) => DocumentData;
  /** The policy: methods allowed per persona; everything else must be denied. */
  allowed: Record<PersonaKey, readonly Method[]>;
}

const READ: readonly Method[] = ['get', 'list'];
const ALL = METHODS;
const nobody: Record<PersonaKey, readonly Method[]> = {
  public: [],
  signedIn: [],
  coordA: [],
  coordB: [],
  admin: [],
};
const everyone = (methods: readonly Method[]) => ({
  public: methods,
  signedIn: methods,
  coordA: methods,
  coordB: methods,
  admin: methods,
});

const own = (p: Persona) => p.uid ?? `new-${p.key}`;
const inA = (path: string) => `networks/${NETWORK_A}/${path}`;
const all = (path: string) => (db: Firestore) => collection(db, path);

export const MATRIX: readonly MatrixRow[] = [
  {
    name: 'admins',
    one: "the admin's own admin document",
    many: 'all admin documents',
    collection: 'admins',
    query: "collection('admins')",
    list: all('admins'),
    getKey: 'admin-1',
    worldKeys: ['admin-1'],
    createKey: own,
    stored: () => ({ email: 'other-admin@example.de', grantedAt: T0 }),
    create: () => ({ email: 'me@example.de', grantedAt: serverTimestamp() }),
    update: () => ({ email: 'changed@example.de' }),
    allowed: { ...nobody, admin: READ },
  },
  {
    name: 'memberships',
    one: "coordinator A's membership index",
    many: 'all membership indexes',
    collection: 'memberships',
    query: "collection('memberships')",
    list: all('memberships'),
    getKey: 'coord-a',
    worldKeys: ['coord-a'],
    createKey: own,
    stored: () => ({ networkIds: [NETWORK_B], updatedAt: T0 }),
    create: () => ({ networkIds: [NETWORK_A, NETWORK_B], updatedAt: serverTimestamp() }),
    update: () => ({ networkIds: [NETWORK_A, NETWORK_B], updatedAt: serverTimestamp() }),
    allowed: { ...nobody, coordA: ['get'], admin: READ },
  },
  {
    name: 'networks (public)',
    one: 'network A (public)',
    many: 'public networks',
    collection: 'networks',
    query: "query(collection('networks'), where('public', '==', true))",
    list: (db) => query(collection(db, 'networks'), where('public', '==', true)),
    getKey: NETWORK_A,
    updateKey: () => NETWORK_A,
    deleteKey: () => NETWORK_A,
    worldKeys: [NETWORK_A],
    stored: (key) => storedNetwork(key, true),
    create: (_p, key) => ({
      ...storedNetwork(key.toLowerCase(), true),
      createdAt: serverTimestamp(),
    }),
    update: () => ({ name: 'Netzwerk A (neu)', updatedAt: serverTimestamp() }),
    allowed: { ...everyone(READ), coordA: ['get', 'list', 'update'] },
  },
  {
    name: 'networks (not public)',
    one: 'network B (not public)',
    many: 'all networks without a filter',
    collection: 'networks',
    query: "collection('networks')",
    list: all('networks'),
    getKey: NETWORK_B,
    updateKey: () => NETWORK_B,
    deleteKey: () => NETWORK_B,
    worldKeys: [NETWORK_B],
    stored: (key) => storedNetwork(key, false),
    create: (_p, key) => ({
      ...storedNetwork(key.toLowerCase(), false),
      createdAt: serverTimestamp(),
    }),
    update: () => ({ description: 'Nur für Mitglieder.', updatedAt: serverTimestamp() }),
    allowed: { ...nobody, coordB: ['get', 'update'], admin: READ },
  },
  {
    name: 'members',
    one: "coordinator A's member document",
    many: 'the members of network A',
    collection: inA('members'),
    query: "collection('networks/{A}/members')",
    list: all(inA('members')),
    getKey: 'coord-a',
    worldKeys: ['coord-a'],
    createKey: own,
    stored: () => storedMember('Frühere Koordinatorin', 'old@example.de'),
    create: (p) => ({
      role: 'coordinator',
      name: 'Ich',
      email: 'me@example.de',
      grantedAt: serverTimestamp(),
      grantedBy: p.uid ?? '',
    }),
    update: () => ({ name: 'Umbenannt' }),
    allowed: { ...nobody, coordA: READ, admin: READ },
  },
  {
    name: 'public snapshots',
    one: "network A's public calendar",
    many: "network A's public snapshots",
    collection: inA('public'),
    query: "collection('networks/{A}/public') or doc('networks/{A}/public/calendar')",
    list: all(inA('public')),
    getKey: 'calendar',
    stored: () => storedCalendar(),
    create: () => ({ meetings: [], updatedAt: serverTimestamp() }),
    update: () => ({ meetings: [] }),
    allowed: everyone(READ),
  },
  {
    name: 'workingGroups',
    one: 'a working group of network A',
    many: "network A's working groups",
    collection: inA('workingGroups'),
    query: "collection('networks/{A}/workingGroups')",
    list: all(inA('workingGroups')),
    stored: () => storedWorkingGroup(),
    create: (p) => ({ ...workingGroupInput(), ...createStamps(p.uid) }),
    update: (p) => ({ lead: 'Frau Yilmaz', ...updateStamps(p.uid) }),
    allowed: { ...nobody, coordA: ALL },
  },
  {
    name: 'actors (published)',
    one: 'a published actor of network A',
    many: 'published actors',
    collection: 'actors',
    query: "query(collection('actors'), where('status', '==', 'published'))",
    list: (db) => query(collection(db, 'actors'), where('status', '==', 'published')),
    stored: () => storedActor({ status: 'published' }),
    create: (p) => ({ ...actorInput({ status: 'published' }), ...createStamps(p.uid) }),
    update: (p) => ({ name: 'Café International (neu)', ...updateStamps(p.uid) }),
    allowed: { ...everyone(READ), coordA: ALL },
  },
  {
    name: 'actors (draft)',
    one: 'a draft actor of network A',
    many: "network A's actors in every status",
    collection: 'actors',
    query: "query(collection('actors'), where('networkIds', 'array-contains', A))",
    list: (db) => query(collection(db, 'actors'), where('networkIds', 'array-contains', NETWORK_A)),
    stored: () => storedActor({ status: 'draft' }),
    create: (p) => ({ ...actorInput({ status: 'draft' }), ...createStamps(p.uid) }),
    update: (p) => ({ status: 'published', ...updateStamps(p.uid) }),
    allowed: { ...nobody, coordA: ALL },
  },
  {
    name: 'offers (published)',
    one: 'a published offer of network A',
    many: 'published offers',
    collection: 'offers',
    query: "query(collection('offers'), where('status', '==', 'published'))",
    list: (db) => query(collection(db, 'offers'), where('status', '==', 'published')),
    stored: () => storedOffer({ status: 'published' }),
    create: (p) => ({ ...offerInput({ status: 'published' }), ...createStamps(p.uid) }),
    update: (p) => ({ schedule: 'mittwochs 15–17 Uhr', ...updateStamps(p.uid) }),
    allowed: { ...everyone(READ), coordA: ALL },
  },
  {
    name: 'offers (draft)',
    one: 'a draft offer of network A',
    many: "network A's offers in every status",
    collection: 'offers',
    query: "query(collection('offers'), where('networkIds', 'array-contains', A))",
    list: (db) => query(collection(db, 'offers'), where('networkIds', 'array-contains', NETWORK_A)),
    stored: () => storedOffer({ status: 'draft' }),
    create: (p) => ({ ...offerInput({ status: 'draft' }), ...createStamps(p.uid) }),
    update: (p) => ({ status: 'archived', ...updateStamps(p.uid) }),
    allowed: { ...nobody, coordA: ALL },
  },
  {
    name: 'contacts',
    one: 'a contact of network A',
    many: "network A's contacts",
    collection: 'contacts',
    query: "query(collection('contacts'), where('networkIds', 'array-contains', A))",
    list: (db) =>
      query(collection(db, 'contacts'), where('networkIds', 'array-contains', NETWORK_A)),
    stored: () => storedContact(),
    create: (p) => ({ ...contactInput(), ...createStamps(p.uid) }),
    update: (p) => ({ phone: '02372 12345', ...updateStamps(p.uid) }),
    allowed: { ...nobody, coordA: ALL },
  },
  {
    name: 'proposals',
    one: 'a proposal for network A',
    many: "network A's proposals",
    collection: 'proposals',
    query: "query(collection('proposals'), where('networkIds', 'array-contains', A))",
    list: (db) =>
      query(collection(db, 'proposals'), where('networkIds', 'array-contains', NETWORK_A)),
    stored: () => storedProposal(),
    // Proposals come only through functions (public form, upkeep links).
    create: () => storedProposal(),
    // Coordinators decide an open proposal; the proposal itself never changes.
    update: (p) => ({
      status: 'rejected',
      note: 'Gibt es schon',
      decidedAt: serverTimestamp(),
      decidedBy: p.uid ?? '',
    }),
    allowed: { ...nobody, coordA: ['get', 'list', 'update'] },
  },
  {
    name: 'meetings (public)',
    one: 'a public meeting of network A',
    many: 'public meetings of network A',
    collection: inA('meetings'),
    query: "query(collection('networks/{A}/meetings'), where('public', '==', true))",
    list: (db) => query(collection(db, inA('meetings')), where('public', '==', true)),
    stored: () => storedMeeting({ public: true }),
    create: (p) => ({ ...meetingInput({ public: true }), ...createStamps(p.uid) }),
    update: (p) => ({ place: 'Bürgerhaus', ...updateStamps(p.uid) }),
    // Visitors read the published snapshots (public/calendar, public/meeting-{id}) instead:
    // unpublished minutes and tasks of a public meeting stay internal.
    allowed: { ...nobody, coordA: ALL },
  },
  {
    name: 'meetings (internal)',
    one: 'an internal meeting of network A',
    many: 'all meetings of network A',
    collection: inA('meetings'),
    query: "collection('networks/{A}/meetings')",
    list: all(inA('meetings')),
    stored: () => storedMeeting({ public: false }),
    create: (p) => ({ ...meetingInput({ public: false }), ...createStamps(p.uid) }),
    update: (p) => ({ minutes: 'Protokoll: …', ...updateStamps(p.uid) }),
    allowed: { ...nobody, coordA: ALL },
  },
  {
    name: 'rsvps',
    one: 'an RSVP to a meeting of network A',
    many: 'the RSVPs to a meeting of network A',
    collection: inA('meetings/target/rsvps'),
    query: "collection('networks/{A}/meetings/{id}/rsvps')",
    list: all(inA('meetings/target/rsvps')),
    stored: (key) => storedRsvp(key),
    create: (_p, key) => ({ ...storedRsvp(key), answeredAt: serverTimestamp() }),
    update: () => ({ answer: 'no' }),
    allowed: { ...nobody, coordA: READ },
  },
  {
    name: 'subscribers',
    one: 'a subscriber of network A',
    many: "network A's subscribers",
    collection: inA('subscribers'),
    query: "collection('networks/{A}/subscribers')",
    list: all(inA('subscribers')),
    id: (key) => subscriberIdOf(key),
    stored: (key) => storedSubscriber(key),
    create: (_p, key) => subscriberCreate(key),
    update: () => ({ organisation: 'Familienzentrum', updatedAt: serverTimestamp() }),
    // Adding, confirming, unsubscribing and erasing go through functions (double opt-in,
    // consent records, suppression list).
    allowed: { ...nobody, coordA: ['get', 'list', 'update'] },
  },
  {
    name: 'suppression list',
    one: 'a suppression entry of network A',
    many: "network A's suppression list",
    collection: inA('suppressions'),
    query: "collection('networks/{A}/suppressions')",
    list: all(inA('suppressions')),
    stored: () => ({ reason: 'erasure', createdAt: T0 }),
    create: () => ({ reason: 'erasure', createdAt: serverTimestamp() }),
    update: () => ({ reason: 'import' }),
    allowed: nobody,
  },
  {
    name: 'mailings',
    one: 'a draft mailing of network A',
    many: "network A's mailings",
    collection: inA('mailings'),
    query: "collection('networks/{A}/mailings')",
    list: all(inA('mailings')),
    stored: () => storedMailing('draft'),
    create: (p) => ({
      ...mailingInput(),
      status: 'draft',
      progress: storedMailing().progress,
      ...createStamps(p.uid),
    }),
    update: (p) => ({ subject: 'Neues aus dem Netzwerk (Korrektur)', ...updateStamps(p.uid) }),
    allowed: { ...nobody, coordA: ALL },
  },
  {
    name: 'deliveries',
    one: 'a delivery record of network A',
    many: "a mailing's delivery records",
    collection: inA('mailings/target/deliveries'),
    query: "collection('networks/{A}/mailings/{id}/deliveries')",
    list: all(inA('mailings/target/deliveries')),
    stored: (key) => storedDelivery(key),
    create: (_p, key) => ({ ...storedDelivery(key), createdAt: serverTimestamp() }),
    update: () => ({ status: 'sent' }),
    allowed: { ...nobody, coordA: READ },
  },
  {
    name: 'questionnaires',
    one: 'a draft questionnaire of network A',
    many: "network A's questionnaires",
    collection: inA('questionnaires'),
    query: "collection('networks/{A}/questionnaires')",
    list: all(inA('questionnaires')),
    stored: () => storedQuestionnaire(),
    create: (p) => ({ ...questionnaireInput(), ...createStamps(p.uid) }),
    update: (p) => ({ intro: 'Bitte bis Ende Januar ausfüllen.', ...updateStamps(p.uid) }),
    allowed: { ...nobody, coordA: ALL },
  },
  {
    name: 'responses',
    one: 'a questionnaire response in network A',
    many: "a questionnaire's responses",
    collection: inA('questionnaires/target/responses'),
    query: "collection('networks/{A}/questionnaires/{id}/responses')",
    list: all(inA('questionnaires/target/responses')),
    stored: () => storedResponse(),
    create: () => ({ ...storedResponse(), submittedAt: serverTimestamp() }),
    update: () => ({ answers: {} }),
    allowed: { ...nobody, coordA: READ },
  },
  {
    name: 'questionnaire invitations',
    one: 'an invitation to a questionnaire of network A',
    many: "a questionnaire's invitations",
    collection: inA('questionnaires/target/invitations'),
    query: "collection('networks/{A}/questionnaires/{id}/invitations')",
    list: all(inA('questionnaires/target/invitations')),
    stored: () => storedInvitation(),
    create: () => ({ ...storedInvitation(), invitedAt: serverTimestamp() }),
    update: () => ({ status: 'submitted' }),
    allowed: { ...nobody, coordA: READ },
  },
  {
    name: 'questionnaire drafts',
    one: 'answers in progress behind a personal link',
    many: "a questionnaire's drafts",
    collection: inA('questionnaires/target/drafts'),
    query: "collection('networks/{A}/questionnaires/{id}/drafts')",
    list: all(inA('questionnaires/target/drafts')),
    stored: () => ({ answers: { bedarf: 'Räume' }, savedAt: T0 }),
    create: () => ({ answers: {}, savedAt: serverTimestamp() }),
    update: () => ({ answers: {} }),
    allowed: nobody,
  },
  {
    name: 'results summary',
    one: 'the results summary of a questionnaire with public results',
    many: 'the results documents of a questionnaire with public results',
    collection: inA('questionnaires/published/results'),
    query: "doc('networks/{A}/questionnaires/{id}/results/summary')",
    list: all(inA('questionnaires/published/results')),
    getKey: 'summary',
    extra: () => ({
      [inA('questionnaires/published')]: storedQuestionnaire({
        status: 'closed',
        resultsVisibility: 'public',
      }),
    }),
    stored: () => storedSummary(),
    create: () => ({ ...storedSummary(), updatedAt: serverTimestamp() }),
    update: () => ({ textsOmitted: 5 }),
    allowed: { ...nobody, coordA: READ },
  },
  {
    name: 'results (published)',
    one: 'the published results of a questionnaire with resultsVisibility public',
    many: 'published results',
    collection: inA('questionnaires/published/results'),
    query: "doc('networks/{A}/questionnaires/{id}/results/public')",
    list: all(inA('questionnaires/published/results')),
    getKey: 'public',
    stored: () => storedPublicResults(),
    create: () => ({ ...storedPublicResults(), publishedAt: serverTimestamp() }),
    update: () => ({ title: 'Geändert' }),
    allowed: { ...everyone(['get']), coordA: READ },
  },
  {
    name: 'results (for respondents)',
    one: 'the closing results of a questionnaire shown only to its respondents',
    many: 'the results of a questionnaire without public results',
    collection: inA('questionnaires/unpublished/results'),
    query: "doc('networks/{A}/questionnaires/{id}/results/public')",
    list: all(inA('questionnaires/unpublished/results')),
    getKey: 'public',
    extra: () => ({
      [inA('questionnaires/unpublished')]: storedQuestionnaire({
        status: 'closed',
        resultsVisibility: 'respondents',
      }),
    }),
    stored: () => storedPublicResults(),
    create: () => ({ ...storedPublicResults(), publishedAt: serverTimestamp() }),
    update: () => ({ title: 'Geändert' }),
    allowed: { ...nobody, coordA: READ },
  },
  {
    name: 'tokens',
    one: 'a token document',
    many: 'token documents',
    collection: 'tokens',
    query: "collection('tokens')",
    list: all('tokens'),
    stored: () => storedToken(),
    create: () => ({ ...storedToken(), createdAt: serverTimestamp() }),
    update: () => ({ usedAt: serverTimestamp() }),
    allowed: nobody,
  },
  {
    name: 'consent texts',
    one: 'a consent text version',
    many: 'all consent text versions',
    collection: 'consentTexts',
    query: "collection('consentTexts')",
    list: all('consentTexts'),
    stored: () => storedConsentText(),
    create: () => ({ ...storedConsentText(), publishedAt: serverTimestamp() }),
    update: () => ({ text: 'Geänderter Text' }),
    allowed: everyone(READ),
  },
  {
    name: 'public directory',
    one: 'the published directory (head shard)',
    many: 'the published directory documents',
    collection: 'public',
    query: "doc('public/directory') (shards: collection('public/directory/shards'))",
    list: all('public'),
    getKey: 'directory',
    stored: () => storedDirectoryShard(),
    create: () => ({ ...storedDirectoryShard(), updatedAt: serverTimestamp() }),
    update: () => ({ data: '{"actors":{},"offers":{}}', updatedAt: serverTimestamp() }),
    allowed: everyone(READ),
  },
  {
    name: 'public directory pages',
    one: "a published actor's public page",
    many: 'the public pages of actors',
    collection: 'public/directory/actors',
    query: "doc('public/directory/actors/{id}')",
    list: all('public/directory/actors'),
    stored: (key) => ({
      data: JSON.stringify({ id: key, name: 'Café International' }),
      updatedAt: T0,
    }),
    create: (_p, key) => ({ data: JSON.stringify({ id: key }), updatedAt: serverTimestamp() }),
    update: () => ({ data: '{}', updatedAt: serverTimestamp() }),
    allowed: everyone(READ),
  },
  {
    name: 'directory queue',
    one: 'a pending directory entry',
    many: 'the pending directory entries',
    collection: 'directoryQueue',
    query: "collection('directoryQueue')",
    list: all('directoryQueue'),
    stored: () => ({ markedAt: T0 }),
    create: () => ({ markedAt: serverTimestamp() }),
    update: () => ({ markedAt: serverTimestamp() }),
    allowed: nobody,
  },
  {
    name: 'upkeep rounds',
    one: 'an upkeep round of network A',
    many: "network A's upkeep rounds",
    collection: inA('upkeepRounds'),
    query: "collection('networks/{A}/upkeepRounds')",
    list: all(inA('upkeepRounds')),
    stored: () => ({ mailingId: 'm1', actors: 3, unreachable: [], createdAt: T0, createdBy: 'x' }),
    create: (p) => ({
      mailingId: 'm2',
      actors: 0,
      unreachable: [],
      createdAt: serverTimestamp(),
      createdBy: p.uid ?? '',
    }),
    update: () => ({ actors: 0 }),
    allowed: { ...nobody, coordA: READ },
  },
  {
    name: 'upkeep entries',
    one: "an actor's answer in an upkeep round of network A",
    many: 'the answers of an upkeep round',
    collection: inA('upkeepRounds/target/entries'),
    query: "collection('networks/{A}/upkeepRounds/{id}/entries')",
    list: all(inA('upkeepRounds/target/entries')),
    stored: () => ({
      actorName: 'Café International',
      name: 'Leyla Yıldız',
      email: 'leyla@example.de',
      contactId: null,
      status: 'open',
      respondedAt: null,
      proposalId: null,
    }),
    create: () => ({
      actorName: 'x',
      name: '',
      email: 'x@example.de',
      contactId: null,
      status: 'open',
      respondedAt: null,
      proposalId: null,
    }),
    update: () => ({ status: 'confirmed' }),
    allowed: { ...nobody, coordA: READ },
  },
  {
    name: 'rate limits',
    one: "a client's request counter",
    many: 'request counters',
    collection: 'rateLimits',
    query: "collection('rateLimits')",
    list: all('rateLimits'),
    stored: () => ({ count: 1, windowStart: T0, expiresAt: T0 }),
    create: () => ({ count: 0, windowStart: serverTimestamp(), expiresAt: serverTimestamp() }),
    update: () => ({ count: 0 }),
    allowed: nobody,
  },
];

/** A stored head shard of the published directory (model/src/directorySnapshot.ts). */
function storedDirectoryShard() {
  return { schemaVersion: 1, shards: 1, data: '{"actors":{},"offers":{}}', updatedAt: T0 };
}

/** An open proposal for network A in the review inbox (model/src/proposal.ts). */
function storedProposal() {
  return proposalSchema.parse({
    entity: 'actor',
    origin: 'public',
    targetId: null,
    networkIds: [NETWORK_A],
    fields: { name: 'Nähcafé', kinds: ['Initiative'] },
    proposer: { name: 'Eva Muster', email: 'eva@example.de' },
    status: 'open',
    submittedAt: T0,
  });
}

/** Rows sharing a collection (actors published/draft) must not touch each other's documents. */
const prefixOf = (row: MatrixRow) =>
  row.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-$/, '');

export const keysOf = (row: MatrixRow) => {
  const prefix = prefixOf(row);
  return {
    get: row.getKey ?? `${prefix}-target`,
    update: row.updateKey ?? ((p: Persona) => `${prefix}-upd-${p.key}`),
    delete: row.deleteKey ?? ((p: Persona) => `${prefix}-del-${p.key}`),
    create: row.createKey ?? ((p: Persona) => `${prefix}-new-${p.key}`),
  };
};

export async function docPath(row: MatrixRow, key: string) {
  return `${row.collection}/${row.id ? await row.id(key) : key}`;
}

/** Every document the matrix needs besides the shared world, path → data. */
export async function matrixSeed(personas: readonly Persona[]) {
  const out: Record<string, DocumentData> = {};
  for (const row of MATRIX) {
    const keys = keysOf(row);
    const wanted = new Set([keys.get, ...personas.map(keys.update), ...personas.map(keys.delete)]);
    for (const key of wanted) {
      if (row.worldKeys?.includes(key)) continue;
      out[await docPath(row, key)] = await row.stored(key);
    }
    Object.assign(out, row.extra?.());
  }
  return out;
}

export { NETWORK_A, NETWORK_B };
