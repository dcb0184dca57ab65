/**
 * Small random vaults of the spec's notes for the tests that hold a kept or faster answer to
 * the one worked out from nothing: five clients (some paused), session notes whose commitments
 * draw block ids from a few (so ids are reused across notes and within one), repeat texts,
 * check-ins, coach and partner items; and the changes a coach makes between two answers.
 */
import type { VaultIndex } from '../../src/core/index/vault-index';
import { clientNote, sessionNote, type Files } from '../nudges/helpers';

export function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const CLIENTS = ['Maya Chen', 'José Núñez', 'Tom Whitaker', 'Ana Lee', 'Ben Carter'];
const TEXTS = ['Send the deck', 'Walk 20 minutes', 'Call the bank', 'Draft the proposal', 'Book the coffees'];
const IDS = ['aa1', 'bb2', 'cc3', 'dd4', 'ee5', 'ff6'];
const BOXES = [' ', ' ', ' ', 'x', '/', '?', '-'];

function commitmentLine(r: () => number): string {
  const pick = <T,>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const due = `2026-12-${String(1 + Math.floor(r() * 20)).padStart(2, '0')}`;
  const owner = r() < 0.15 ? ' [owner:: coach]' : r() < 0.1 ? ' [owner:: Alex]' : '';
  // Block ids drawn from a few, so some are reused across notes and within one; a third have none.
  const id = r() < 0.66 ? ` ^${pick(IDS)}` : '';
  const checkIn = r() < 0.2 ? `\n  - 2026-11-2${Math.floor(r() * 9)} stuck: meetings ate Monday` : '';
  return `- [${pick(BOXES)}] ${pick(TEXTS)}${owner} [due:: ${due}]${id}${checkIn}`;
}

export function randomVault(r: () => number): Files {
  const files: Files = {};
  for (const name of CLIENTS) {
    const status = r() < 0.15 ? 'paused' : 'active';
    Object.assign(files, clientNote(name, { accountability: r() < 0.5 ? 'active' : 'check-in', status }));
  }
  for (let i = 0; i < 14; i++) Object.assign(files, randomSession(r));
  return files;
}

function randomSession(r: () => number): Files {
  const name = CLIENTS[Math.floor(r() * CLIENTS.length)];
  const date = `2026-11-${String(1 + Math.floor(r() * 26)).padStart(2, '0')}`;
  const items = Array.from({ length: 1 + Math.floor(r() * 4) }, () => commitmentLine(r));
  return sessionNote(name, date, items, r() < 0.3 ? { coach: 'Sam Rivera' } : {});
}

/** One change of the kind a coach makes: a note edited, added or deleted, a client note changed. */
export function change(files: Files, r: () => number): void {
  const paths = Object.keys(files);
  const path = paths[Math.floor(r() * paths.length)];
  const roll = r();
  if (roll < 0.35 && path.startsWith('Sessions/')) {
    // Tick, untick or reword one commitment line.
    const lines = files[path].split('\n');
    const at = lines.findIndex((l, i) => i > 0 && l.startsWith('- [') && r() < 0.6);
    if (at >= 0) lines[at] = commitmentLine(r);
    files[path] = lines.join('\n');
  } else if (roll < 0.55) Object.assign(files, randomSession(r));
  else if (roll < 0.7 && path.startsWith('Sessions/')) delete files[path];
  else if (roll < 0.85) {
    const name = CLIENTS[Math.floor(r() * CLIENTS.length)];
    Object.assign(files, clientNote(name, { accountability: r() < 0.5 ? 'active' : 'consequences', status: r() < 0.2 ? 'ended' : 'active' }));
  } else if (path.startsWith('Sessions/')) files[path] += `\n- [ ] ${TEXTS[Math.floor(r() * TEXTS.length)]} [due:: 2026-12-09]\n`;
}

export function apply(index: VaultIndex, before: Files, after: Files): void {
  for (const path of Object.keys(before)) if (!(path in after)) index.removeNote(path);
  for (const [path, text] of Object.entries(after)) if (before[path] !== text) index.setNote(path, text);
}

