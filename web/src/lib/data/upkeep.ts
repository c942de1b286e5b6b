// Upkeep rounds ("Ist Ihr Eintrag noch aktuell?") of one network for its coordinators: the rounds
// and their answers, live, and starting a round (a callable: it resolves whom to ask and queues a
// mailing of the pipeline, whose progress MailingProgress shows).
import { collection, limit, onSnapshot, orderBy, query } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import {
  paths,
  upkeepEntrySchema,
  upkeepRoundSchema,
  type StartUpkeepRoundInput,
  type UpkeepEntry,
  type UpkeepRound,
} from '@knotenpunkt/model';
import { db, functions } from '$lib/firebase/app';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDocs } from './parse.ts';
import { queryDocs } from './snapshot.ts';

export type UpkeepRoundWithId = UpkeepRound & { id: string };
export type UpkeepEntryWithId = UpkeepEntry & { actorId: string };

/** The network's latest rounds, newest first. */
export function watchUpkeepRounds(
  networkId: string,
  next: Next<UpkeepRoundWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(
      collection(await db(), paths.upkeepRounds(networkId)),
      orderBy('createdAt', 'desc'),
      limit(10),
    );
    return onSnapshot(
      q,
      (snap) => next(parseDocs(upkeepRoundSchema, queryDocs(snap), (id, v) => ({ ...v, id }))),
      fail,
    );
  }, fail);
}

/** Who was asked in a round and what they answered. */
export function watchUpkeepEntries(
  networkId: string,
  roundId: string,
  next: Next<UpkeepEntryWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = collection(await db(), paths.upkeepEntries(networkId, roundId));
    return onSnapshot(
      q,
      (snap) =>
        next(
          parseDocs(upkeepEntrySchema, queryDocs(snap), (actorId, v) => ({ ...v, actorId })).sort(
            (a, b) => a.actorName.localeCompare(b.actorName, 'de'),
          ),
        ),
      fail,
    );
  }, fail);
}

export interface StartedRound {
  roundId: string;
  mailingId: string;
  actors: number;
  unreachable: number;
}

export async function startUpkeepRound(input: StartUpkeepRoundInput): Promise<StartedRound> {
  const callable = httpsCallable<StartUpkeepRoundInput, StartedRound>(
    await functions(),
    'startUpkeepRound',
  );
  return (await callable(input)).data;
}
