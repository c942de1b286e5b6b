// Which of the user's networks the coordinators' area shows, remembered in this browser.

const STORAGE_KEY = 'knotenpunkt.aktuellesNetzwerk';

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode, strict settings): just do not remember
  }
}

export class CurrentNetworkChoice {
  id = $state<string | null>(readStored());

  choose(id: string) {
    this.id = id;
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // see readStored
    }
  }
}
