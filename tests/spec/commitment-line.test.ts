import { describe, it, expect } from 'vitest';
import { commitmentsNote, only, scanOne, squash } from './helpers';

/** Scans a session note (date 2026-11-20, next 2026-12-04) holding just these items. */
function scanItems(items: string[], asOf = '2026-12-03') {
  return scanOne(commitmentsNote(items, { next: '2026-12-04' }), asOf);
}
function one(line: string, children: string[] = []) {
  return only(scanItems([line, ...children]));
}

describe('the checkbox status', () => {
  it.each([
    [' ', 'open'],
    ['x', 'done'],
    ['X', 'done'],
    ['/', 'partial'],
    ['?', 'stuck'],
    ['-', 'let-go'],
    ['>', 'recommitted'],
  ])('`- [%s]` is %s', (char, status) => {
    const c = one(`- [${char}] Send 10 outreach messages`);
    expect(c.status).toBe(status);
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('a plain bullet under a commitments heading is an open commitment', () => {
    const c = one('- Send 10 outreach messages');
    expect(c.status).toBe('open');
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('trims the text', () => {
    const c = one('- [ ]   Send 10 outreach messages   ');
    expect(c.text).toBe('Send 10 outreach messages');
  });
});

describe('fields on the line: Dataview inline fields', () => {
  it('`[due:: …]` is the due date, removed from the text', () => {
    const c = one('- [ ] Send 10 outreach messages [due:: 2026-12-02]');
    expect(c.due).toBe('2026-12-02');
    expect(c.dueIsDefault).toBe(false);
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('`[completion:: …]` is the done date', () => {
    const c = one('- [x] Send 10 outreach messages [completion:: 2026-12-01]');
    expect(c.doneDate).toBe('2026-12-01');
    expect(c.status).toBe('done');
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('`[cancelled:: …]` is the let-go date', () => {
    const c = one('- [-] Send 10 outreach messages [cancelled:: 2026-12-01]');
    expect(c.letGoDate).toBe('2026-12-01');
    expect(c.status).toBe('let-go');
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('`[trigger:: …]` is the trigger', () => {
    const c = one("- [ ] Send 10 outreach messages [trigger:: I pour Monday's coffee]");
    expect(c.trigger).toBe("I pour Monday's coffee");
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it("the contract's own `[trigger:: when I pour Monday's coffee]`", () => {
    // Ambiguity: whether a leading "when" in the field value is kept (the field is literal) or
    // dropped (as the natural "When …, I'll …" detail line drops it). Either reading passes.
    const c = one("- [ ] Send 10 outreach messages [trigger:: when I pour Monday's coffee]");
    expect(c.trigger).toMatch(/^(when )?I pour Monday's coffee$/);
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('`[coping:: A -> B]` is a coping plan split at the arrow', () => {
    const c = one('- [ ] Send 10 outreach messages [coping:: meetings eat Monday -> first thing Tuesday]');
    expect(c.coping).toEqual({ obstacle: 'meetings eat Monday', response: 'first thing Tuesday' });
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('`[coping:: …]` without an arrow: obstacle null, the whole text is the response', () => {
    const c = one('- [ ] Send 10 outreach messages [coping:: do them on the train instead]');
    expect(c.coping).toEqual({ obstacle: null, response: 'do them on the train instead' });
  });

  it('`[coping:: …]` splits at the first arrow only', () => {
    const c = one('- [ ] Send 10 outreach messages [coping:: Monday -> Tuesday -> Wednesday]');
    expect(c.coping).toEqual({ obstacle: 'Monday', response: 'Tuesday -> Wednesday' });
  });

  it('`[confidence:: 7]` is confidence 7, a number', () => {
    const c = one('- [ ] Send 10 outreach messages [confidence:: 7]');
    expect(c.confidence).toBe(7);
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('`[owner:: coach]` is owner coach', () => {
    const c = one('- [ ] Send Jane the pricing worksheet [owner:: coach]');
    expect(c.owner).toBe('coach');
    expect(c.text).toBe('Send Jane the pricing worksheet');
  });

  it('`[owner:: client]` is owner client', () => {
    const c = one('- [ ] Send 10 outreach messages [owner:: client]');
    expect(c.owner).toBe('client');
  });

  it('`[owner:: Alex]`: any other name is a partner, kept as written', () => {
    const c = one('- [ ] Practice the pitch together [owner:: Alex]');
    expect(c.owner).toBe('Alex');
    expect(c.text).toBe('Practice the pitch together');
  });

  it('`[kind:: outcome]` and `[kind:: process]` are explicit and beat the classification', () => {
    const out = scanItems(['- [ ] Send 10 outreach messages [kind:: outcome]', '- [ ] Land three new clients [kind:: process]']);
    expect(out.commitments.map((c) => [c.text, c.kind])).toEqual([
      ['Send 10 outreach messages', 'outcome'],
      ['Land three new clients', 'process'],
    ]);
  });

  it('`[from:: c7f3a]` is the commitment it continues', () => {
    const c = one('- [ ] Send 10 outreach messages [from:: c7f3a]');
    expect(c.from).toBe('c7f3a');
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('several fields on one line are all read and all removed', () => {
    const c = one(
      "- [ ] Send 10 outreach messages [due:: 2026-12-02] [trigger:: I pour Monday's coffee] [coping:: meetings -> Tuesday] [confidence:: 8] [owner:: Alex] [kind:: process] [from:: a1b2c]",
    );
    expect(c).toMatchObject({
      text: 'Send 10 outreach messages',
      due: '2026-12-02',
      dueIsDefault: false,
      trigger: "I pour Monday's coffee",
      coping: { obstacle: 'meetings', response: 'Tuesday' },
      confidence: 8,
      owner: 'Alex',
      kind: 'process',
      from: 'a1b2c',
    });
  });

  it('a field in the middle of the text is removed, leaving the words', () => {
    const c = one('- [ ] Send [due:: 2026-12-02] the outreach messages');
    expect(c.due).toBe('2026-12-02');
    expect(c.text).not.toContain('due');
    expect(c.text).not.toContain('2026-12-02');
    expect(squash(c.text)).toBe('Send the outreach messages');
  });
});

describe('fields on the line: Tasks emoji', () => {
  it('📅 is the due date, removed from the text', () => {
    const c = one('- [ ] Send 10 outreach messages 📅 2026-12-02');
    expect(c.due).toBe('2026-12-02');
    expect(c.dueIsDefault).toBe(false);
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('✅ is the done date', () => {
    const c = one('- [x] Send 10 outreach messages ✅ 2026-12-01');
    expect(c.doneDate).toBe('2026-12-01');
    expect(c.status).toBe('done');
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('❌ is the let-go date', () => {
    const c = one('- [-] Send 10 outreach messages ❌ 2026-12-01');
    expect(c.letGoDate).toBe('2026-12-01');
    expect(c.status).toBe('let-go');
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('📅 and ✅ together, in either order', () => {
    const out = scanItems(['- [x] Draft the proposal 📅 2026-11-30 ✅ 2026-11-28', '- [x] Draft the invoice ✅ 2026-11-27 📅 2026-11-29']);
    expect(out.commitments.map((c) => [c.text, c.due, c.doneDate])).toEqual([
      ['Draft the proposal', '2026-11-30', '2026-11-28'],
      ['Draft the invoice', '2026-11-29', '2026-11-27'],
    ]);
  });

  it('mixes with Dataview fields on the same line', () => {
    const c = one('- [ ] Send 10 outreach messages 📅 2026-12-02 [confidence:: 6] [owner:: coach]');
    expect(c).toMatchObject({ text: 'Send 10 outreach messages', due: '2026-12-02', confidence: 6, owner: 'coach' });
  });

  it('absent done and let-go dates are null', () => {
    const c = one('- [ ] Send 10 outreach messages');
    expect(c.doneDate).toBeNull();
    expect(c.letGoDate).toBeNull();
  });
});

describe('owner', () => {
  it('defaults to client', () => {
    expect(one('- [ ] Send 10 outreach messages').owner).toBe('client');
  });

  it('a text starting `Coach:` has owner coach, the prefix removed', () => {
    const c = one('- [ ] Coach: send Jane the pricing worksheet');
    expect(c.owner).toBe('coach');
    expect(c.text).toBe('send Jane the pricing worksheet');
  });

  it('`Coach:` on a plain bullet too', () => {
    const c = one('- Coach: send Jane the pricing worksheet 📅 2026-11-24');
    expect(c).toMatchObject({ owner: 'coach', text: 'send Jane the pricing worksheet', due: '2026-11-24', status: 'open' });
  });

  it('"coach" later in the text does not make the coach the owner', () => {
    const c = one('- [ ] Send the coach a summary of the week');
    expect(c.owner).toBe('client');
    expect(c.text).toBe('Send the coach a summary of the week');
  });
});

describe('block id', () => {
  it('a trailing `^id` is the id, removed from the text', () => {
    const c = one('- [ ] Send 10 outreach messages ^c7f3a');
    expect(c.id).toBe('c7f3a');
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('without a block id the id is null', () => {
    expect(one('- [ ] Send 10 outreach messages').id).toBeNull();
  });

  it('the block id comes after the fields', () => {
    const c = one('- [ ] Send 10 outreach messages [due:: 2026-12-02] 📅 2026-12-02 ^jane-01');
    expect(c.id).toBe('jane-01');
    expect(c.due).toBe('2026-12-02');
    expect(c.text).toBe('Send 10 outreach messages');
  });

  it('on a plain bullet', () => {
    const c = one('- Send 10 outreach messages ^c7f3a');
    expect(c).toMatchObject({ id: 'c7f3a', text: 'Send 10 outreach messages', status: 'open' });
  });

  it('a caret that does not end the line is text, not an id', () => {
    const c = one('- [ ] Read chapter ^3 of the sales book');
    expect(c.id).toBeNull();
    expect(c.text).toBe('Read chapter ^3 of the sales book');
  });
});
