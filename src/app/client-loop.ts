/**
 * The client-loop modals' models and actions: the recap, "Progress so far", the client's reply
 * read as check-ins, and the client's calendar file. Check-ins are written as one multi-note edit
 * through the guarded applier (all or nothing, undoable); the calendar file is written only over
 * an earlier export of ours, and the file it replaces is what SEQUENCE is counted from.
 */
import { plural } from '../core/words';
import type { Agreement } from '../core/agreements/parse';
import { clientCalendar, buildClientCalendar } from '../core/calendar/client-ics';
import { isOurCalendar } from '../core/calendar/ics';
import type { CalendarSettings } from '../core/calendar/settings';
import { numberCommitments, type NumberedCommitment } from '../core/client-loop/numbering';
import { progressText } from '../core/client-loop/progress';
import { recapMessage } from '../core/client-loop/recap';
import { readReply } from '../core/client-loop/reply';
import { checkInChanges, type CheckInToWrite } from '../core/client-loop/write';
import type { VaultIndex } from '../core/index/vault-index';
import { nudgeLinks } from '../core/nudges/links';
import type { NudgeSettings } from '../core/nudges/settings';
import type { Client, IsoDate } from '../core/types';
import type { ActionResult } from '../ui/contracts';
import type {
  ClientCalendarActions,
  ClientCalendarModel,
  ClientMessageActions,
  ClientMessageModel,
  NumberedLine,
  ReplyActions,
  ReplyModel,
  ReplyPreview,
  SendChannel,
} from '../ui/client-loop/contracts';
import type { Applier } from './applier';

export interface ClientLoopContext {
  index: VaultIndex;
  applier: Pick<Applier, 'read' | 'applyChanges'>;
  today: () => IsoDate;
  nudges?: Partial<NudgeSettings>;
  calendar?: Partial<CalendarSettings>;
  agreements?: () => readonly Agreement[];
  clipboard: { writeText(text: string): Promise<void> };
}

const lines = (numbered: readonly NumberedCommitment[]): NumberedLine[] => numbered.map((x) => ({ n: x.n, text: x.commitment.text, due: x.commitment.due }));

function clientOf(ctx: ClientLoopContext, name: string): Client | null {
  return ctx.index.client(name);
}

/** Reads the notes the check-ins go in and writes them as one guarded, undoable edit. */
async function writeCheckIns(ctx: ClientLoopContext, items: readonly CheckInToWrite[], date: IsoDate, summary: string): Promise<ActionResult> {
  const texts = new Map<string, string | null>();
  for (const path of new Set(items.map((i) => i.commitment.session))) {
    try {
      texts.set(path, await ctx.applier.read(path));
    } catch {
      texts.set(path, null);
    }
  }
  const r = await ctx.applier.applyChanges(checkInChanges(texts, items, date, ctx.index.settings, summary));
  if (r.ok) for (const path of r.changed) {
    try {
      const text = await ctx.applier.read(path);
      if (text !== null) ctx.index.setNote(path, text);
    } catch {
      // written; Obsidian's metadata cache reads it again a moment later
    }
  }
  return r.ok ? { ok: true, summary: r.summary } : { ok: false, reason: r.reason };
}

// ---- recap and progress -----------------------------------------------------------------------------

export function buildRecapModel(ctx: ClientLoopContext, name: string, asOf: IsoDate = ctx.today()): ClientMessageModel | null {
  const client = clientOf(ctx, name);
  if (!client) return null;
  const m = recapMessage(ctx.index, client, asOf, { nudges: ctx.nudges, agreements: ctx.agreements?.() ?? [] });
  return { client: client.name, asOf, kind: 'recap', subject: m.subject, body: m.body, contact: m.contact, links: m.links, numbered: lines(m.numbered) };
}

/**
 * "Mark sent" on a recap: a `nudged` check-in of kind confirm (`confirm nudge (sms)`) under each
 * commitment it numbered, the day-0 step of the cadence, so the Today panel's confirm drops off.
 */
export function recapActions(ctx: ClientLoopContext, name: string, asOf: IsoDate = ctx.today()): ClientMessageActions {
  return {
    copy: (text) => ctx.clipboard.writeText(text),
    markSent: async (channel: SendChannel) => {
      const client = clientOf(ctx, name);
      if (!client) return { ok: false, reason: `${name} is no longer a client in the vault; nothing was logged.` };
      const numbered = numberCommitments(ctx.index, client, asOf);
      if (numbered.length === 0) return { ok: false, reason: `The recap for ${client.name} covers no commitments; nothing was logged.` };
      const items = numbered.map((x) => ({ commitment: x.commitment, status: 'nudged' as const, note: `confirm nudge (${channel})` }));
      return writeCheckIns(ctx, items, ctx.today(), `Recap to ${client.name} logged under ${plural(numbered.length, 'commitment')}.`);
    },
  };
}

