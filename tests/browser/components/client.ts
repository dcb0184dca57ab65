/** Components the client view's browser tests mount by name. */
import type { Component } from 'svelte';

export const clientComponents: Record<string, Component<any>> = {};
