/**
 * What a layout would read, in words a coach can check before saving it: sessions per folder,
 * the clients found, a sample of commitments with the fields read, and the notes that look like
 * sessions but still cannot be read, each with why.
 */
import { VaultIndex } from '../index/vault-index';
import type { CoreSettings } from '../settings';
import type { Diagnostic } from '../types';
import type { SetupProposal } from './propose';

export interface SetupReport {
  sessions: number;
  commitments: number;
  clients: string[];
  sessionsByFolder: { folder: string; sessions: number }[];
  sample: { path: string; line: number; client: string; text: string; owner: string; due: string; dueIsDefault: boolean; status: string }[];
  notRead: Diagnostic[];
}

export function setupReport(notes: readonly (readonly [string, string])[], settings: Partial<CoreSettings>): SetupReport {
  const index = new VaultIndex(settings);
  index.setNotes(notes);
  const sessions = index.sessions();
  const byFolder = new Map<string, number>();
  for (const s of sessions) {
    const folder = s.path.includes('/') ? s.path.slice(0, s.path.lastIndexOf('/')) : '(vault root)';
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
  }
  const commitments = index.commitments();
  // A spread-out sample: every n-th commitment, so one folder does not fill it.
  const step = Math.max(1, Math.floor(commitments.length / 12));
  const sample = commitments
    .filter((_, i) => i % step === 0)
    .slice(0, 12)
    .map((c) => ({ path: c.session, line: c.line, client: c.client, text: c.text, owner: c.owner, due: c.due, dueIsDefault: c.dueIsDefault, status: c.status }));
  return {
    sessions: sessions.length,
    commitments: commitments.length,
    clients: index.clients().map((c) => c.name),
    sessionsByFolder: [...byFolder].map(([folder, n]) => ({ folder, sessions: n })).sort((a, b) => b.sessions - a.sessions || (a.folder < b.folder ? -1 : 1)),
    sample,
    notRead: index.diagnostics(),
  };
}

/** `kept`: the layout saved before had entries of the coach's own, which the saved one keeps. */
export function setupText(proposal: SetupProposal, report: SetupReport, written: string | null, kept = false): string {
  const out: string[] = [];
  out.push('Note layout proposed from your notes:');
  for (const r of proposal.reasons) out.push(`  - ${r}`);
  out.push('');
  out.push(`With it: ${report.sessions} sessions, ${report.commitments} commitments, ${report.clients.length} clients.`);
  if (report.sessionsByFolder.length > 0) {
    out.push('Sessions per folder:');
    for (const f of report.sessionsByFolder.slice(0, 15)) out.push(`  ${String(f.sessions).padStart(5)}  ${f.folder}`);
  }
  if (report.clients.length > 0) out.push(`Clients: ${report.clients.slice(0, 30).join(', ')}${report.clients.length > 30 ? `, and ${report.clients.length - 30} more` : ''}`);
  if (report.sample.length > 0) {
    out.push('A sample of commitments as read:');
    for (const c of report.sample) {
      out.push(`  ${c.client}: ${c.text}`);
      out.push(`      ${c.status}, due ${c.due}${c.dueIsDefault ? ' (default)' : ''}, owner ${c.owner}  (${c.path}:${c.line})`);
    }
  }
  if (report.notRead.length > 0) {
    out.push(`Notes not read or read with a warning (${report.notRead.length}):`);
    for (const d of report.notRead.slice(0, 40)) out.push(`  ${d.path}:${d.line}  ${d.severity}: ${d.message}`);
    if (report.notRead.length > 40) out.push(`  … and ${report.notRead.length - 40} more (scan --json lists them all)`);
  }
  out.push('');
  out.push(written ? `Saved the layout in ${written}${kept ? ', added to the layout already saved there (nothing you had set was taken away)' : ''}; every other setting was kept. No note was changed.` : 'Nothing was saved and no note was changed. Run again with --write to save this layout.');
  return out.join('\n') + '\n';
}
