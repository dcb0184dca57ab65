/** The components the test page can mount by name. Each view's file adds its own. */
import type { Component } from 'svelte';

export const components: Record<string, Component<any>> = {};
