import { PUBLIC_BASE_URL } from '../config/params.ts';
import type { ApiDeps } from '../http/api.ts';
import { db } from '../platform/firebase.ts';
import { promotionMailings } from './mailings.ts';
import type { RsvpApiDeps } from './rsvpApi.ts';

// Production wiring of the meetings' handlers; tests pass their own.
export const meetingMailDeps = () => ({ db: db(), baseUrl: PUBLIC_BASE_URL.value() });

export function rsvpApiDeps(api: ApiDeps): RsvpApiDeps {
  return { db: api.db, settle: { onPromoted: promotionMailings(api.db, api.baseUrl) } };
}
