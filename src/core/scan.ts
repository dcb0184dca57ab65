/** The scan contract's JSON object, built from an index (docs/note-format.md, "Scan output"). */
import { VaultIndex, isOverdue } from './index/vault-index';
import type { ScanClientJson, ScanCommitmentJson, ScanOutput, ScanSessionJson } from './scan-output';
import type { CoreSettings } from './settings';
import type { Client, Commitment, IsoDate, Session } from './types';

export function clientJson(c: Client): ScanClientJson {
  return {
    name: c.name,
    coach: c.coach,
    cadence: c.cadence,
    accountability: c.accountability,
    status: c.status,
    path: c.path,
    pausedUntil: c.pausedUntil,
  };
}

export function sessionJson(s: Session): ScanSessionJson {
  return { path: s.path, client: s.client, date: s.date, next: s.next, status: s.status, coach: s.coach, line: s.line };
}

export function commitmentJson(c: Commitment, asOf: IsoDate): ScanCommitmentJson {
  return {
    id: c.id,
    client: c.client,
    session: c.session,
    sessionDate: c.sessionDate,
    line: c.line,
    text: c.text,
    owner: c.owner,
    kind: c.kind,
    status: c.status,
    due: c.due,
    dueIsDefault: c.dueIsDefault,
    trigger: c.trigger,
    coping: c.coping ? { obstacle: c.coping.obstacle, response: c.coping.response } : null,
    confidence: c.confidence,
    from: c.from,
    checkIns: c.checkIns.map((k) => ({ date: k.date, status: k.status, note: k.note })),
    overdue: isOverdue(c, asOf),
    doneDate: c.doneDate,
    letGoDate: c.letGoDate,
    learned: c.learned.map((l) => l.text),
    notes: c.notes,
  };
}

export function scanIndex(index: VaultIndex, asOf: IsoDate): ScanOutput {
  return {
    asOf,
    clients: index.clients().map(clientJson),
    sessions: index.sessions().map(sessionJson),
    commitments: index.commitments().map((c) => commitmentJson(c, asOf)),
    diagnostics: index.diagnostics(),
  };
}

/** Scans a set of notes given as `path → text` (paths relative to the vault, `/` separated). */
export function scanFiles(
  files: Record<string, string> | Iterable<readonly [string, string]>,
  options: { asOf: IsoDate; settings?: Partial<CoreSettings> },
): ScanOutput {
  const index = new VaultIndex(options.settings);
  const entries = Symbol.iterator in files ? files : Object.entries(files);
  index.setNotes(entries);
  return scanIndex(index, options.asOf);
}
