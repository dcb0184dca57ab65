/** Components the Today panel's and the agreement panel's browser tests mount by name. */
import type { Component } from 'svelte';
import AgreementPanel from '../../../src/ui/agreements/AgreementPanel.svelte';
import TodayPanel from '../../../src/ui/today/TodayPanel.svelte';

export const todayComponents: Record<string, Component<any>> = { TodayPanel, AgreementPanel };
