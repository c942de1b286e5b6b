// The collection layout is a contract shared by rules, web, functions and tests.

export const TOKENS = 'tokens';

export const paths = {
  admin: (uid: string) => `admins/${uid}`,
  admins: () => 'admins',
  network: (networkId: string) => `networks/${networkId}`,
  networks: () => 'networks',
  members: (networkId: string) => `networks/${networkId}/members`,
  member: (networkId: string, uid: string) => `networks/${networkId}/members/${uid}`,
  workingGroups: (networkId: string) => `networks/${networkId}/workingGroups`,
  workingGroup: (networkId: string, id: string) => `networks/${networkId}/workingGroups/${id}`,
  actors: () => 'actors',
  actor: (id: string) => `actors/${id}`,
  offers: () => 'offers',
  offer: (id: string) => `offers/${id}`,
  contacts: () => 'contacts',
  contact: (id: string) => `contacts/${id}`,
  meetings: (networkId: string) => `networks/${networkId}/meetings`,
  meeting: (networkId: string, id: string) => `networks/${networkId}/meetings/${id}`,
  rsvps: (networkId: string, meetingId: string) =>
    `networks/${networkId}/meetings/${meetingId}/rsvps`,
  /** One RSVP per subscriber and meeting. */
  rsvp: (networkId: string, meetingId: string, subscriberId: string) =>
    `networks/${networkId}/meetings/${meetingId}/rsvps/${subscriberId}`,
  subscribers: (networkId: string) => `networks/${networkId}/subscribers`,
  subscriber: (networkId: string, id: string) => `networks/${networkId}/subscribers/${id}`,
  mailings: (networkId: string) => `networks/${networkId}/mailings`,
  mailing: (networkId: string, id: string) => `networks/${networkId}/mailings/${id}`,
  deliveries: (networkId: string, mailingId: string) =>
    `networks/${networkId}/mailings/${mailingId}/deliveries`,
  /** One delivery per recipient and mailing: the key that makes sending at most once. */
  delivery: (networkId: string, mailingId: string, subscriberId: string) =>
    `networks/${networkId}/mailings/${mailingId}/deliveries/${subscriberId}`,
  questionnaires: (networkId: string) => `networks/${networkId}/questionnaires`,
  questionnaire: (networkId: string, id: string) => `networks/${networkId}/questionnaires/${id}`,
  responses: (networkId: string, questionnaireId: string) =>
    `networks/${networkId}/questionnaires/${questionnaireId}/responses`,
  response: (networkId: string, questionnaireId: string, id: string) =>
    `networks/${networkId}/questionnaires/${questionnaireId}/responses/${id}`,
  results: (networkId: string, questionnaireId: string) =>
    `networks/${networkId}/questionnaires/${questionnaireId}/results`,
  /** Every figure of the results view in one document (model/src/results.ts), functions only. */
  resultsSummary: (networkId: string, questionnaireId: string) =>
    `networks/${networkId}/questionnaires/${questionnaireId}/results/summary`,
  /** What respondents or the public see once the questionnaire is closed. */
  publicResults: (networkId: string, questionnaireId: string) =>
    `networks/${networkId}/questionnaires/${questionnaireId}/results/public`,
  invitations: (networkId: string, questionnaireId: string) =>
    `networks/${networkId}/questionnaires/${questionnaireId}/invitations`,
  invitation: (networkId: string, questionnaireId: string, id: string) =>
    `networks/${networkId}/questionnaires/${questionnaireId}/invitations/${id}`,
  /** Answers in progress, behind the personal link; only functions read or write them. */
  questionnaireDraft: (networkId: string, questionnaireId: string, id: string) =>
    `networks/${networkId}/questionnaires/${questionnaireId}/drafts/${id}`,
  /** Token documents are keyed by the SHA-256 of the token; only functions read them. */
  token: (tokenHash: string) => `${TOKENS}/${tokenHash}`,
  /** Published snapshot of a network's upcoming public meetings, kept by a function. */
  publicCalendar: (networkId: string) => `networks/${networkId}/public/calendar`,
  /** The published directory (model/src/directorySnapshot.ts), kept by a function. */
  publicDirectory: () => 'public/directory',
  publicDirectoryShard: (k: number) => `public/directory/shards/${k}`,
  publicActor: (id: string) => `public/directory/actors/${id}`,
  publicOffer: (id: string) => `public/directory/offers/${id}`,
  /** Entries waiting for the snapshot ("actor-{id}", "offer-{id}") and the drain's lease. */
  directoryQueue: () => 'directoryQueue',
  directoryQueueItem: (key: string) => `directoryQueue/${key}`,
  directoryLease: () => 'system/directoryLease',
  /** Per-client request counters of public endpoints (hashed key), functions only. */
  rateLimit: (key: string) => `rateLimits/${key}`,
  /** Upkeep rounds ("Ist Ihr Eintrag noch aktuell?") and their entries, one per actor asked. */
  upkeepRounds: (networkId: string) => `networks/${networkId}/upkeepRounds`,
  upkeepRound: (networkId: string, roundId: string) =>
    `networks/${networkId}/upkeepRounds/${roundId}`,
  upkeepEntries: (networkId: string, roundId: string) =>
    `networks/${networkId}/upkeepRounds/${roundId}/entries`,
  upkeepEntry: (networkId: string, roundId: string, actorId: string) =>
    `networks/${networkId}/upkeepRounds/${roundId}/entries/${actorId}`,
  proposals: () => 'proposals',
  proposal: (id: string) => `proposals/${id}`,
} as const;

export const REGION = 'europe-west3';

/** memberships/{uid}: { networkIds } mirrored from members by the grant/revoke functions in the
 * same batch, so the web app finds "my networks" with one read. */
export const membershipPath = (uid: string) => `memberships/${uid}`;
