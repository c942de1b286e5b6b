import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { callable } from '../platform/callable.ts';
import { db } from '../platform/firebase.ts';
import { handleDirectoryWrite, handleRebuildDirectory } from './snapshot.ts';
import { handleStartUpkeepRound } from './upkeep.ts';

// Every write of an actor or offer (create, edit, publish, archive, delete) updates the published
// directory. The event's payload is not used: the handler re-reads the entry (snapshot.ts).

export const directoryActorWritten = onDocumentWritten('actors/{actorId}', async (event) => {
  await handleDirectoryWrite(db(), 'actor', event.params.actorId);
});

export const directoryOfferWritten = onDocumentWritten('offers/{offerId}', async (event) => {
  await handleDirectoryWrite(db(), 'offer', event.params.offerId);
});

/** Reconciles the snapshot with the collections once a day (and reshards when it has grown). */
export const rebuildDirectory = onSchedule(
  { schedule: 'every day 03:30', timeZone: 'Europe/Berlin' },
  async () => {
    await handleRebuildDirectory(db());
  },
);

/** A coordinator starts "Ist Ihr Eintrag noch aktuell?" for the network (upkeep.ts). */
export const startUpkeepRound = callable((data, caller) =>
  handleStartUpkeepRound(data, caller, { db: db() }),
);
