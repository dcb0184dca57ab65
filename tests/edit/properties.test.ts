/**
 * Property tests over generated notes and random edit sequences: every edit either refuses (and
 * only for a reason the commitment's state gives) or changes exactly the lines it means to, leaves
 * every other byte alone, and the edited commitment re-parses to the intended values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capture } from '../../src/core/edit/capture';
import { modify, recommit } from '../../src/core/edit/carry';
import { checkIn } from '../../src/core/edit/check-in';
import { releaseAccountability } from '../../src/core/edit/frontmatter-edit';
import { letGo } from '../../src/core/edit/let-go';
import { splitNote } from '../../src/core/edit/text';
import type { EditTarget } from '../../src/core/edit/types';
import { parseNote } from '../../src/core/parse/note';
import { readFrontmatter } from '../../src/core/parse/frontmatter';
import type { CheckInStatus, ParsedCommitment } from '../../src/core/types';
import { clientNote, sessionNote, TODAY, typed } from './arbitraries';
import { commitmentText, fieldValue } from '../../src/core/edit/line-fields';
import { expectOnlyChanged, seeded } from './helpers';

const A = 'Sessions/2026-11-20 Jane Doe.md';
const B = 'Sessions/2026-12-04 Jane Doe.md';
const RUNS = Number(process.env.FT_PROPERTY_RUNS ?? 200);
/** Generous for stress runs (FT_PROPERTY_RUNS=5000 npx vitest run tests/edit/properties.test.ts). */
const TIMEOUT = Math.max(30_000, RUNS * 40);

function parsed(path: string, text: string): ParsedCommitment[] {
  return parseNote(path, text).commitments;
}

function targetOf(path: string, c: ParsedCommitment): EditTarget {
  return { path, line: c.line, expectedText: c.raw, id: c.id };
}

/** What a commitment reads as, apart from where it is. */
function reading(c: ParsedCommitment): unknown {
  return [c.raw, c.id, c.text, c.owner, c.kind, c.status, c.due, c.doneDate, c.letGoDate, c.trigger, c.coping, c.confidence, c.from, c.checkIns.map((k) => [k.date, k.status, k.note]), c.learned.map((l) => [l.date, l.text]), c.notes];
}

function expectOthersSame(before: ParsedCommitment[], after: ParsedCommitment[], skipBefore: number[], skipAfter: number[]): void {
  expect(after.filter((c) => !skipAfter.includes(c.line)).map(reading)).toEqual(before.filter((c) => !skipBefore.includes(c.line)).map(reading));
}

/** The 1-based line of `before` that the edit rewrote in place, if it did. */
function modifiedLine(before: string, after: string, line: number): number[] {
  return splitNote(before).lines[line - 1] === splitNote(after).lines[line - 1] ? [] : [line];
}

const CLOSED = new Set(['done', 'let-go', 'recommitted']);

type Op =
  | { kind: 'checkIn'; pick: number; onB: boolean; status: CheckInStatus; note: string | null; learned: string | null }
  | { kind: 'letGo'; pick: number; onB: boolean; reason: string | null; learned: string | null }
  | { kind: 'captureAll'; onB: boolean }
  | { kind: 'captureOne'; pick: number; onB: boolean; due: string | null; confidence: number | null; trigger: string | null; kind2: 'process' | 'outcome' | null }
  | { kind: 'recommit'; pick: number; onB: boolean; same: boolean; due: string }
  | { kind: 'modify'; pick: number; onB: boolean; same: boolean; due: string; text: string; trigger: string | null };

