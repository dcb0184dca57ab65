/**
 * The drafts' tone: every draft the plugin generates, over the demo vault and the fixtures, on
 * every day of the demo's span, asks a learning-frame question and never judges. The client's own
 * words are quoted as they wrote them (they may say "never"), so the scan looks at everything
 * around them: the words the plugin chose.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates';
import type { VaultIndex } from '../../src/core/index/vault-index';
import { nudgeDraft, templateValues } from '../../src/core/nudges/drafts';
import { NUDGE_KINDS, resolveNudgeSettings, type NudgeSettings } from '../../src/core/nudges/settings';
import { asksToLearn, judgementWords, templateProblems } from '../../src/core/nudges/template';
import { nudgeMessages, nudgesDue, type NudgeItem } from '../../src/core/nudges/today';
import { clientNote, demoIndex, indexOf, sessionNote, vault } from './helpers';

/** Every level gets every step, so every live commitment yields drafts. */
const EVERYTHING: NudgeSettings = resolveNudgeSettings({
  levels: { 'self-directed': [...NUDGE_KINDS], 'check-in': [...NUDGE_KINDS], active: [...NUDGE_KINDS], consequences: [...NUDGE_KINDS] },
});
const DEFAULTS = resolveNudgeSettings();

/** The words a forbidden-word scan must not find in what the plugin wrote. */
const SHAMING = /\b(?:fail|failed|failing|failure|lazy|should|shouldn't|never|disappoint\w*|again\??|excuses?|why didn['’]?t|why haven['’]?t|blame\w*|guilt\w*|bad|poor)\b/i;

/** The draft with the client's own words (text, cue, names, date) taken out. */
function plugInWords(draft: string, values: Record<string, string | null>): string {
  let rest = draft;
  const parts = Object.values(values).filter((v): v is string => !!v).sort((a, b) => b.length - a.length);
  for (const p of parts) rest = rest.split(p).join(' ');
  return rest;
}

function itemsOver(index: VaultIndex, from: string, to: string, settings: NudgeSettings): NudgeItem[] {
  const out: NudgeItem[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(...nudgesDue(index, d, settings));
  return out;
}

function expectKind(draft: string, rest: string, where: string) {
  expect(judgementWords(rest), `${where}: ${draft}`).toEqual([]);
  expect(rest, `${where}: ${draft}`).not.toMatch(SHAMING);
  expect(asksToLearn(draft), `${where} asks no how/what question: ${draft}`).toBe(true);
}

const TRICKY = vault(
  clientNote('Jo Park', { accountability: 'consequences', sms: '+15550100' }),
  sessionNote('Jo Park', '2026-11-02', [
    '- [ ] Never check email before 10 [due:: 2026-11-09] [trigger:: when I sit down at my desk]',
    '- [ ] Stop feeling guilty about saying "no" to extra projects [due:: 2026-11-06]',
    '- [/] Tell the team what I should delegate; then delegate it [due:: 2026-11-05]',
    '- [ ] Ship the 🚀 launch post, finally. [due:: 2026-11-09]',
    '    - When the kids are asleep, I\'ll write for 30 minutes',
  ]),
);

describe('draft tone', () => {
  it('every Today-panel draft over the demo vault, day by day, asks and never judges', () => {
    const index = demoIndex();
    for (const settings of [DEFAULTS, EVERYTHING]) {
      const items = itemsOver(index, '2026-09-01', '2027-01-31', settings);
      expect(items.length).toBeGreaterThan(50);
      for (const i of items) {
        const c = index.commitmentsOf(i.client).find((x) => x.session === i.commitment.session && x.line === i.commitment.line)!;
        const values = templateValues(c, { name: i.client });
        expectKind(i.draft, plugInWords(i.draft, values), `${i.key} draft`);
        expect(judgementWords(plugInWords(i.headline, values)), i.headline).toEqual([]);
        expect(plugInWords(i.subject, values)).not.toMatch(SHAMING);
      }
    }
  });

  it('every one-message-per-client draft over the demo and the fixtures, day by day, asks and never judges', () => {
    let combined = 0;
    for (const [index, from, to] of [
      [demoIndex(), '2026-09-01', '2027-01-31'],
      [indexOf(TRICKY), '2026-11-02', '2026-11-20'],
    ] as const) {
      for (let d: string = from; d <= to; d = addDays(d, 1)) {
        for (const m of nudgeMessages(nudgesDue(index, d, EVERYTHING), EVERYTHING, d)) {
          if (m.items.length < 2) continue;
          combined++;
          // The client's own words and dates taken out, what is left is the plugin's.
          let rest = m.draft;
          for (const i of m.items) {
            const c = index.commitmentsOf(i.client).find((x) => x.session === i.commitment.session && x.line === i.commitment.line)!;
            rest = plugInWords(rest, templateValues(c, { name: m.client }, d));
          }
          expectKind(m.draft, rest, `${m.key} message`);
          expect(plugInWords(m.subject, { first: m.client })).not.toMatch(SHAMING);
        }
      }
    }
    expect(combined).toBeGreaterThan(10);
  });

  it('every step kind for every demo commitment, whatever its status', () => {
    const index = demoIndex();
    let n = 0;
    for (const c of index.commitments()) {
      const client = index.client(c.client)!;
      for (const kind of NUDGE_KINDS) {
        const { body } = nudgeDraft(kind, c, client, DEFAULTS, '2026-12-01');
        expectKind(body, plugInWords(body, templateValues(c, client, '2026-12-01')), `${c.session}:${c.line} ${kind}`);
        n++;
      }
    }
    expect(n).toBe(135 * 4);
  });

  it('fixtures whose own words say "never", "should" or "guilty" are quoted as written, and the rest stays clean', () => {
    const index = indexOf(TRICKY);
    const items = itemsOver(index, '2026-11-02', '2026-11-20', EVERYTHING);
    expect(new Set(items.map((i) => i.step.kind))).toEqual(new Set(NUDGE_KINDS));
    for (const i of items) {
      const c = index.commitmentsOf(i.client).find((x) => x.line === i.commitment.line)!;
      const values = templateValues(c, { name: i.client });
      expect(i.draft).toContain(values.text!);
      expectKind(i.draft, plugInWords(i.draft, values), i.key);
    }
    const never = items.find((i) => i.step.kind === 'overdue' && i.commitment.text.startsWith('Never'))!;
    expect(never.draft).toBe(
      'Hi Jo, how did "Never check email before 10" go? Whatever happened, I would love to hear what you learned from it, so we can build on it next time.',
    );
    const quoted = items.find((i) => i.commitment.text.startsWith('Stop feeling'))!;
    expect(quoted.draft).toContain('"Stop feeling guilty about saying \'no\' to extra projects"');
  });

  it('the overdue draft is in the learning frame: how did it go, what was learned', () => {
    for (const body of [DEFAULTS.templates.overdue]) {
      expect(body).toMatch(/how did "\{\{text\}\}" go\?/i);
      expect(body).toMatch(/learn/);
    }
  });

  it('every default template passes the settings check', () => {
    for (const kind of NUDGE_KINDS) expect(templateProblems(DEFAULTS.templates[kind]), kind).toEqual([]);
  });
});
