/**
 * The client-loop components the browser tests mount, and a small world for them in the page: the
 * demo vault in memory behind the real EditApplier (process = atomic read-modify-write), the real
 * index and the app's client-loop models and actions, a recording clipboard and .ics files kept
 * in memory. Exposed as `window.ftLoop`.
 */
import { flushSync, mount, unmount, type Component } from 'svelte';
import demoVault from 'virtual:demo-vault';
import { EditApplier, type EditVault } from '../../../src/app/applier';
import {
  buildClientCalendarModel,
  buildProgressModel,
  buildRecapModel,
  buildReplyModel,
  clientCalendarActions,
  progressActions,
  recapActions,
  replyActions,
  type CalendarFiles,
  type ClientLoopContext,
} from '../../../src/app/client-loop';
import { agreementsFrom } from '../../../src/core/agreements/store';
import { VaultIndex } from '../../../src/core/index/vault-index';
import CalendarPanel from '../../../src/ui/client-loop/CalendarPanel.svelte';
import ClientLoopActions from '../../../src/ui/client-loop/ClientLoopActions.svelte';
import MessagePanel from '../../../src/ui/client-loop/MessagePanel.svelte';
import ReplyPanel from '../../../src/ui/client-loop/ReplyPanel.svelte';

export const clientLoopComponents: Record<string, Component<any>> = { MessagePanel, ReplyPanel, CalendarPanel, ClientLoopActions };

const TODAY = '2026-12-01';

class Memory implements EditVault<{ path: string }> {
  readonly texts = new Map<string, string>();
  readonly notices: string[] = [];
  constructor(notes: Record<string, string>) {
    for (const [p, t] of Object.entries(notes)) this.texts.set(p, t);
  }
  getFileByPath(path: string) {
    return this.texts.has(path) ? { path } : null;
  }
  async read(f: { path: string }) {
    return this.texts.get(f.path)!;
  }
  async process(f: { path: string }, fn: (data: string) => string) {
    const after = fn(this.texts.get(f.path)!);
    this.texts.set(f.path, after);
    return after;
  }
  async create(path: string, data: string) {
    this.texts.set(path, data);
    return { path };
  }
  async delete(f: { path: string }) {
    this.texts.delete(f.path);
  }
  notice(message: string) {
    this.notices.push(message);
  }
}

interface World {
  vault: Memory;
  ctx: ClientLoopContext;
  files: Map<string, string>;
  copied: string[];
  /** Copies fail (the clipboard refuses) while set. */
  refuseCopies: boolean;
  mounted: Record<string, unknown>[];
}
let world: World | null = null;

function w(): World {
  if (!world) throw new Error('call ftLoop.start() first');
  return world;
}

function part(component: Component<any>, props: Record<string, unknown>, width?: number): void {
  const host = document.createElement('div');
  if (width) host.style.width = `${width}px`;
  host.className = 'ft-loop-part';
  document.getElementById('root')!.appendChild(host);
  w().mounted.push(mount(component, { target: host, props }) as Record<string, unknown>);
  flushSync();
}

const memoryFiles = (): CalendarFiles => ({
  read: async (path) => w().files.get(path) ?? null,
  write: async (path, text) => void w().files.set(path, text),
});

const loop = {
  TODAY,
  async start(notes: Record<string, string> = {}): Promise<void> {
    if (world) for (const m of world.mounted) await unmount(m);
    document.getElementById('root')!.replaceChildren();
    const all = { ...(demoVault as Record<string, string>), ...notes };
    const index = new VaultIndex();
    index.setNotes(Object.entries(all));
    const vault = new Memory(all);
    const copied: string[] = [];
    const agreements = agreementsFrom(Object.entries(all));
    world = {
      vault,
      files: new Map(),
      copied,
      refuseCopies: false,
      mounted: [],
      ctx: {
        index,
        applier: new EditApplier(vault),
        today: () => TODAY,
        agreements: () => agreements,
        clipboard: {
          writeText: async (t: string) => {
            if (world!.refuseCopies) throw new Error('Write permission denied.');
            copied.push(t);
          },
        },
      },
    };
  },
  mountRecap(client: string, width?: number): void {
    const model = buildRecapModel(w().ctx, client)!;
    part(MessagePanel, { model, actions: recapActions(w().ctx, model.client, model.asOf) }, width);
  },
  mountProgress(client: string): void {
    part(MessagePanel, { model: buildProgressModel(w().ctx, client)!, actions: progressActions(w().ctx) });
  },
  mountReply(client: string, width?: number): void {
    const model = buildReplyModel(w().ctx, client)!;
    part(ReplyPanel, { model, actions: replyActions(w().ctx, model.client) }, width);
  },
  async mountCalendar(client: string): Promise<void> {
    const files = memoryFiles();
    const model = (await buildClientCalendarModel(w().ctx, files, client))!;
    part(CalendarPanel, { model, actions: clientCalendarActions(w().ctx, files, model) });
  },
  mountButtons(client: string): void {
    const calls: string[] = [];
    (loop as { buttonCalls?: string[] }).buttonCalls = calls;
    part(ClientLoopActions, { client, actions: { recap: () => calls.push('recap'), reply: () => calls.push('reply'), progress: () => calls.push('progress'), calendar: () => calls.push('calendar') } });
  },
  buttonCalls: [] as string[],
  text: (path: string) => w().vault.texts.get(path) ?? null,
  file: (path: string) => w().files.get(path) ?? null,
  putFile: (path: string, text: string) => void w().files.set(path, text),
  copied: () => [...w().copied],
  refuseCopies: (refuse: boolean) => void (w().refuseCopies = refuse),
};

(window as unknown as { ftLoop: typeof loop }).ftLoop = loop;