const pick = fc.nat(100);
const onB = fc.boolean();
const due = fc.integer({ min: 2, max: 20 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);
const opt = fc.option(typed, { nil: null });
/** What a typed value reads back as: one line, brackets outside [[links]] as parentheses. */
const v = (x: string | null) => (x === null ? null : fieldValue(x) || null);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('checkIn' as const), pick, onB, status: fc.constantFrom<CheckInStatus>('done', 'partial', 'stuck', 'skipped', 'nudged'), note: opt, learned: opt }),
  fc.record({ kind: fc.constant('letGo' as const), pick, onB, reason: opt, learned: opt }),
  fc.record({ kind: fc.constant('captureAll' as const), onB }),
  fc.record({
    kind: fc.constant('captureOne' as const),
    pick,
    onB,
    due: fc.option(due, { nil: null }),
    confidence: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    trigger: opt,
    kind2: fc.constantFrom(null, 'process' as const, 'outcome' as const),
  }),
  fc.record({ kind: fc.constant('recommit' as const), pick, onB, same: fc.boolean(), due }),
  fc.record({ kind: fc.constant('modify' as const), pick, onB, same: fc.boolean(), due, text: typed, trigger: opt }),
);

/** Applies one op to the two notes, checking everything; returns the notes after it. */
function step(notes: Record<string, string>, o: Op, random: () => number): Record<string, string> {
  const path = o.onB ? B : A;
  const text = notes[path];
  const before = parsed(path, text);
  if (o.kind === 'captureAll') {
    const r = capture(text, path, { random, defaultDue: '2026-12-02' });
    if (!r.ok) throw new Error(r.reason);
    const after = parsed(path, r.text);
    const captured = before.filter((c) => !c.hasCheckbox || c.id === null).map((c) => c.line);
    expectOnlyChanged(text, r.text, r.changedLines, captured);
    expect(r.changedLines).toEqual(captured);
    expectOthersSame(before, after, captured, captured);
    for (const line of captured) {
      const was = before.find((c) => c.line === line)!;
      const now = after.find((c) => c.line === line)!;
      expect([now.hasCheckbox, now.text, now.checkbox, now.status, now.due ?? 'none']).toEqual([
        true,
        was.text,
        was.checkbox,
        was.status,
        was.due ?? (['open', 'partial', 'stuck'].includes(was.checkbox) ? '2026-12-02' : 'none'),
      ]);
      expect(now.id).not.toBeNull();
    }
    const ids = after.map((c) => c.id).filter((x) => x !== null);
    expect(new Set(ids.map((x) => x!.toLowerCase())).size).toBe(ids.length - (before.filter((c) => c.id).length - new Set(before.filter((c) => c.id).map((c) => c.id!.toLowerCase())).size));
    // Idempotent.
    const again = capture(r.text, path, { random, defaultDue: '2026-12-02' });
    expect(again.ok && again.text).toBe(r.text);
    return { ...notes, [path]: r.text };
  }
  if (before.length === 0) return notes;
  const c = before[o.pick % before.length];
  const t = targetOf(path, c);
  const closed = CLOSED.has(c.checkbox);

  if (o.kind === 'checkIn' || o.kind === 'letGo') {
    const r =
      o.kind === 'checkIn'
        ? checkIn(text, t, { status: o.status, today: TODAY, note: o.note, learned: o.learned })
        : letGo(text, t, { today: TODAY, reason: o.reason, learned: o.learned });
    if (closed) {
      expect(r.ok).toBe(false);
      return notes;
    }
    // The same check-in logged again (same day, status and note) is refused and changes nothing.
    if (o.kind === 'checkIn' && c.checkIns.some((k) => k.date === TODAY && k.status === o.status && k.note === v(o.note))) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain('already has this check-in');
      return notes;
    }
    if (!r.ok) throw new Error(r.reason);
    const inserted = o.kind === 'checkIn' ? 1 + (v(o.learned) ? 1 : 0) : (v(o.reason) ? 1 : 0) + (v(o.learned) ? 1 : 0);
    const mod = modifiedLine(text, r.text, c.line);
    expectOnlyChanged(text, r.text, r.changedLines, mod);
    expect(r.changedLines).toEqual([...mod, ...Array.from({ length: inserted }, (_, i) => c.endLine + 1 + i)]);
    const after = parsed(path, r.text);
    const now = after.find((x) => x.line === c.line)!;
    expect(now.id).toBe(c.id);
    expect(now.text).toBe(c.text);
    if (o.kind === 'checkIn') {
      const k = now.checkIns[now.checkIns.length - 1];
      expect([k.date, k.status, k.note]).toEqual([TODAY, o.status, v(o.note)]);
      if (o.status === 'done') expect([now.status, now.doneDate]).toEqual(['done', TODAY]);
      else if (o.status === 'nudged') expect(now.status).toBe(c.status);
      else expect(now.status).toBe(o.status);
    } else {
      expect([now.status, now.letGoDate]).toEqual(['let-go', TODAY]);
      if (v(o.reason)) expect(now.notes).toContain(`${TODAY} let go: ${v(o.reason)}`);
    }
    if (v(o.learned)) expect(now.learned[now.learned.length - 1].text).toBe(v(o.learned));
    expectOthersSame(before, after, [c.line], [c.line]);
    return { ...notes, [path]: r.text };
  }

  if (o.kind === 'captureOne') {
    const fields = {
      ...(o.due ? { due: o.due } : {}),
      ...(o.confidence ? { confidence: o.confidence } : {}),
      ...(o.trigger ? { trigger: o.trigger } : {}),
      ...(o.kind2 ? { kind: o.kind2 } : {}),
    };
    const items = [{ target: t, fields }];
    const r = capture(text, path, { items, random, defaultDue: '2026-12-02' });
    if (!r.ok) throw new Error(r.reason);
    expectOnlyChanged(text, r.text, r.changedLines, modifiedLine(text, r.text, c.line));
    const after = parsed(path, r.text);
    const now = after.find((x) => x.line === c.line)!;
    expect([now.hasCheckbox, now.text, now.checkbox]).toEqual([true, c.text, c.checkbox]);
    expect(now.id).not.toBeNull();
    if (o.due) expect(now.due).toBe(o.due);
    if (o.confidence) expect(now.confidence).toBe(o.confidence);
    if (v(o.trigger)) expect(now.trigger).toBe(v(o.trigger));
    if (o.kind2) expect(now.kind).toBe(o.kind2);
    expectOthersSame(before, after, [c.line], [c.line]);
    const again = capture(r.text, path, { items, random, defaultDue: '2026-12-02' });
    expect(again.ok && again.text).toBe(r.text);
    return { ...notes, [path]: r.text };
  }

  // recommit / modify
  const destPath = o.same ? path : o.onB ? A : B;
  const into = { path: destPath, text: notes[destPath], isNew: false, defaultDue: '2026-12-16' };
  const r =
    o.kind === 'recommit'
      ? recommit(text, t, into, { today: TODAY, due: o.due, random })
      : modify(text, t, into, { today: TODAY, due: o.due, text: o.text, trigger: o.trigger, random });
  if (closed) {
    expect(r.ok).toBe(false);
    return notes;
  }
  if (o.kind === 'modify' && commitmentText(o.text).replace(/^coach[ \t]*:[ \t]*/i, '') === '') {
    expect(!r.ok && r.reason).toMatch(/text is empty/);
    return notes;
  }
  if (!r.ok) {
    if (o.kind === 'modify' && /changes nothing/.test(r.reason)) return notes;
    throw new Error(r.reason);
  }
  const out = { ...notes };
  for (const ch of r.changes) {
    expect(ch.before).toBe(notes[ch.path]);
    out[ch.path] = ch.after;
  }
  const destBefore = parsed(destPath, notes[destPath]);
  const destAfter = parsed(destPath, out[destPath]);
  const fresh = destAfter.filter((x) => x.from !== null && !destBefore.some((y) => y.id === x.id));
  expect(fresh).toHaveLength(1);
  const n = fresh[0];
  const oldAfter = parsed(path, out[path]).find((x) => x.id !== null && x.id === n.from)!;
  expect(oldAfter.status).toBe('recommitted');
  expect(oldAfter.text).toBe(c.text);
  if (c.id !== null) expect(oldAfter.id).toBe(c.id);
  const coachPrefix = o.kind === 'modify' && /^coach[ \t]*:/i.test(commitmentText(o.text));
  const newText = o.kind === 'modify' ? commitmentText(o.text).replace(/^coach[ \t]*:[ \t]*/i, '') : c.text;
  expect([n.status, n.due, n.text, n.owner]).toEqual(['open', o.due, newText, coachPrefix ? 'coach' : c.owner]);
  if (o.kind === 'modify') expect(n.trigger).toBe(v(o.trigger));
  else expect(n.trigger).toBe(v(c.trigger));

  if (o.same) {
    expect(r.changes).toHaveLength(1);
    const ch = r.changes[0];
    const oldLine = oldAfter.line;
    expect(ch.changedLines.sort((x, y) => x - y)).toEqual([oldLine, n.line].sort((x, y) => x - y));
    expectOnlyChanged(text, ch.after, ch.changedLines, [c.line]);
    expectOthersSame(before, destAfter, [c.line], [oldLine, n.line]);
  } else {
    // Destination first, then the source (the applier's safe order).
    const [dest, src] = r.changes;
    expect([dest.path, src.path]).toEqual([destPath, path]);
    expectOnlyChanged(text, src.after, src.changedLines, [c.line]);
    expect(src.changedLines).toEqual([c.line]);
    expectOnlyChanged(notes[destPath], dest.after, dest.changedLines, []);
    expect(dest.changedLines).toContain(n.line);
    expectOthersSame(before, parsed(path, src.after), [c.line], [c.line]);
    expectOthersSame(destBefore, destAfter, [], [n.line]);
  }
  return out;
}

