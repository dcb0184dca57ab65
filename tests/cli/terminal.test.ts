/** What the CLI prints to a terminal: a note's control characters are shown, never acted on. */
import { describe, expect, it } from 'vitest';
import { forTerminal } from '../../src/cli/format';

describe('forTerminal', () => {
  it('shows escape, bell, backspace and other controls as their pictures, and keeps line breaks and tabs', () => {
    expect(forTerminal('Send \u001b[2Jthe deck\u0007\b')).toBe('Send \u241b[2Jthe deck\u2407\u2408');
    expect(forTerminal('a\tb\nc')).toBe('a\tb\nc');
    expect(forTerminal('x\u007fy\u009bz')).toBe('x\u2421y\ufffdz');
    const plain = 'Nothing to change: ✓ 12 clients';
    expect(forTerminal(plain)).toBe(plain);
  });
});

describe('roster text names the coach set up for a client no note gives one', () => {
  it('shows "Priya Nair (you)" where the notes name no coach, and a note’s coach where they do', async () => {
    const { clientNote, makeVault, run, sessionNote } = await import('./helpers');
    const root = makeVault({
      'Clients/Jane Doe.md': clientNote('Jane Doe'),
      'Clients/Omar Haddad.md': '---\ntype: client\ncoach: Sam\n---\n',
      'Sessions/2026-11-20 Jane Doe.md': sessionNote('[[Jane Doe]]', '2026-11-20', ['- [ ] Send it']),
      '.obsidian/plugins/follow-through/data.json': JSON.stringify({ settingsVersion: 3, layout: { coachNames: ['Priya Nair', 'Priya', 'Me', 'I', 'Myself'] } }),
    });
    const r = run('roster', root, '--as-of', '2026-12-01');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Jane Doe +Priya Nair \(you\)/);
    expect(r.out).toMatch(/Omar Haddad +Sam /);
  });
});
