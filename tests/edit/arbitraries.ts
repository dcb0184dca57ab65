/**
 * fast-check generators for session and client notes: random commitments (boxes, markers, both
 * field conventions, ids, trailing spaces, detail children), other sections, code fences and
 * comments that hold list items, unicode, LF / CRLF / mixed endings, with or without a final newline.
 */
import fc from 'fast-check';

export const TODAY = '2026-12-01';

const WORDS = ['[[Dana]]', '[draft]', '->', '(a)', 'it’s', 'send', 'call', 'draft', 'the', 'report', 'café', '日本語', 'naïve', '🎯', 'plan', 'Monday', 'ten', 'emails', 'Jane', 'résumé', 'Ωmega', 'walk', 'to', 'Dana', 'quietly'];
const word = fc.constantFrom(...WORDS);
export const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));

/** What a coach might type into a text box: brackets, field syntax, emoji dates, ids, tags, newlines. */
const EDGY = ['[', ']', '::', 'a::b', '[x:: y]', '📅 2026-01-01', '✅ 2026-01-02', '^abc12', '#commitment', '->', '→', '\n', '\t', '  ', '[[Dana|D]]', '(k:: v)', 'Coach:', 'me'];
export const typed = fc
  .array(fc.oneof(word, fc.constantFrom(...EDGY)), { minLength: 1, maxLength: 6 })
  .map((ws) => ws.join(' '))
  .filter((t) => t.replace(/[\s[\]:^#→>-]/g, '').length > 0);
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`);
const trailing = fc.constantFrom('', '', '', ' ', '  ', '\t');

export interface GenDetail {
  kind: 'confidence' | 'checkin' | 'learned' | 'note' | 'when' | 'nested';
  text: string;
}

export interface GenCommitment {
  marker: string;
  box: string | null;
  text: string;
  due: { date: string; emoji: boolean } | null;
  fields: string[];
  id: boolean;
  trailing: string;
  details: GenDetail[];
  blankAfter: boolean;
}

const detail: fc.Arbitrary<GenDetail> = fc.oneof(
  fc.integer({ min: 1, max: 10 }).map((n) => ({ kind: 'confidence' as const, text: `confidence: ${n}` })),
  fc.tuple(day, fc.constantFrom('done', 'partial', 'stuck', 'skipped', 'nudged'), fc.option(phrase, { nil: null })).map(([d, s, n]) => ({
    kind: 'checkin' as const,
    text: n ? `${d} ${s}: ${n}` : `${d} ${s}`,
  })),
  phrase.map((p) => ({ kind: 'learned' as const, text: `learned: ${p}` })),
  phrase.map((p) => ({ kind: 'note' as const, text: p })),
  phrase.map((p) => ({ kind: 'when' as const, text: `When I ${p}, I'll start` })),
  phrase.map((p) => ({ kind: 'nested' as const, text: p })),
);

const commitment: fc.Arbitrary<GenCommitment> = fc.record({
  marker: fc.constantFrom('-', '-', '-', '*', '+', '1.'),
  box: fc.constantFrom(null, ' ', ' ', ' ', 'x', '/', '?', '-', '>'),
  text: phrase,
  due: fc.option(fc.record({ date: day, emoji: fc.boolean() }), { nil: null }),
  fields: fc.subarray(['[kind:: process]', '[confidence:: 6]', '[owner:: coach]', '[trigger:: after lunch]', '(priority:: high)']),
  id: fc.boolean(),
  trailing,
  details: fc.array(detail, { maxLength: 3 }),
  blankAfter: fc.boolean(),
});

const block: fc.Arbitrary<string[]> = fc.oneof(
  phrase.chain((p) => trailing.map((t) => [`${p}${t}`])),
  fc.constant<string[]>(['']),
  phrase.map((p) => ['```', `- [ ] ${p}`, '```']),
  phrase.map((p) => [`<!-- - [ ] ${p} -->`]),
  phrase.map((p) => ['<!--', `- [ ] ${p}`, '-->']),
  phrase.map((p) => [`- ${p}`, `- [ ] ${p}`]),
);

export interface GenSession {
  eol: '\n' | '\r\n' | 'mixed';
  mixedSeed: number[];
  finalNewline: boolean;
  unit: string;
  next: string | null;
  heading: string;
  before: string[][];
  commitments: GenCommitment[];
  inside: string[][];
  after: string[][];
  tagged: string | null;
}

export const sessionSpec: fc.Arbitrary<GenSession> = fc.record({
  eol: fc.constantFrom('\n' as const, '\r\n' as const, 'mixed' as const),
  mixedSeed: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }).map((bs) => bs.map((b) => (b ? 1 : 0))),
  finalNewline: fc.boolean(),
  unit: fc.constantFrom('  ', '    ', '\t'),
  next: fc.option(fc.constantFrom('2026-12-04', '2026-12-11'), { nil: null }),
  heading: fc.constantFrom('## Commitments', '### Action items', '## Homework', '# between sessions:'),
  before: fc.array(block, { maxLength: 3 }),
  commitments: fc.array(commitment, { minLength: 1, maxLength: 6 }),
  inside: fc.array(block, { maxLength: 1 }),
  after: fc.array(block, { maxLength: 3 }),
  tagged: fc.option(phrase, { nil: null }),
});