describe('edit properties', () => {
  it('a single edit of a generated note changes only the intended lines and reads back as intended', () => {
    fc.assert(
      fc.property(sessionNote, sessionNote, op, fc.integer(), (a, b, o, seed) => {
        step({ [A]: a, [B]: b }, o, seeded(seed));
      }),
      { numRuns: RUNS * 3 },
    );
  }, TIMEOUT);

  it('random sequences of edits keep every invariant at every step', () => {
    fc.assert(
      fc.property(sessionNote, sessionNote, fc.array(op, { minLength: 2, maxLength: 12 }), fc.integer(), (a, b, ops, seed) => {
        const random = seeded(seed);
        let notes: Record<string, string> = { [A]: a, [B]: b };
        for (const o of ops) notes = step(notes, o, random);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('capture is idempotent on any generated note', () => {
    fc.assert(
      fc.property(sessionNote, fc.integer(), (a, seed) => {
        const once = capture(a, A, { random: seeded(seed), defaultDue: '2026-12-02' });
        if (!once.ok) throw new Error(once.reason);
        const twice = capture(once.text, A, { random: seeded(seed + 1), defaultDue: '2026-12-02' });
        expect(twice).toMatchObject({ ok: true, text: once.text, changedLines: [] });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('release accountability changes one frontmatter line and keeps every other key', () => {
    fc.assert(
      fc.property(clientNote, fc.constantFrom('2027-01-05', '2027-02-28'), (text, until) => {
        const r = releaseAccountability(text, 'Clients/X.md', until);
        if (!r.ok) throw new Error(r.reason);
        const had = /\npaused_until:/.test(text);
        const pausedLine = splitNote(text).lines.findIndex((l) => l.startsWith('paused_until:')) + 1;
        expectOnlyChanged(text, r.text, r.changedLines, had ? [pausedLine] : []);
        expect(r.changedLines).toHaveLength(1);
        const client = parseNote('Clients/X.md', r.text).client!;
        expect(client.pausedUntil).toBe(until);
        const data = (t: string) => {
          const d = { ...readFrontmatter(splitNote(t).lines)!.data };
          delete d.paused_until;
          return d;
        };
        expect(data(r.text)).toEqual(data(text));
        const back = releaseAccountability(r.text, 'Clients/X.md', null);
        expect(back.ok && parseNote('Clients/X.md', back.text).client!.pausedUntil).toBeNull();
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
