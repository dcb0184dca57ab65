/** The roster: a right-sidebar view with one row per client, riskiest and soonest first. */
import type { WorkspaceLeaf } from 'obsidian';
import type { Diagnostic } from '../../core/types';
import { todayActions } from '../../app/today';
import { rosterActions } from '../../app/view-actions';
import Roster from '../../ui/roster/Roster.svelte';
import TodayPanel from '../../ui/today/TodayPanel.svelte';
import { ICON, VIEW_ROSTER, type Host } from '../host';
import { createClientNote, insertSessionTemplate, openDiagnostic, runSetUp } from '../first-run';
import { SvelteItemView, type ViewPart, viewPart } from './svelte-view';

export class RosterView extends SvelteItemView {
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

  protected parts(): ViewPart[] {
    const host = this.host;
    return [
      viewPart({
        component: TodayPanel,
        cls: 'ft-part-today',
        props: {
          model: host.models.today(),
          actions: todayActions(host.actions, host.nav, navigator.clipboard, host.index),
          formatDate: host.formatDate,
          collapsible: true,
          open: host.todayOpen,
          onToggle: (open: boolean) => (host.todayOpen = open),
        },
      }),
      viewPart({
        component: Roster,
        cls: 'ft-part-roster',
        props: {
          model: host.models.roster(),
          actions: {
            ...rosterActions(host.nav, (f) => (host.rosterFilter = f)),
            setUp: () => runSetUp(host),
            createClientNote: () => void createClientNote(host),
            insertSessionTemplate: () => void insertSessionTemplate(host),
            openDiagnostic: (d: Diagnostic) => openDiagnostic(host, d),
          },
          formatDate: host.formatDate,
          initialFilter: host.rosterFilter ?? undefined,
          // The start-up read's progress ("Reading notes… 1,200 of 4,800"), null once done.
          indexing: host.indexer.progress,
        },
      }),
    ];
  }
}
