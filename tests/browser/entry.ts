/**
 * The browser test page's script: the real components and the core over the demo vault, exposed
 * as `window.ft` for tests to mount components and click through them.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';
import { get, writable } from 'svelte/store';
import demoVault from 'virtual:demo-vault';
import { VaultIndex } from '../../src/core/index/vault-index';
import { buildCaptureModel, buildClientModel } from '../../src/app/models';
import { milestoneProgress } from '../../src/core/practice/milestones';
import { roster } from '../../src/core/analytics/roster';
import { clientPatterns } from '../../src/core/analytics/patterns';
import { clientBrief } from '../../src/core/analytics/brief';
import { analyseClient } from '../../src/core/analytics/client-analysis';
import { resolveThresholds } from '../../src/core/analytics/thresholds';
import { components } from './components';
import { buildTodayModel } from '../../src/app/today';
import { buildAgreementModel } from '../../src/app/agreements';
import { AgreementIndex } from '../../src/core/agreements/store';
import { nudgeLinks } from '../../src/core/nudges/links';
import { resolveNudgeSettings } from '../../src/core/nudges/settings';
import { practiceFigures } from '../../src/core/practice/figures';
import { buildPracticeModel } from '../../src/app/practice';
import { app } from './app-harness';
import { afterUiTurn } from '../../src/app/ui-turn';
import { setYamlParser } from '../../src/core/parse/yaml';
import { yamlPackageParser } from '../../src/cli/yaml';

setYamlParser(yamlPackageParser);

type Handle = Record<string, unknown>;

const mounted = new Map<number, Handle>();
let nextId = 1;
const calls: { name: string; args: unknown[] }[] = [];

/** The demo vault indexed by the real core; `extra` notes are added to it (or replace a note of the same path). */
function demoIndex(extra: Record<string, string> = {}): VaultIndex {
  const index = new VaultIndex();
  index.setNotes(Object.entries({ ...(demoVault as Record<string, string>), ...extra }));
  return index;
}

const ft = {
  demoVault: demoVault as Record<string, string>,
  /** The app wired over an in-memory copy of the demo vault: real edits, live models (see app-harness.ts). */
  app,
  demoIndex,
  core: { roster, clientPatterns, clientBrief, analyseClient, resolveThresholds },
  /** The app's own view-model builders, so tests render what the plugin would. */
  models: { buildCaptureModel, buildClientModel, milestoneProgress },
  /** The Today panel's and the agreement panel's model builders, and what they need. */
  today: { buildTodayModel, buildAgreementModel, resolveNudgeSettings, nudgeLinks },
  /** The practice view's figures and model builder. */
  practice: { practiceFigures, buildPracticeModel },
  /** The turn the work ahead and the start-up read yield by, to run against the page's real scheduler. */
  afterUiTurn,
  /** The demo vault's agreements, as the adapter keeps them. */
  demoAgreements(): AgreementIndex {
    const store = new AgreementIndex();
    store.setNotes(Object.entries(demoVault as Record<string, string>));
    return store;
  },
  writable,
  get,
  flushSync,
  calls,
  /** An action stub that records its calls and answers like a successful edit. */
  recorder(name: string, result: unknown = { ok: true, summary: `${name} done` }) {
    return (...args: unknown[]) => {
      calls.push({ name, args: JSON.parse(JSON.stringify(args, (_k, v) => (v instanceof HTMLElement ? '<element>' : v))) });
      return Promise.resolve(result);
    };
  },
  /** Mounts a component by name into #root (or a given element); returns a handle id. */
  mount(name: string, props: Record<string, unknown>, target?: HTMLElement): number {
    const component = components[name] as Component<Record<string, unknown>> | undefined;
    if (!component) throw new Error(`no component ${name}; have ${Object.keys(components).join(', ')}`);
    const host = target ?? document.getElementById('root')!;
    const handle = mount(component, { target: host, props }) as Handle;
    flushSync();
    const id = nextId++;
    mounted.set(id, handle);
    return id;
  },
  async unmount(id: number): Promise<void> {
    const handle = mounted.get(id);
    if (!handle) return;
    mounted.delete(id);
    await unmount(handle);
  },
};

(window as unknown as { ft: typeof ft }).ft = ft;
export type Ft = typeof ft;
