// Scores a `follow-through scan --json` output against a layout fixture's hand-written
// expected.json. Plain JavaScript (no build step) so report.mjs runs it under Node directly;
// score.ts re-exports it with types for the vitest tests. This file is the only implementation.
//
// Nothing here imports the plugin: the scorer must not share code with the reader it judges.

const FINISHED = new Set(['done', 'let-go', 'recommitted']);
const UNFINISHED = new Set(['open', 'partial', 'stuck']);

/** @param {number} num @param {number} den */
function ratio(num, den) {
  return { num, den, ratio: den === 0 ? null : num / den };
}

/** @param {unknown} s */
function norm(s) {
  return typeof s === 'string' ? s.trim().replace(/\s+/g, ' ').toLowerCase() : s ?? null;
}

/** The note a scanned commitment came from (`session` in the contract; `path` tolerated). */
function commitmentPath(c) {
  return c.session ?? c.path ?? null;
}

/** Overdue as the scan says it, or, when a scan leaves the field out, as the contract defines it. */
function scanOverdue(c, asOf) {
  if (typeof c.overdue === 'boolean') return c.overdue;
  return UNFINISHED.has(c.status) && typeof c.due === 'string' && c.due < asOf;
}

/**
 * @param {any} scan     the scan JSON (`sessions`, `commitments`; other keys ignored)
 * @param {any} expected the fixture's expected.json
 */
export function scoreLayout(scan, expected) {
  const asOf = expected.asOf ?? scan.asOf;
  const scanSessions = Array.isArray(scan?.sessions) ? scan.sessions : [];
  const scanCommitments = Array.isArray(scan?.commitments) ? scan.commitments : [];
  const expSessions = expected.sessions ?? [];
  const expCommitments = expected.commitments ?? [];
  const covered = new Set([...expSessions.map((s) => s.path), ...(expected.notSessions ?? [])]);
  /** @type {any[]} */
  const misses = [];

  // Sessions: by path and heading line where the expectation has one, else by path and date.
  const usedSessions = new Set();
  let sessionsFound = 0;
  for (const e of expSessions) {
    const candidates = scanSessions.filter((s, i) => !usedSessions.has(i) && s.path === e.path);
    let hit = e.line != null ? candidates.find((s) => s.line === e.line) : undefined;
    if (!hit) hit = candidates.find((s) => s.date === e.date);
    if (hit) {
      usedSessions.add(scanSessions.indexOf(hit));
      sessionsFound++;
    } else {
      misses.push({ kind: 'session-missed', path: e.path, line: e.line, expected: { client: e.client ?? e.clients ?? null, date: e.date } });
    }
  }
  scanSessions.forEach((s, i) => {
    if (!usedSessions.has(i) && covered.has(s.path)) {
      misses.push({ kind: 'session-extra', path: s.path, line: s.line ?? null, got: { client: s.client ?? null, date: s.date ?? null } });
    }
  });

  // Commitments: by path and line.
  const byKey = new Map();
  scanCommitments.forEach((c, i) => {
    const key = `${commitmentPath(c)}\u0000${c.line}`;
    if (!byKey.has(key)) byKey.set(key, i);
  });
  const usedCommitments = new Set();
  const pairs = [];
  for (const e of expCommitments) {
    const i = byKey.get(`${e.path}\u0000${e.line}`);
    if (i === undefined) {
      misses.push({ kind: 'commitment-missed', path: e.path, line: e.line, text: e.text, expected: { client: e.client, owner: e.owner, due: e.due, status: e.status } });
      continue;
    }
    usedCommitments.add(i);
    pairs.push([e, scanCommitments[i]]);
  }
  let read = 0;
  scanCommitments.forEach((c, i) => {
    const path = commitmentPath(c);
    if (!covered.has(path)) return;
    read++;
    if (!usedCommitments.has(i)) {
      misses.push({ kind: 'commitment-extra', path, line: c.line ?? null, text: c.text ?? null, got: { client: c.client ?? null, owner: c.owner ?? null, due: c.due ?? null, status: c.status ?? null } });
    }
  });

  // Due recall is over every expected commitment with a stated due: a missed item misses its due.
  const dueStated = expCommitments.filter((e) => e.due != null).length;
  let dueRight = 0;
  let dueInvented = 0;
  let ownerRight = 0;
  let statusRight = 0;
  let clientRight = 0;
  let finishedShownOverdue = 0;
  for (const [e, c] of pairs) {
    const at = { path: e.path, line: e.line, text: e.text };
    if (e.due != null) {
      if (c.due === e.due && c.dueIsDefault === false) dueRight++;
      else misses.push({ kind: 'due', ...at, expected: e.due, got: { due: c.due ?? null, dueIsDefault: c.dueIsDefault ?? null } });
    } else if (c.dueIsDefault === false && c.due != null) {
      dueInvented++;
      misses.push({ kind: 'due-invented', ...at, expected: null, got: { due: c.due, dueIsDefault: false } });
    }
    if (norm(c.owner) === norm(e.owner)) ownerRight++;
    else misses.push({ kind: 'owner', ...at, expected: e.owner, got: c.owner ?? null });
    if (c.status === e.status) statusRight++;
    else misses.push({ kind: 'status', ...at, expected: e.status, got: c.status ?? null });
    if (norm(c.client) === norm(e.client)) clientRight++;
    else misses.push({ kind: 'client', ...at, expected: e.client, got: c.client ?? null });
    if (FINISHED.has(e.status) && scanOverdue(c, asOf)) {
      finishedShownOverdue++;
      misses.push({ kind: 'finished-shown-overdue', ...at, expected: e.status, got: { status: c.status ?? null, due: c.due ?? null } });
    }
  }

  return {
    asOf,
    sessions: ratio(sessionsFound, expSessions.length),
    commitmentsFound: ratio(pairs.length, expCommitments.length),
    precision: ratio(pairs.length, read),
    dueRecall: ratio(dueRight, dueStated),
    dueInvented,
    ownerAccuracy: ratio(ownerRight, pairs.length),
    statusAccuracy: ratio(statusRight, pairs.length),
    clientAccuracy: ratio(clientRight, pairs.length),
    finishedShownOverdue,
    misses,
  };
}