export function buildProgressModel(ctx: ClientLoopContext, name: string, asOf: IsoDate = ctx.today()): ClientMessageModel | null {
  const client = clientOf(ctx, name);
  if (!client) return null;
  const p = progressText(ctx.index, client, asOf);
  return { client: client.name, asOf, kind: 'progress', subject: p.subject, body: p.body, contact: client.contact, links: nudgeLinks(client.contact, p.subject, p.body), numbered: [] };
}

export function progressActions(ctx: ClientLoopContext): ClientMessageActions {
  return { copy: (text) => ctx.clipboard.writeText(text) };
}

// ---- the reply ---------------------------------------------------------------------------------------

export function buildReplyModel(ctx: ClientLoopContext, name: string, asOf: IsoDate = ctx.today()): ReplyModel | null {
  const client = clientOf(ctx, name);
  if (!client) return null;
  return { client: client.name, asOf, today: ctx.today(), numbered: lines(numberCommitments(ctx.index, client, asOf)) };
}

export function replyActions(ctx: ClientLoopContext, name: string): ReplyActions {
  const numbered = (asOf: IsoDate) => {
    const client = clientOf(ctx, name);
    return client ? numberCommitments(ctx.index, client, asOf) : [];
  };
  const read = (reply: string, asOf: IsoDate): ReplyPreview => {
    const r = readReply(reply, numbered(asOf), asOf);
    return {
      checkIns: r.checkIns.map((k) => ({ n: k.n, text: k.commitment.text, status: k.status, note: k.note })),
      unplaced: r.unplaced,
      problems: r.problems,
    };
  };
  return {
    read,
    numbers: (asOf) => lines(numbered(asOf)),
    write: async (reply, asOf, date) => {
      const r = readReply(reply, numbered(asOf), asOf);
      if (r.problems.length > 0) return { ok: false, reason: `${r.problems.join(' ')} Nothing was written.` };
      if (r.checkIns.length === 0) return { ok: false, reason: 'Nothing in the reply reads as a check-in; nothing was written.' };
      const items = r.checkIns.map((k) => ({ commitment: k.commitment, status: k.status, note: k.note }));
      return writeCheckIns(ctx, items, date, `Logged ${plural(items.length, 'check-in')} from ${name}'s reply.`);
    },
  };
}

// ---- the calendar file -------------------------------------------------------------------------------

/** Where a client's calendar file goes: beside the coach's calendar file, `Client calendars/<name>.ics`. */
export function clientCalendarPath(calendar: Partial<CalendarSettings> | undefined, client: string): string {
  const base = calendar?.vaultPath ?? 'Follow Through.ics';
  const folder = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  const safe = client.replace(/[\\/:*?"<>|#^[\]]+/g, ' ').replace(/\s+/g, ' ').trim() || 'client';
  return `${folder}Client calendars/${safe}.ics`;
}

export interface CalendarFiles {
  read(path: string): Promise<string | null>;
  write(path: string, text: string): Promise<void>;
}

export async function buildClientCalendarModel(ctx: ClientLoopContext, files: CalendarFiles, name: string, asOf: IsoDate = ctx.today()): Promise<ClientCalendarModel | null> {
  const client = clientOf(ctx, name);
  if (!client) return null;
  const path = clientCalendarPath(ctx.calendar, client.name);
  let previous: string | null = null;
  try {
    previous = await files.read(path);
  } catch {
    previous = null;
  }
  const options = { settings: ctx.calendar, nudges: ctx.nudges, previous: previous !== null && isOurCalendar(previous) ? previous : null };
  const data = clientCalendar(ctx.index, client, asOf, options);
  return {
    client: client.name,
    asOf,
    path,
    text: buildClientCalendar(ctx.index, client, asOf, options),
    description: data.description,
    reminders: data.reminders,
    events: data.events.map((e) => ({ uid: e.uid, date: e.date, summary: e.summary, status: e.status, sequence: e.sequence, reminders: e.alarms.length })),
    contact: client.contact,
  };
}

export function clientCalendarActions(ctx: ClientLoopContext, files: CalendarFiles, model: ClientCalendarModel): ClientCalendarActions {
  return {
    copy: (text) => ctx.clipboard.writeText(text),
    save: async () => {
      let existing: string | null;
      try {
        existing = await files.read(model.path);
      } catch (e) {
        return { ok: false, reason: `${model.path} could not be read (${(e as Error).message}); nothing was written.` };
      }
      if (existing !== null && !isOurCalendar(existing)) {
        return { ok: false, reason: `${model.path} exists and is not a calendar Follow Through wrote; nothing was written. Move it or delete it first.` };
      }
      try {
        await files.write(model.path, model.text);
      } catch (e) {
        return { ok: false, reason: `${model.path} could not be written (${(e as Error).message}).` };
      }
      const n = model.events.filter((e) => e.status !== 'CANCELLED').length;
      return { ok: true, summary: `Saved ${model.client}'s calendar (${plural(n, 'event')}) to ${model.path}. Send it to them; importing a newer file updates the same events.` };
    },
  };
}
