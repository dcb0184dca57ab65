/** Components the client view's browser tests mount by name. */
import type { Component } from 'svelte';
import Brief from '../../../src/ui/client/Brief.svelte';
import ClientView from '../../../src/ui/client/ClientView.svelte';
import CompletionChart from '../../../src/ui/client/CompletionChart.svelte';

export const clientComponents: Record<string, Component<any>> = { Brief, ClientView, CompletionChart };
