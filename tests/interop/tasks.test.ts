/**
 * Tasks reads what we write: every line form Follow Through's edits write, read with the Tasks
 * plugin's own regular expressions and deserializer (ported in ./tasks-format.ts, source named
 * there), must show in Tasks the status, block id and dates Follow Through itself reads.
 *
 * The due date on lines where the edit appends inline fields after the date (capture with fields,
 * the carried-forward line of recommit and modify) is checked in tasks-emoji-order.test.ts and
 * tasks-dataview-order.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES, FOLLOW_THROUGH_STATUSES, isNotDone, readAsTasks, statusFor, type TasksView } from './tasks-format';
import { boxOf, writtenLines, type Form, type WrittenLine } from './written-lines';
import { parseNote } from '../../src/core/parse/note';
import { commitmentText, setField, splitItem, writeItem } from '../../src/core/edit/line-fields';
import { modify } from '../../src/core/edit/carry';

const TODAY = '2026-11-28';

function tasks(w: WrittenLine, statuses = DEFAULT_STATUSES): TasksView {
  const t = readAsTasks(w.line, w.convention === 'emoji' ? 'tasksPluginEmoji' : 'dataview', statuses);
  if (t === null) throw new Error(`Tasks does not read this as a task: ${w.line}`);
  return t;
}

describe('the port reads lines as Tasks documents them', () => {
  // Samples from the Tasks docs (docs/Reference/Task Formats/Tasks Emoji Format.md).
  it('reads each emoji date, the block link and the status', () => {
    expect(readAsTasks('- [ ] #task Has a due date 📅 2023-04-16')).toMatchObject({ dueDate: '2023-04-16', description: '#task Has a due date', status: { type: 'TODO' } });
    expect(readAsTasks('- [x] #task Has a done date ✅ 2023-04-17')).toMatchObject({ doneDate: '2023-04-17', status: { type: 'DONE' } });
    expect(readAsTasks('- [-] #task Has a cancelled date ❌ 2023-04-18')).toMatchObject({ cancelledDate: '2023-04-18', status: { type: 'CANCELLED' } });
    expect(readAsTasks('- [ ] Pay rent ⏫ 📅 2023-05-01 ^rent1')).toMatchObject({ dueDate: '2023-05-01', priority: '⏫', blockLink: ' ^rent1', description: 'Pay rent' });
    expect(readAsTasks('Not a task')).toBeNull();
  });

  it('reads fields only from the end of the line: anything unknown after a date hides it', () => {
    const t = readAsTasks('- [ ] Draft the hiring scorecard 📅 2026-11-26 [trigger:: after standup] ^a7kh0t');
    expect(t).toMatchObject({ dueDate: null, blockLink: ' ^a7kh0t', description: 'Draft the hiring scorecard 📅 2026-11-26 [trigger:: after standup]' });
    expect(readAsTasks('- [ ] Draft the hiring scorecard [trigger:: after standup] 📅 2026-11-26 ^a7kh0t')).toMatchObject({ dueDate: '2026-11-26' });
  });

  it('in the Dataview task format, reads [due:: …] and [completion:: …] the same way', () => {
    expect(readAsTasks('- [x] Ship it [due:: 2026-11-26] [completion:: 2026-11-27] ^s1', 'dataview')).toMatchObject({ dueDate: '2026-11-26', doneDate: '2026-11-27', blockLink: ' ^s1' });
  });

  it('counts an unknown status symbol as a not-done TODO, as a fresh Tasks install does', () => {
    expect(statusFor('>')).toMatchObject({ name: 'Unknown', type: 'TODO' });
    expect(isNotDone(statusFor('>').type)).toBe(true);
  });
});

for (const convention of ['emoji', 'dataview'] as const) {
  const lines = writtenLines(convention);
  const byForm = (f: Form) => {
    const w = lines.find((x) => x.form === f);
    if (!w) throw new Error(`no ${f} line`);
    return w;
  };

  describe(`${convention}-style lines our edits write, read by Tasks (${convention === 'emoji' ? 'Tasks Emoji Format' : 'Dataview format'})`, () => {
    it('writes all ten line forms', () => {
      expect(lines.map((w) => w.form)).toEqual([
        'capture',
        'capture with trigger and confidence',
        'check-in done',
        'check-in partial',
        'check-in stuck',
        'recommit: old line',
        'recommit: new line',
        'modify: old line',
        'modify: new line',
        'let go',
      ]);
    });

    it.each(lines.map((w) => [w.form, w] as const))('%s: Tasks reads a task with our checkbox and our block id', (_form, w) => {
      const t = tasks(w);
      expect(t.status.symbol).toBe(boxOf(w.line));
      expect(w.read.id).not.toBeNull();
      expect(t.blockLink).toBe(` ^${w.read.id}`);
      // The commitment text is the start of what Tasks shows as the description.
      expect(t.description.startsWith(w.read.text)).toBe(true);
    });

    it.each(['capture', 'check-in done', 'check-in partial', 'check-in stuck', 'recommit: old line', 'modify: old line', 'let go'] as const)(
      '%s: Tasks shows the due date Follow Through reads',
      (form) => {
        const w = byForm(form);
        expect(w.read.due).not.toBeNull();
        expect(tasks(w).dueDate).toBe(w.read.due);
      },
    );

    it('check-in done: Tasks shows it done, with the done date', () => {
      const t = tasks(byForm('check-in done'));
      expect(t.status.type).toBe('DONE');
      expect(t.doneDate).toBe(TODAY);
    });

    it('let go: Tasks shows it cancelled, with the let-go date', () => {
      const t = tasks(byForm('let go'));
      expect(t.status.type).toBe('CANCELLED');
      expect(t.cancelledDate).toBe(TODAY);
      expect(isNotDone(t.status.type)).toBe(false);
    });

    it('partial: In Progress in Tasks, with or without the custom statuses', () => {
      expect(tasks(byForm('check-in partial')).status.type).toBe('IN_PROGRESS');
      expect(tasks(byForm('check-in partial'), FOLLOW_THROUGH_STATUSES).status).toMatchObject({ name: 'Partial', type: 'IN_PROGRESS' });
    });

    it('recommitted [>] is a not-done TODO in a fresh Tasks, and closed once the README statuses are added', () => {
      for (const form of ['recommit: old line', 'modify: old line'] as const) {
        expect(tasks(byForm(form)).status).toMatchObject({ symbol: '>', type: 'TODO' });
        expect(isNotDone(tasks(byForm(form)).status.type)).toBe(true);
        const withOurs = tasks(byForm(form), FOLLOW_THROUGH_STATUSES).status;
        expect(withOurs).toMatchObject({ name: 'Recommitted', type: 'CANCELLED' });
        expect(isNotDone(withOurs.type)).toBe(false);
      }
    });

    it('stuck [?] is an Unknown TODO in a fresh Tasks, and In Progress (still open) with the README statuses', () => {
      expect(tasks(byForm('check-in stuck')).status).toMatchObject({ symbol: '?', name: 'Unknown', type: 'TODO' });
      const withOurs = tasks(byForm('check-in stuck'), FOLLOW_THROUGH_STATUSES).status;
      expect(withOurs).toMatchObject({ name: 'Stuck', type: 'IN_PROGRESS' });
      expect(isNotDone(withOurs.type)).toBe(true);
    });

    it('the carried-forward lines are open TODOs in Tasks', () => {
      for (const form of ['recommit: new line', 'modify: new line', 'capture', 'capture with trigger and confidence'] as const) {
        expect(tasks(byForm(form)).status).toMatchObject({ symbol: ' ', type: 'TODO' });
      }
    });
  });
}

describe('the words of a Tasks line are what Tasks reads as its description', () => {
  // Lines with every field Tasks' emoji format has (dependencies and recurrence included), from the Tasks docs' forms.
  const lines = [
    '- [ ] Send the deck 🆔 abc123 ⏫ ➕ 2026-11-03 📅 2026-11-10',
    '- [ ] Book the venue ⛔ abc123,def456 🔼 📅 2026-11-12',
    '- [ ] Walk daily 🔁 every day when done ⏳ 2026-11-04',
    '- [ ] Water the plants 🔁 every week on Sunday 🛫 2026-11-01 📅 2026-11-09 ^w1',
    '- [ ] Draft the plan 🆔 dp-1 ⛔ abc123 🔽',
  ];
  const note = ['---', 'type: session', 'client: Jane Doe', 'date: 2026-11-03', '---', '## Commitments', ...lines, ''].join('\n');

  it('keeps none of Tasks’ fields in the commitment’s text, and reads its recurrence', () => {
    const parsed = parseNote('Sessions/2026-11-03 Jane Doe.md', note);
    expect(parsed.commitments.map((c) => c.text)).toEqual(lines.map((l) => readAsTasks(l)!.description));
    expect(parsed.commitments.map((c) => c.recurrence)).toEqual(lines.map((l) => readAsTasks(l)!.recurrenceRule || null));
    expect(parsed.commitments.map((c) => c.due)).toEqual(lines.map((l) => readAsTasks(l)!.dueDate));
  });

  it('a field we add goes before all of Tasks’ fields, so Tasks still reads the id, the dependencies and the recurrence', () => {
    for (const line of lines) {
      const parts = splitItem(line)!;
      setField(parts, 'trigger', 'after standup', 'emoji');
      const written = writeItem(parts);
      const before = readAsTasks(line)!;
      const after = readAsTasks(written)!;
      expect({ id: after.id, dependsOn: after.dependsOn, recurrence: after.recurrenceRule, due: after.dueDate }, written).toEqual({ id: before.id, dependsOn: before.dependsOn, recurrence: before.recurrenceRule, due: before.dueDate });
      expect(after.description, written).toBe(`${before.description} [trigger:: after standup]`);
    }
  });

  it('and what happens once it is done (🏁, Tasks 7), which the port predates, leaves the text too', () => {
    const parsed = parseNote('Sessions/2026-11-03 Jane Doe.md', note.replace('🔽', '🔽 🏁 delete'));
    expect(parsed.commitments[4].text).toBe('Draft the plan');
  });

  it('text a coach types with those signs in it is written so it reads back as itself, so modify is not refused', () => {
    const typed = ['Walk daily 🔁 every day', 'Send the deck 🆔 abc123', 'Book the venue ⛔ abc123', 'Draft the plan 🏁 delete', 'Plan 🔁️ weekly 🆔️ x1'];
    for (const t of typed) {
      const text = commitmentText(t);
      expect(text, t).not.toMatch(/🔁|🆔|⛔|🏁/u);
      expect(parseNote('Sessions/2026-11-03 Jane Doe.md', ['---', 'type: session', 'client: Jane Doe', 'date: 2026-11-03', '---', '## Commitments', `- [ ] ${text}`, ''].join('\n')).commitments[0].text, t).toBe(text);
    }
    const path = 'Sessions/2026-11-03 Jane Doe.md';
    const c = parseNote(path, note).commitments[0];
    const into = { path: 'Sessions/2026-11-17 Jane Doe.md', text: ['---', 'type: session', 'client: Jane Doe', 'date: 2026-11-17', '---', '## Commitments', ''].join('\n'), isNew: false, defaultDue: '2026-11-29' };
    const r = modify(note, { path, line: c.line, expectedText: c.raw, id: c.id }, into, { today: TODAY, text: 'Send the short deck 🆔 abc123', random: () => 0.5 });
    expect(r.ok, r.ok ? '' : r.reason).toBe(true);
  });
});

describe("the README's Tasks status table", () => {
  const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
  const section = readme.slice(readme.indexOf('## With Tasks and Dataview'));
  const rows = [...section.matchAll(/^\| `(.)` \| ([^|]+) \| ([^|]+) \| `([A-Z_]+)`[^|]*\|$/gm)].map((m) => ({
    symbol: m[1],
    name: m[2].trim(),
    nextStatusSymbol: m[3].trim() === '*(space)*' ? ' ' : m[3].trim().replace(/`/g, ''),
    type: m[4],
  }));

  it('is the set of statuses these tests check Tasks with', () => {
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(statusFor(row.symbol, FOLLOW_THROUGH_STATUSES)).toEqual(row);
  });

  it("names the settings as Tasks' settings UI does", () => {
    expect(section).toContain('Settings →\nTasks → Task Statuses → Custom Statuses → **Add New Task Status**');
    expect(section).toContain('| Task Status Symbol | Task Status Name | Task Next Status Symbol | Task Status Type |');
  });
});
