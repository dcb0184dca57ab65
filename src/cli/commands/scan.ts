/** `follow-through scan VAULT [--json] [--as-of D]`: the vault's records, as JSON or a summary. */
import { VaultIndex, isOverdue } from '../../core/index/vault-index';
import { roster } from '../../core/analytics/roster';
import { clientJson, commitmentJson, sessionJson } from '../../core/scan';
import type { ScanOutput } from '../../core/scan-output';
import { jsonChunks, lazyList } from '../json-chunks';
import type { RiskThresholds } from '../../core/analytics/thresholds';
import type { Diagnostic, IsoDate } from '../../core/types';
import { plural, table } from '../format';

/**
 * `scan --json`: the scan contract's object (as `scanIndex` builds it) and the roster, as
 * `JSON.stringify(…, null, 2)` writes it, in pieces (see json-chunks.ts: a large vault's scan is
 * more than one string can hold). Each commitment's JSON is made as its piece is written.
 */
export function scanJsonChunks(index: VaultIndex, asOf: IsoDate, thresholds?: Partial<RiskThresholds>): Iterable<string> {
  const parts: Record<keyof ScanOutput, unknown> & { roster: unknown } = {
    asOf,
    clients: lazyList(index.clients(), clientJson),
    sessions: lazyList(index.sessions(), sessionJson),
    commitments: lazyList(index.commitments(), (c) => commitmentJson(c, asOf)),
    diagnostics: index.diagnostics(),
    roster: roster(index, { asOf, thresholds }),
  };
  return jsonChunks(parts);
}

export function formatDiagnostics(diagnostics: Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  return (
    `Diagnostics (${diagnostics.length})\n` +
    diagnostics.map((d) => `  ${d.path}:${d.line}  ${d.severity}  ${d.message}`).join('\n') +
    '\n'
  );
}

export function scanSummary(index: VaultIndex, asOf: IsoDate, vaultName: string): string {
  const clients = index.clients();
  const sessions = index.sessions();
  const commitments = index.commitments();
  const coaches = new Set(clients.map((c) => c.coach).filter((c): c is string => c !== null));
  const open = commitments.filter((c) => c.status === 'open' || c.status === 'partial' || c.status === 'stuck');
  const overdue = commitments.filter((c) => isOverdue(c, asOf));
  const lines: string[] = [];
  lines.push(`Follow Through: ${vaultName} as of ${asOf}`);
  lines.push(
    `${plural(clients.length, 'client')}, ${plural(coaches.size, 'coach', 'coaches')}, ${plural(sessions.length, 'session')}, ` +
      `${plural(commitments.length, 'commitment')}: ${open.length} open, ${overdue.length} overdue`,
  );
  lines.push('');
  lines.push('Clients');
  const rows = [['name', 'coach', 'status', 'open', 'overdue', 'done']];
  for (const c of clients) {
    const mine = index.commitmentsOf(c);
    rows.push([
      c.name,
      c.coach ?? '-',
      c.status,
      String(mine.filter((x) => x.status === 'open' || x.status === 'partial' || x.status === 'stuck').length),
      String(mine.filter((x) => isOverdue(x, asOf)).length),
      String(mine.filter((x) => x.status === 'done').length),
    ]);
  }
  lines.push(table(rows));
  lines.push('');
  if (overdue.length > 0) {
    lines.push(`Overdue (${overdue.length})`);
    const sorted = [...overdue].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    for (const c of sorted) lines.push(`  ${c.due}  ${c.client}: ${c.text}  (${c.session}:${c.line})`);
    lines.push('');
  }
  const diag = formatDiagnostics(index.diagnostics());
  if (diag) lines.push(diag);
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}
