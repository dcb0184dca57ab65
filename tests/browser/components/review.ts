/** Components the review view's browser tests mount by name. */
import type { Component } from 'svelte';

export const reviewComponents: Record<string, Component<any>> = {};