function commitmentLines(c: GenCommitment, i: number, unit: string): string[] {
  const parts = [c.text];
  if (c.due) parts.push(c.due.emoji ? `📅 ${c.due.date}` : `[due:: ${c.due.date}]`);
  parts.push(...c.fields);
  if (c.id) parts.push(`^id${i}x${c.text.length}`);
  const box = c.box === null ? '' : `[${c.box}] `;
  const lines = [`${c.marker} ${box}${parts.join(' ')}${c.trailing}`];
  const childIndent = c.marker === '1.' && unit === '  ' ? '   ' : unit;
  for (const d of c.details) {
    if (d.kind === 'nested') lines.push(`${childIndent}- parent`, `${childIndent}${unit}- ${d.text}`);
    else lines.push(`${childIndent}- ${d.text}`);
  }
  if (c.blankAfter) lines.push('');
  return lines;
}

export function sessionLines(s: GenSession): string[] {
  const fm = ['---', 'type: session', 'client: "[[Jane Doe]]"', 'date: 2026-11-20', ...(s.next ? [`next: ${s.next}`] : []), '---'];
  const body: string[] = ['## Summary', ...s.before.flat()];
  body.push(s.heading);
  s.commitments.forEach((c, i) => body.push(...commitmentLines(c, i, s.unit)));
  body.push(...s.inside.flat());
  body.push('## Notes', ...s.after.flat());
  if (s.tagged) body.push(`- [ ] ${s.tagged} #commitment`);
  return [...fm, ...body];
}

/** Joins lines with the spec's endings; mixed notes mostly use LF with some CRLF. */
export function joinWith(lines: string[], eol: GenSession['eol'], seed: number[], finalNewline: boolean): string {
  let out = '';
  lines.forEach((l, i) => {
    const last = i === lines.length - 1;
    const e = eol === 'mixed' ? (seed[i % seed.length] ? '\r\n' : '\n') : eol;
    out += l + (last ? (finalNewline ? e : '') : e);
  });
  return out;
}

export const sessionNote: fc.Arbitrary<string> = sessionSpec.map((s) => joinWith(sessionLines(s), s.eol, s.mixedSeed, s.finalNewline));

/** Client notes with frontmatter in many shapes. */
export const clientNote: fc.Arbitrary<string> = fc
  .record({
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    finalNewline: fc.boolean(),
    keys: fc.subarray(
      [
        ['coach: Sam Rivera   # lead'],
        ["cadence: 'weekly'"],
        ['accountability: active'],
        ['milestones:', '  - {name: "Hire", due: 2026-10-30, done: true}', '  - Plain one'],
        ['contact:', '  sms: "+15555550142"'],
        ['# a comment line'],
        [''],
        ['tags: [client, vip]'],
        ['paused_until: 2026-10-01'],
        ['paused_until: "2026-10-01"  # until the move'],
        ['paused_until:'],
      ],
    ),
    body: fc.array(phrase, { maxLength: 3 }),
  })
  .map(({ eol, finalNewline, keys, body }) => {
    const seenPaused = new Set<number>();
    const kept = keys.filter((k, i) => {
      if (!k[0].startsWith('paused_until')) return true;
      if (seenPaused.size > 0) return false;
      seenPaused.add(i);
      return true;
    });
    return joinWith(['---', 'type: client', ...kept.flat(), '---', '# Client', ...body], eol, [0], finalNewline);
  });

/**
 * Nasty strings, for anything the plugin writes into a note (names, texts, values): the
 * characters that end or split a wikilink (`#`, `|`, `]]`, `^`), that YAML reads specially
 * (`"`, `'`, `: `, ` #`, a leading `-`, `&`, `*`, `!`, `>`, `%`, `@`, a backtick, `null`, `true`, numbers), that
 * the note format reads (`::`, emoji dates, `^ids`, `#commitment`, `[x]`, `->`), line breaks of every kind (LF,
 * CRLF, a lone CR, U+2028, U+2029, NEL), tabs, leading and trailing spaces, control characters,
 * a BOM, combining marks, right-to-left text and emoji. Shared by every write-then-read property.
 */
const NASTY = [
  '#', '#2', ' #', '|', '||', ']]', '[[', ']', '[', '"', "'", '""', ':', ': ', '::', '\\', '\\"', '^', '^abc12', '/', '{{client}}', '{', '}',
  '---', '- ', '-', '&', '*', '!', '>', '%', '@', '`', '?', ',', '~', '=',
  'null', 'true', 'no', '123', '0x1F', '0o17', '.inf', '1e3', '2026-12-01',
  '\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\t', ' ', '  ',
  '\u0000', '\u0007', '\u001b', '\ufeff', '\u200b', 'e\u0301', '\u05e9\u05dc\u05d5\u05dd', '🎯', '👩🏽‍💼',
  '📅 2026-01-01', '✅ 2026-01-02', '❌', '[x]', '[due:: 2026-01-01]', '(k:: v)', '#commitment', '->', '→', 'Coach:',
];
const NAME_WORDS = ['Jane', 'Doe', 'O’Brien', 'Zoë', '李', 'Ana-María', 'Sam', 'J.', 'Dr', 'x'];

export const nastyString: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...NASTY) }, { weight: 2, arbitrary: fc.constantFrom(...NAME_WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'grapheme' }) }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

/** A nasty string with at least one letter or digit: something a coach could have named a client. */
export const nastyName: fc.Arbitrary<string> = nastyString.filter((s) => /[\p{L}\p{N}]/u.test(s));
