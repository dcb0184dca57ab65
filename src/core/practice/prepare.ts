/**
 * The practice view's figures worked out ahead, a slice at a time (../index/prepare): each
 * client's gathered data, then each client's point at every trend date, into the view's
 * PracticeCache, so the `practiceFigures` that follows only adds them up. Opening the view on
 * the benchmark's 2,000 clients held the UI for most of a second in one piece before.
 */
import { inSequence, preparation, type Preparation } from '../index/prepare';
import { passFor, type KeyedPass, type VaultIndex } from '../index/vault-index';
import type { IsoDate } from '../types';
import { gather, gatherer, keptClientPoint, practiceKey, type ClientData, type PracticeCache } from './client-point';
import { resolvePracticeOptions, type PracticeOptions } from './figure-types';
import { coachNames, dateCtx, trendDates } from './figures';

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
  let nameOf: (key: string) => string = (key) => key;
  return inSequence(
    index.prepareClients(),
    // After a finished pass, only the clients a change touched are gathered again.
    index.prepareEachClient(pass, (client) => void one(client)),
    // Every client's points, under the coach names the whole practice gives (all gathered by now,
    // so the gather is a look-up per client); a client whose points are kept passes at once.
    preparation<ClientData>(
      () => {
        const data = gather(index, asOf, o, frontmatter, cache);
        nameOf = coachNames(index, data, options).nameOf;
        return data;
      },
      () => index.version,
      (data) => {
        const name = nameOf(data.key);
        for (let at = 0; at < ctxs.length; at++) keptClientPoint(true, data, at, ctxs[at], name, o);
      },
    ),
  );
}
