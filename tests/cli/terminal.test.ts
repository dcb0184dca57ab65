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
