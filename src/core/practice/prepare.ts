/**
 * The practice view's figures worked out ahead, a slice at a time (../index/prepare): each
 * client's gathered data and its point at every trend date, a client at a time, into the view's
 * PracticeCache, so the `practiceFigures` that follows only adds them up. Opening the view on
 * the benchmark's 2,000 clients held the UI for most of a second in one piece before.
 */
import { notedCoach } from '../analytics/client-analysis';
import { coachOwnName } from '../layout/layout';
import { inSequence, type Preparation } from '../index/prepare';
import { passFor, type KeyedPass, type VaultIndex } from '../index/vault-index';
import type { IsoDate } from '../types';
import { gather, gatherer, keptClientPoint, practiceKey, type ClientData, type PracticeCache } from './client-point';
import { resolvePracticeOptions, type PracticeOptions } from './figure-types';
import { coachNamer, coachNames, dateCtx, trendDates } from './figures';

/** Where the last finished pass over a cache stood, and for what date and options. */
const passes = new WeakMap<PracticeCache, KeyedPass>();

export function preparePractice(index: VaultIndex, asOf: IsoDate, options: PracticeOptions, cache: PracticeCache): Preparation {
  // Frontmatter read by the caller's own function is not kept (see practiceFigures): nothing to work ahead.
  if (options.clientFrontmatter) return index.prepareClients();
  const o = resolvePracticeOptions(options);
  const frontmatter = (path: string) => index.clientFrontmatter(path);
  const one = gatherer(index, asOf, o, frontmatter, cache);
  const pass = passFor(passes, cache, index, practiceKey(index, asOf, o));
  const ctxs = trendDates(asOf, o.weeks).map((date) => dateCtx(date, date === asOf, o));
  const names = new CoachNamesAhead(index, pass, () => coachNames(index, gather(index, asOf, o, frontmatter, cache), options).nameOf);
  return inSequence(
    index.prepareClients(),
    // Each client gathered and its points worked, a client at a time (so the view can count
    // them); after a finished pass, only the clients a change touched.
    index.prepareEachClient(pass, (client) => {
      const data = one(client);
      const name = names.of(data);
      for (let at = 0; at < ctxs.length; at++) keptClientPoint(true, data, at, ctxs[at], name, o);
    }),
  );
}

/**
 * The coach name a client's points are worked out under, as `coachNames` gives it for the whole
 * practice. On a pass over every client, in client order, a client's own name comes from the
 * set-up coach's own spelling or from the clients up to and including it (the sessions' and the
 * options' spellings only name columns no client names first), so the names are built as the
 * pass goes. On a pass over the clients a change touched, from every client's kept data.
 */
class CoachNamesAhead {
  private version = -1;
  private nameOf: ((key: string, spelled?: string | null) => string) | null = null;
  private readonly own: string | null;

  constructor(
    private readonly index: VaultIndex,
    private readonly pass: KeyedPass,
    /** The names from every client's kept data (`coachNames`). */
    private readonly fromAll: () => (key: string, spelled?: string | null) => string,
  ) {
    this.own = coachOwnName(index.settings.layout);
  }

  of(data: ClientData): string {
    if (this.version !== this.index.version || this.nameOf === null) {
      this.version = this.index.version;
      // A pass over every client names as it goes; one over the touched clients, from all kept.
      this.nameOf = this.pass.doneAt === null ? coachNamer(this.index) : this.fromAll();
    }
    return this.nameOf(data.key, notedCoach(data.client, data.latest) ?? this.own);
  }
}
