// Keeps typed but unsaved form input from being lost by accident: leaving the page (link, back
// button, closing the tab) or switching the current network asks first.
import { beforeNavigate } from '$app/navigation';
import { getWorkspace } from './context.ts';

export const DISCARD_QUESTION = 'Sie haben Änderungen, die noch nicht gespeichert sind. Verwerfen?';

/** Call during component initialisation of a form below /verwaltung. */
export function guardUnsaved(isDirty: () => boolean) {
  const workspace = getWorkspace();

  $effect(() => {
    workspace.unsavedChanges = isDirty();
    return () => {
      workspace.unsavedChanges = false;
    };
  });

  beforeNavigate(({ cancel, type, willUnload }) => {
    if (!isDirty()) return;
    // Closing or reloading the tab: cancelling makes the browser ask with its own dialog.
    if (willUnload || type === 'leave') return cancel();
    if (!confirm(DISCARD_QUESTION)) cancel();
  });
}
