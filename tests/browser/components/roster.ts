/** Components the roster view's browser tests mount by name. */
import type { Component } from 'svelte';
import Roster from '../../../src/ui/roster/Roster.svelte';

export const rosterComponents: Record<string, Component<any>> = { Roster };
