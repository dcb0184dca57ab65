/** The components the test page can mount by name, gathered from each view's registry. */
import type { Component } from 'svelte';
import { captureComponents } from './components/capture';
import { clientLoopComponents } from './components/client-loop';
import { clientComponents } from './components/client';
import { practiceComponents } from './components/practice';
import { reviewComponents } from './components/review';
import { rosterComponents } from './components/roster';
import { todayComponents } from './components/today';

export const components: Record<string, Component<any>> = {
  ...rosterComponents,
  ...clientComponents,
  ...reviewComponents,
  ...captureComponents,
  ...todayComponents,
  ...practiceComponents,
  ...clientLoopComponents,
};
