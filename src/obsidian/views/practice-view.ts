/** The practice view: coaches side by side, 8-week trends, and a drill-down to each coach's clients. */
import type { WorkspaceLeaf } from 'obsidian';
import { practiceActions, writeReviewNote, type ReviewPeriodKind } from '../../app/practice';
import PracticeView from '../../ui/practice/PracticeView.svelte';
import { ICON, VIEW_PRACTICE, type Host } from '../host';
import { SvelteItemView, type ViewPart, viewPart } from './svelte-view';

/** Writes the review note through the applier (refused if changed meanwhile, undoable), then opens it. */
export async function writeReview(host: Host, period: ReviewPeriodKind) {
  const r = await writeReviewNote(host.index, host.applier, { period, asOf: host.today(), folder: host.settings.reviewsFolder });
  if (r.ok) await host.nav.openNoteAt(r.path, 1);
  return r;
}

export class PracticeLeafView extends SvelteItemView {
  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: Host,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return VIEW_PRACTICE;
  }

  getDisplayText(): string {
    return 'Practice · Follow Through';
  }

  override getIcon(): string {
    return ICON;
  }

  protected parts(): ViewPart[] {
    const host = this.host;
    return [
      viewPart({
        component: PracticeView,
        cls: 'ft-part-practice',
        props: {
          model: host.models.practice(() => ({ thresholds: host.settings.thresholds })),
          actions: practiceActions(host.nav, {
            writeReview: (period) => writeReview(host, period),
            openCoachRoster: (coach) => {
              host.rosterFilter = { coach, signal: null, search: '' };
              void host.nav.openRoster(true);
            },
            drillChanged: (coach) => (host.practiceCoach = coach),
          }),
          formatDate: host.formatDate,
          initialCoach: host.practiceCoach,
        },
      }),
    ];
  }
}
