/** Components the capture view's browser tests mount by name. */
import type { Component } from 'svelte';

export const captureComponents: Record<string, Component<any>> = {};
