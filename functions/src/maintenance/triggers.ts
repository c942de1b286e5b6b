import { onSchedule } from 'firebase-functions/v2/scheduler';
import { db } from '../platform/firebase.ts';
import { handlePurgeExpiredTokens } from './purgeExpiredTokens.ts';

export const purgeExpiredTokens = onSchedule(
  { schedule: 'every day 03:00', timeZone: 'Europe/Berlin' },
  async () => {
    await handlePurgeExpiredTokens(db());
  },
);
