import { onSchedule } from 'firebase-functions/v2/scheduler';
import { SMTP_URL } from '../config/params.ts';
import { callable } from '../platform/callable.ts';
import { db } from '../platform/firebase.ts';
import {
  handleEraseSubscriber,
  handleImportSubscribers,
  handleResendConfirmation,
  handleUnsubscribeSubscriber,
} from './coordinators.ts';
import { handleSubscriberRetention } from './retention.ts';
import { subscriberDeps } from './wiring.ts';

export const importSubscribers = callable(
  (data, caller) => handleImportSubscribers(data, caller, subscriberDeps()),
  { secrets: [SMTP_URL] },
);
export const resendConfirmation = callable(
  (data, caller) => handleResendConfirmation(data, caller, subscriberDeps()),
  { secrets: [SMTP_URL] },
);
export const unsubscribeSubscriber = callable((data, caller) =>
  handleUnsubscribeSubscriber(data, caller, subscriberDeps()),
);
export const eraseSubscriber = callable((data, caller) =>
  handleEraseSubscriber(data, caller, subscriberDeps()),
);

/** Daily: unconfirmed signups after 30 days, expired tokens, ended rate-limit windows. */
export const subscriberRetention = onSchedule(
  { schedule: 'every day 03:30', timeZone: 'Europe/Berlin' },
  async () => {
    await handleSubscriberRetention(db());
  },
);
