/** The roster: a right-sidebar view with one row per client, riskiest and soonest first. */
import type { WorkspaceLeaf } from 'obsidian';
import type { Component } from 'svelte';
import { rosterActions } from '../../app/view-actions';
import Roster from '../../ui/roster/Roster.svelte';
import { ICON, VIEW_ROSTER, type Host } from '../host';
import { SvelteItemView } from './svelte-view';

export class RosterView extends SvelteItemView<Record<string, unknown>> {
  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: Host,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return VIEW_ROSTER;
  }

  getDisplayText(): string {
    return 'Follow Through roster';
  }

  override getIcon(): string {
    return ICON;
  }

  protected component(): Component<Record<string, unknown>> {
    return Roster as unknown as Component<Record<string, unknown>>;
  }

  protected props(): Record<string, unknown> {
    return {
      model: this.host.models.roster(),
      actions: rosterActions(this.host.nav, (f) => (this.host.rosterFilter = f)),
      formatDate: this.host.formatDate,
      initialFilter: this.host.rosterFilter ?? undefined,
    };
  }
}
