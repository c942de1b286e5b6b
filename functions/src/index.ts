// Only re-exports: each trigger lives beside its plain handler.
import './config/global.ts';

export { api } from './http/triggers.ts';
export { createNetwork, grantCoordinator, revokeCoordinator } from './networks/triggers.ts';
export { onMeetingWritten, refreshCalendars } from './calendar/triggers.ts';
export {
  cancelMeeting,
  markAttendance,
  meetingsTick,
  onMeetingCapacityChanged,
  previewMeetingMailing,
  sendMeetingMailing,
} from './meetings/triggers.ts';
export { purgeExpiredTokens } from './maintenance/triggers.ts';
export { mailingWorker, onMailingWritten, resumeStalledMailings } from './mailing/triggers.ts';
export {
  directoryActorWritten,
  directoryOfferWritten,
  rebuildDirectory,
  startUpkeepRound,
} from './directory/triggers.ts';
export {
  eraseSubscriber,
  importSubscribers,
  resendConfirmation,
  subscriberRetention,
  unsubscribeSubscriber,
} from './subscribers/triggers.ts';
export {
  correctQuestionnaireTexts,
  inviteToQuestionnaire,
  questionnaireResponseWritten,
  questionnaireSchedule,
  questionnaireTasks,
  questionnaireWritten,
  recountQuestionnaire,
  remindQuestionnaire,
} from './questionnaires/triggers.ts';