/** The acceptance thresholds of issue 10 (its hold-out check). */
export const ACCEPTANCE = {
  sessions: 0.9,
  commitmentsFound: 0.85,
  precision: 0.95,
  dueRecall: 0.8,
  ownerAccuracy: 0.85,
  statusAccuracy: 0.85,
  finishedShownOverdue: 3,
};

/**
 * Which acceptance thresholds the metrics fail, as sentences; empty when all pass.
 * A ratio with nothing to measure (den 0) passes.
 */
export function failedThresholds(metrics, thresholds = ACCEPTANCE) {
  const failed = [];
  for (const [name, min] of Object.entries(thresholds)) {
    if (name === 'finishedShownOverdue') {
      if (metrics.finishedShownOverdue > min) failed.push(`finishedShownOverdue ${metrics.finishedShownOverdue} > ${min}`);
      continue;
    }
    const r = metrics[name];
    if (r && r.ratio !== null && r.ratio < min) failed.push(`${name} ${pct(r.ratio)} < ${pct(min)}`);
  }
  return failed;
}

function pct(x) {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`;
}

/** A human-readable report: the metrics, then the misses grouped by kind. */
export function formatReport(metrics, { maxPerKind = Infinity } = {}) {
  const line = (name, r) => `  ${name.padEnd(18)} ${String(r.num).padStart(4)} / ${String(r.den).padEnd(4)} ${pct(r.ratio)}`;
  const out = [
    `as of ${metrics.asOf}`,
    line('sessions', metrics.sessions),
    line('commitments found', metrics.commitmentsFound),
    line('precision', metrics.precision),
    line('due recall', metrics.dueRecall),
    line('owner accuracy', metrics.ownerAccuracy),
    line('status accuracy', metrics.statusAccuracy),
    line('client accuracy', metrics.clientAccuracy),
    `  ${'due invented'.padEnd(18)} ${metrics.dueInvented}`,
    `  ${'finished overdue'.padEnd(18)} ${metrics.finishedShownOverdue}`,
  ];
  const kinds = new Map();
  for (const m of metrics.misses) {
    if (!kinds.has(m.kind)) kinds.set(m.kind, []);
    kinds.get(m.kind).push(m);
  }
  for (const [kind, list] of kinds) {
    out.push('', `${kind} (${list.length})`);
    for (const m of list.slice(0, maxPerKind)) {
      const where = m.line == null ? m.path : `${m.path}:${m.line}`;
      const text = m.text ? `  "${m.text}"` : '';
      const exp = 'expected' in m ? `  expected ${JSON.stringify(m.expected)}` : '';
      const got = 'got' in m ? `  got ${JSON.stringify(m.got)}` : '';
      out.push(`  ${where}${text}${exp}${got}`);
    }
    if (list.length > maxPerKind) out.push(`  … ${list.length - maxPerKind} more`);
  }
  return out.join('\n') + '\n';
}
