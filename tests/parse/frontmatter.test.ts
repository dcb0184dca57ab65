import fc from 'fast-check';
import { parse as yamlParse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_LINES, readFrontmatter } from '../../src/core/parse/frontmatter';
import { setYamlParser, yamlParser } from '../../src/core/parse/yaml';

const fm = (body: string[]) => ['---', ...body, '---', 'body'];

describe('frontmatter fast path', () => {
  it('reads the shapes coaches use without the YAML parser', () => {
    const r = readFrontmatter(
      fm([
        'type: client',
        'cadence: 14',
        'paused: false',
        'tags: [coaching, weekly]',
        'milestones:',
        '  - name: Run the first workshop',
        '    due: 2025-04-20',
        '    done: true',
        '  - Launch the website',
        'contact:',
        '  sms: "+15551234"',
        '  email: jane@example.com',
        'aliases:',
        '- Jane',
        'empty:',
        'note: "a: b"',
      ]),
    )!;
    expect(r.usedYaml).toBe(false);
    expect(r.data).toEqual({
      type: 'client',
      cadence: 14,
      paused: false,
      tags: ['coaching', 'weekly'],
      milestones: [{ name: 'Run the first workshop', due: '2025-04-20', done: true }, 'Launch the website'],
      contact: { sms: '+15551234', email: 'jane@example.com' },
      aliases: ['Jane'],
      empty: null,
      note: 'a: b',
    });
    expect(r.keyLines).toMatchObject({ type: 2, milestones: 6, contact: 11, aliases: 14, note: 17 });
  });

  it('folds a > block as YAML does, blank lines kept as line breaks', () => {
    const body = ['goal: >', '', '  Lead the team', '  meeting', '', '', '  weekly', 'next: >-', '  one', '', '  two'];
    const r = readFrontmatter(fm(body))!;
    expect(r.usedYaml).toBe(false);
    expect(r.data).toEqual({ goal: '\nLead the team meeting\n\nweekly\n', next: 'one\ntwo' });
    expect(r.data).toEqual(yamlParse(body.join('\n')));
  });

  it('hands anything unusual to YAML', () => {
    for (const body of [
      ['summary: |+', '  two', '  lines'],
      ['summary: |2', '  two'],
      ['summary: >', '  two', '    deeper'],
      ['summary: | # a comment', '  two'],
      ['nested:', '  a:', '    b: 1'],
      ['anchor: &x 1', 'ref: *x'],
      ['q: "esc\\"aped"'],
      ['dup: 1', 'dup: 2'],
      ['list:', '\t- tab'],
    ]) {
      const r = readFrontmatter(fm(body))!;
      expect(r.usedYaml, body.join(' / ')).toBe(true);
    }
  });

  it('reports invalid YAML with its line', () => {
    const r = readFrontmatter(fm(['type: session', 'client: [unclosed']))!;
    expect(r.error?.line).toBe(3);
    expect(r.error?.message).toMatch(/not valid YAML/);
    expect(r.error?.message).toMatch(/fix the lines between the --- markers/);
  });

  it('says a YAML reader’s internal failures in a coach’s words', () => {
    const reader = yamlParser()!;
    const said: string[] = [];
    try {
      for (const thrown of [new RangeError('Maximum call stack size exceeded'), new Error('Excessive alias count indicates a resource exhaustion attack')]) {
        setYamlParser(() => {
          throw thrown;
        });
        said.push(readFrontmatter(fm(['type: session', 'a: &x [1]', 'b: *x']))!.error!.message);
      }
    } finally {
      setYamlParser(reader);
    }
    expect(said).toEqual([
      'frontmatter is not valid YAML: it is nested too deeply to read; fix the lines between the --- markers (the note is not read until then)',
      'frontmatter is not valid YAML: it repeats *aliases more than a note needs; fix the lines between the --- markers (the note is not read until then)',
    ]);
  });

  it('names both lines of a key written twice, without asking the YAML reader', () => {
    const r = readFrontmatter(fm(['type: session', 'client: Jane Doe', 'tags: [a]', '"client": Jane Roe']))!;
    expect(r.error).toEqual({ line: 5, message: "frontmatter has the key 'client' on line 3 and again on line 5; a key may appear only once: keep one of them" });
    // A sequence written at its key's indentation repeats `- name:`; that is one key per item, not a duplicate.
    const list = readFrontmatter(fm(['type: client', 'milestones:', '- name: Launch', '  due: 2026-12-01', '- name: Hire', '  due: 2027-01-10']))!;
    expect(list.error).toBeNull();
    expect(list.data.milestones).toEqual([{ name: 'Launch', due: '2026-12-01' }, { name: 'Hire', due: '2027-01-10' }]);
  });

  it('never hands the YAML reader more than MAX_YAML_LINES lines, and reads long plain frontmatter the fast way', () => {
    // 100,000 keys the reader would compare pair by pair (over a minute with the yaml package), and a list that needs it.
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: v`);
    const reader = yamlParser()!;
    const given: number[] = [];
    setYamlParser((source) => {
      given.push(source.split('\n').length);
      return reader(source);
    });
    let long: ReturnType<typeof readFrontmatter>;
    try {
      long = readFrontmatter(fm(['type: session', ...keys, 'tags:', '  - [a, b]']))!;
    } finally {
      setYamlParser(reader);
    }
    expect(given).toEqual([]);
    expect(long.usedYaml).toBe(true);
    expect(long.data).toEqual({});
    expect(long.error).toEqual({
      line: 2,
      message: `frontmatter is 100003 lines long, more than the ${MAX_YAML_LINES} this plugin reads when it is not plain 'key: value' lines; move the long values into the note's text`,
    });
    const plain = readFrontmatter(fm(['type: session', ...keys]))!;
    expect(plain.usedYaml).toBe(false);
    expect(plain.error).toBeNull();
    expect(plain.data.k99999).toBe('v');
    // Just under the limit still goes to the reader.
    const under = readFrontmatter(fm(['type: session', ...keys.slice(0, MAX_YAML_LINES - 3), 'tags:', '  - [a, b]']))!;
    expect(under.error).toBeNull();
    expect(under.data.tags).toEqual([['a', 'b']]);
  });

  const word = fc.stringMatching(/^[a-z][a-z0-9 ]{0,8}[a-z0-9]$/);
  const scalar = fc.oneof(word, fc.integer({ min: 0, max: 999 }).map(String), fc.constantFrom('true', 'false', '2026-11-20', 'null', '~'), word.map((w) => `"${w}: x"`));
  const key = fc.stringMatching(/^[a-z][a-z_]{0,6}$/);
  const value = fc.oneof(
    scalar.map((v) => [` ${v}`]),
    fc.array(scalar, { minLength: 1, maxLength: 3 }).map((xs) => ['', ...xs.map((x) => `  - ${x}`)]),
    fc
      .array(fc.uniqueArray(fc.tuple(key, scalar), { minLength: 1, maxLength: 3, selector: (t) => t[0] }), { minLength: 1, maxLength: 3 })
      .map((items) => ['', ...items.flatMap((pairs) => pairs.map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`))]),
    fc.uniqueArray(fc.tuple(key, scalar), { minLength: 1, maxLength: 3, selector: (t) => t[0] }).map((pairs) => ['', ...pairs.map(([k, v]) => `  ${k}: ${v}`)]),
    fc.array(word, { maxLength: 3 }).map((xs) => [` [${xs.join(', ')}]`]),
    // Block scalars as templates and the property editor write them: one indentation, blank lines inside a literal one.
    fc
      .tuple(fc.constantFrom('|', '|-', '>', '>-'), fc.array(fc.oneof(word, fc.constant(''), word.map((w) => `${w}: # x`)), { minLength: 1, maxLength: 4 }), fc.constantFrom(2, 4))
      .map(([h, xs, n]) => [` ${h}`, ...xs.map((x) => (x === '' ? '' : `${' '.repeat(n)}${x}`))]),
  );

  it('agrees with the YAML parser on every document it reads itself', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: 6, selector: (t) => t[0] }), (entries) => {
        const body = entries.flatMap(([k, v]) => [`${k}:${v[0]}`, ...v.slice(1)]);
        const r = readFrontmatter(fm(body))!;
        runs++;
        if (!r.usedYaml) fast++;
        expect(r.error).toBeNull();
        expect(r.data).toEqual(yamlParse(body.join('\n')));
      }),
      { numRuns: 1000 },
    );
    // The comparison means something only if the fast path read most of them.
    expect(fast / runs).toBeGreaterThan(0.9);
  });
});

describe('keys an object already has', () => {
  it.each(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'])('a key named %s is a key like any other: the note is read, its line kept', (key) => {
    const lines = ['---', 'type: session', `${key}: 1`, 'client: Jane', 'date: 2026-11-20', '---', '## Commitments', '- [ ] Send it'];
    const fm = readFrontmatter(lines)!;
    expect(fm.error ?? null).toBeNull();
    expect(fm.data.client).toBe('Jane');
    expect(Object.prototype.hasOwnProperty.call(fm.keyLines, key) ? fm.keyLines[key] : null).toBe(3);
  });
});
