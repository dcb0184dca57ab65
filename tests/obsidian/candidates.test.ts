/** The one rule for which notes the start-up read reads (src/core/index/candidates.ts). */
import { describe, expect, it } from 'vitest';
import { isCandidateNote, type CandidateMeta } from '../../src/core/index/candidates';
import { resolveCoreSettings } from '../../src/core/settings';

const meta = (over: Partial<CandidateMeta>): CandidateMeta => ({ path: 'Notes/n.md', frontmatter: null, tags: [], headings: [], ...over });
const defaults = resolveCoreSettings();

describe('isCandidateNote', () => {
  it('takes notes whose frontmatter type is client, session or agreement, in any case and through aliases', () => {
    for (const type of ['client', 'session', 'agreement', ' Session ', 'CLIENT']) expect(isCandidateNote(meta({ frontmatter: { type } }), defaults)).toBe(true);
    expect(isCandidateNote(meta({ frontmatter: { type: 'recipe' } }), defaults)).toBe(false);
    expect(isCandidateNote(meta({ frontmatter: { Type: 'session' } }), defaults)).toBe(true);
    expect(isCandidateNote(meta({ frontmatter: { kind: 'session' } }), defaults)).toBe(false);
    expect(isCandidateNote(meta({ frontmatter: { kind: 'session' } }), resolveCoreSettings({ keyAliases: { type: ['kind'] } }))).toBe(true);
    expect(isCandidateNote(meta({ frontmatter: { type: ['session'] } }), defaults)).toBe(false);
  });

  it('takes notes in the sessions folder only when the folder counts', () => {
    const inFolder = meta({ path: 'Sessions/2026-11-20.md' });
    expect(isCandidateNote(inFolder, defaults)).toBe(false);
    expect(isCandidateNote(inFolder, resolveCoreSettings({ sessionsFolder: 'Sessions' }))).toBe(true);
    expect(isCandidateNote(inFolder, resolveCoreSettings({ sessionsFolder: 'Sessions/' }))).toBe(true);
    expect(isCandidateNote(meta({ path: 'Sessions old/x.md' }), resolveCoreSettings({ sessionsFolder: 'Sessions' }))).toBe(false);
  });

  it('takes notes tagged #commitment (or a type as a tag), with or without the #', () => {
    for (const tag of ['#commitment', 'commitment', '#Commitments', '#commitment/q4', '#session', '#client', '#agreement']) expect(isCandidateNote(meta({ tags: [tag] }), defaults)).toBe(true);
    expect(isCandidateNote(meta({ tags: ['#idea', '#sessions-old'] }), defaults)).toBe(false);
  });

  it('takes notes with a commitments heading, compared as the parser compares headings', () => {
    for (const h of ['Commitments', 'action items:', '**Homework**', '  Between   sessions ', '✅ Commitments']) expect(isCandidateNote(meta({ headings: [h] }), defaults)).toBe(true);
    expect(isCandidateNote(meta({ headings: ['Ingredients', 'Method'] }), defaults)).toBe(false);
    expect(isCandidateNote(meta({ headings: ['Ingredients', 'Next steps'] }), defaults)).toBe(false);
    // Other templates' action headings in a dated note are read, so a note that looks like a
    // session but is not read gets its warning in the plugin as it does in the CLI.
    expect(isCandidateNote(meta({ headings: ['Next steps'], frontmatter: { date: '2026-10-01' } }), defaults)).toBe(true);
    expect(isCandidateNote(meta({ path: 'Meetings/2026-10-01 Ben.md', headings: ['Action items'] }), defaults)).toBe(true);
    expect(isCandidateNote(meta({ headings: ['Next steps'] }), resolveCoreSettings({ commitmentHeadings: ['Next steps'] }))).toBe(true);
  });

  it('takes a note whose frontmatter Obsidian could not parse, so its diagnostic is not lost', () => {
    expect(isCandidateNote(meta({ frontmatterInvalid: true }), defaults)).toBe(true);
  });

  it('leaves every other note unread', () => {
    expect(isCandidateNote(meta({ frontmatter: { title: 'Recipes', tags: ['food'] }, tags: ['#food'], headings: ['Ingredients'] }), defaults)).toBe(false);
  });
});
