/**
 * The reading rules for vaults in other layouts (callouts, labels, dated sections, daily notes,
 * owners, due phrases) hold the parser's promises as our own format does: whatever the text,
 * reading never throws, every diagnostic and commitment points at a real line of the note, and
 * CRLF reads as LF. The lines are the shapes public coaching and meeting templates use, cut up
 * and recombined at random, with hostile ones among them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveLayout } from '../../src/core/layout/layout';
import { parseNote } from '../../src/core/parse/note';
import { resolveCoreSettings } from '../../src/core/settings';
import { FLEX } from '../layout/flexible-layout';

const layout = resolveLayout({
  ...FLEX,
  sessionTypes: [...(FLEX.sessionTypes ?? []), 'coaching'],
  sessionFolders: ['Sessions', 'Meetings', 'clients'],
  dailyNotesFolder: 'Daily',
  actionHeadings: ['Homework', 'Hausaufgaben'],
  coachNames: ['Sam Rivera', 'Sam', 'Me', 'I'],
});
const settings = resolveCoreSettings({ layout });
const dmy = resolveCoreSettings({ layout: { ...layout, dateOrder: 'dmy' } });

const templateLine = fc.constantFrom(
  '# 1:1 with Ana Ruiz',
  '# Coaching Session - Maria Lopez - 2026-10-06',
  '# Sesión con Ana Ruiz',
  '## 2026-11-20',
  '## 20.11.2026 Sitzung',
  '### November 3rd, 2026',
  '## Coaching with [[Ben Carter]]',
  '## Action Items',
  '## 3. Commitments',
  '## IV) Next steps',
  '## 4️⃣ Homework',
  '## Client Action Items',
  '## Coach Follow-up Tasks',
  '### For Ben',
  '### Shared/Follow-up',
  '## Will',
  '## Way forward',
  '## My follow-ups',
  '## Mis tareas',
  '## Agenda',
  '## ICF competencies',
  '## 📧 Meeting Summary (Email Draft)',
  '## Participants',
  '**Action items**:',
  '**For Ben**:',
  '- Follow-ups:',
  'Action Items:',
  '**Outcome:**',
  '**Next Session**: 2026-10-21',
  'Next session: 21/10/2026',
  'Próxima mentoria: 27/10/2026',
  'Client:: Ana Ruiz',
  'Client: Hannah',
  '**Attendees**:',
  'Attendees: Me, [[Ben Carter]], Sam Rivera',
  '> [!todo] Actions',
  '> [!note]',
  '> - [ ] Send the deck to Ana by Friday',
  '>> - [ ] nested in a callout',
  '> [!tasks]+ For Ben',
  '| Action | Owner | Due |',
  '| --- | --- | --- |',
  '| Send the deck | Ben | 2026-11-27 |',
  '| Call Dana | Coach | next week |',
  '|||',
  '- [ ] Ben: send the portfolio to Ana by Friday',
  '- [ ] Sam to email the intake form',
  '- [ ] Priya ask the board about budget',
  '- [ ] If it rains tomorrow, walk indoors for 20 minutes',
  '- [ ] Enviar el CV hasta el 16/10',
  '- [ ] Envoyer le devis pour le 13/10',
  '- [ ] Angebot schicken bis 14.10.',
  '- [ ] Draft the proposal (@2026-10-10)',
  '- [ ] Outline the talk `DueDate:: 2026-11-30`',
  '- [ ] Journal daily 📅 2026-12-02 ⏳ 2026-11-29 🔁 every week',
  '- [ ] {{item}}',
  '- [ ] Next 1:1 on 2026-11-17',
  '- **Datum:** 26.10.2026',
  '- ✅ Did the thing: it went well',
  '- ❌ Skipped the gym',
  '- [x] Walk every morning [completion:: 2026-11-25]',
  '- Due: next Tuesday',
  '  - Due: 2026-12-01',
  '  - 2026-11-28 stuck: meetings ate Monday',
  '  - When I park at the office, I will send the first message',
  '  - Coping: if the evening runs late, then I will do ten minutes at lunch',
  '[[2026-11-20]]',
  '```dataview',
  '```',
  '<!-- List of meeting participants -->',
  '%% hidden %%',
  '<<<<<<< HEAD',
  '=======',
  '>>>>>>> theirs',
  '',
  '   ',
);

const hostileLine = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.record({ lead: fc.constantFrom('', '## ', '- [ ] ', '> ', '**', '| ', '  - '), body: fc.string({ maxLength: 40 }), tail: fc.constantFrom('', ':', '**:', ' |', ' by Friday', ' 📅', ' [due::', ' ^') }).map(({ lead, body, tail }) => `${lead}${body}${tail}`),
  fc.constantFrom('#'.repeat(7) + ' too deep', '- [ ] ' + 'a'.repeat(5000), '> '.repeat(200) + '- [ ] deep', '| '.repeat(300), '**'.repeat(200) + ':', '[['.repeat(100) + ']]'.repeat(100)),
);

const frontmatter = fc.constantFrom(
  '',
  '---\ntype: meeting\nattendees: [Me, "[[Ana Ruiz]]"]\nmeeting_date: 2026-11-20\n---',
  '---\ntype: 1-1\nwith: "[[Ben Carter]]"\ncreated: 2026-11-20T09:00\nnext_meeting: 2026-12-04\n---',
  '---\ntags: [coaching, session]\ncoachee: Priya\n---',
  '---\ntype: person\naliases: [Ana]\n---',
  '---\ntype: coaching\nattendees:\n  - Sam Rivera\n  - Hannah Weiss\n---',
  '---\ntype: session\nclient: ""\ndate: 31/02/2026\n---',
  '---\ntype: meeting\n',
);

const path = fc.constantFrom('Sessions/2026-11-20 Ana Ruiz.md', 'clients/hannah-weiss/2026-10-06.md', 'Daily/2026-11-20.md', 'Meetings/Ben Carter/2025/notes.md', 'x.md', 'Clients/Ana Ruiz.md');

const note = fc
  .record({ fm: frontmatter, body: fc.array(fc.oneof({ weight: 4, arbitrary: templateLine }, { weight: 1, arbitrary: hostileLine }), { maxLength: 50 }) })
  .map(({ fm, body }) => (fm === '' ? body : [fm, ...body]).join('\n'));

describe('reading other layouts: parser properties', () => {
  it('never throws, and points every commitment and diagnostic at a line the note has', () => {
    let read = 0;
    let owned = 0;
    fc.assert(
      fc.property(path, note, fc.boolean(), (p, text, dayFirst) => {
        const parsed = parseNote(p, text, dayFirst ? dmy : settings);
        const lines = text.split('\n').length;
        expect(parsed.path).toBe(p);
        for (const d of parsed.diagnostics) expect(d.line >= 1 && d.line <= lines).toBe(true);
        for (const c of parsed.commitments) {
          expect(c.line >= 1 && c.line <= lines).toBe(true);
          expect(c.endLine >= c.line && c.endLine <= lines).toBe(true);
          expect(text.split('\n')[c.line - 1]).toBe(c.raw);
          read++;
          if (c.owner !== 'client') owned++;
        }
      }),
      { numRuns: 1200 },
    );
    // The generated notes do hold items the rules read, the coach's among them, not only noise.
    expect(read).toBeGreaterThan(150);
    expect(owned).toBeGreaterThan(20);
  });

  it('reads a note the same with CRLF line endings', () => {
    fc.assert(
      fc.property(path, note, (p, text) => {
        const lf = parseNote(p, text, settings);
        const crlf = parseNote(p, text.replace(/\n/g, '\r\n'), settings);
        expect(crlf.commitments.map((c) => [c.line, c.text, c.status, c.due, c.owner])).toEqual(lf.commitments.map((c) => [c.line, c.text, c.status, c.due, c.owner]));
        expect(crlf.sessions.map((s) => [s.clientRef, s.date])).toEqual(lf.sessions.map((s) => [s.clientRef, s.date]));
      }),
      { numRuns: 400 },
    );
  });
});
