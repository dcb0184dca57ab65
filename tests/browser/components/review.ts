/** Components the review view's browser tests mount by name. */
import type { Component } from 'svelte';
import ReviewQueue from '../../../src/ui/review/ReviewQueue.svelte';

export const reviewComponents: Record<string, Component<any>> = { ReviewQueue };
