/** Components the roster view's browser tests mount by name. */
import type { Component } from 'svelte';

export const rosterComponents: Record<string, Component<any>> = {};
