/** Components the practice view's browser tests mount by name. */
import type { Component } from 'svelte';
import PracticeView from '../../../src/ui/practice/PracticeView.svelte';
import Sparkline from '../../../src/ui/practice/Sparkline.svelte';

export const practiceComponents: Record<string, Component<any>> = { PracticeView, Sparkline };
