// A message for the next page ("Der Akteur wurde angelegt."), shown once after a save navigated
// there; the page takes it when it starts.
let pending = $state('');

export function flash(message: string): void {
  pending = message;
}

export function takeFlash(): string {
  const message = pending;
  pending = '';
  return message;
}
