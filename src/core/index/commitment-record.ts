/**
 * Commitment objects built field by field. The index makes one per parsed commitment per client
 * and copies some (a carried link, a copy's check-in): an object spread (`{ ...c, client }`) of a
 * 26-field record with fields added after it takes V8's slow path (about 30 µs each here, 15×
 * `Object.assign`), and it was most of a cold roster's time. A literal with every field named
 * gives one hidden class for every commitment, so the code that reads them stays monomorphic.
 *
 * When a field is added to `ParsedCommitment` or `Commitment`, add it to both functions here (the
 * return type makes a missing one a type error).
 */
import type { Commitment, CommitmentStatus, IsoDate, ParsedCommitment } from '../types';

export interface SessionPart {
  client: string;
  session: string;
  sessionKey: string;
  sessionDate: IsoDate;
  due: IsoDate;
  dueIsDefault: boolean;
}

/** A parsed commitment with what the index derives for it from its session and client. */
export function resolvedCommitment(c: ParsedCommitment, s: SessionPart): Commitment {
  return {
    id: c.id,
    line: c.line,
    raw: c.raw,
    endLine: c.endLine,
    text: c.text,
    owner: c.owner,
    kind: c.kind,
    kindIsDefault: c.kindIsDefault,
    checkbox: c.checkbox,
    hasCheckbox: c.hasCheckbox,
    status: c.status,
    due: s.due,
    doneDate: c.doneDate,
    letGoDate: c.letGoDate,
    trigger: c.trigger,
    coping: c.coping,
    confidence: c.confidence,
    from: c.from,
    checkIns: c.checkIns,
    learned: c.learned,
    notes: c.notes,
    convention: c.convention,
    tagged: c.tagged,
    sessionIndex: c.sessionIndex,
    person: c.person,
    recurrence: c.recurrence,
    client: s.client,
    session: s.session,
    sessionKey: s.sessionKey,
    sessionDate: s.sessionDate,
    dueIsDefault: s.dueIsDefault,
  };
}

/** A copy of a resolved commitment, with a status (and optionally its check-ins) replaced. */
export function withStatus(c: Commitment, status: CommitmentStatus, checkIns = c.checkIns): Commitment {
  const out = resolvedCommitment(c, c);
  out.status = status;
  out.checkIns = checkIns;
  return out;
}
