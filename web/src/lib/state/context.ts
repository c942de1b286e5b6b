import { createContext } from 'svelte';
import type { Workspace } from './workspace.svelte.ts';

/** The coordinators' layout provides its Workspace to every page below /verwaltung. */
export const [getWorkspace, setWorkspace] = createContext<Workspace>();
