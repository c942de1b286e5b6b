// Scheduled functions never fire by themselves in the emulator, so `npm start` runs their
// handlers on a timer against the emulators (same code, called directly).
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { handleRefreshAllCalendars } from '../functions/src/calendar/publicCalendar.ts';
import { handlePurgeExpiredTokens } from '../functions/src/maintenance/purgeExpiredTokens.ts';
import { handleMeetingsTick } from '../functions/src/meetings/reminders.ts';
import { startMailingThroughPipeline } from '../functions/src/questionnaires/mail.ts';
import { handleQuestionnaireSchedule } from '../functions/src/questionnaires/publish.ts';
import { handleSubscriberRetention } from '../functions/src/subscribers/retention.ts';

const EVERY_MS = 5 * 60_000;
const db = getFirestore(
  initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? 'demo-knotenpunkt' }),
);

const schedules = [
  { name: 'refreshCalendars', run: () => handleRefreshAllCalendars(db) },
  { name: 'purgeExpiredTokens', run: () => handlePurgeExpiredTokens(db) },
  { name: 'subscriberRetention', run: () => handleSubscriberRetention(db) },
  {
    name: 'questionnaireSchedule',
    run: () => handleQuestionnaireSchedule(db, { startMailing: startMailingThroughPipeline(db) }),
  },
  {
    name: 'meetingsTick',
    run: () =>
      handleMeetingsTick({ db, baseUrl: process.env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:5000' }),
  },
];

async function tick() {
  for (const job of schedules) {
    try {
      await job.run();
    } catch (error) {
      console.error(
        `[Zeitplan] ${job.name} fehlgeschlagen:`,
        error instanceof Error ? error.message : error,
      );
    }
  }
}

await tick();
setInterval(() => void tick(), EVERY_MS);
