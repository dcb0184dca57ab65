import { describe, expect, it } from 'vitest';
import {
  agreementSignals,
  agreementsFrom,
  agreementsOf,
  checkInPeriods,
  parseAgreement,
  partnerCommitments,
  AGREEMENT_SIGNAL_NAMES,
  AGREEMENT_SIGNAL_WEIGHT,
} from '../../src/core/agreements';
import { SIGNAL_NAMES } from '../../src/core/analytics/signals';
import { judgementWords } from '../../src/core/nudges/template';
import { clientNote, demoEntries, indexOf, lineOf, sessionNote, sessionPath, vault } from '../nudges/helpers';
import { VaultIndex } from '../../src/core/index/vault-index';

const entries = demoEntries();
const files = Object.fromEntries(entries);
const index = new VaultIndex();
index.setNotes(entries);
const agreements = agreementsFrom(entries);
const AGREEMENT = 'Agreements/Alex and Jordan.md';
const TEXT = files[AGREEMENT];
const JE = sessionPath('Jordan Ellis', '2026-11-26');

const names = (asOf: string) => agreementSignals(index, agreements, asOf).map((s) => `${s.client}: ${s.name}`);

describe('agreement signals over the demo vault', () => {
  it('finds the one agreement, and Jordan Ellis (a client) as its partner; Alex is not a client', () => {
    expect(agreements.map((a) => a.path)).toEqual([AGREEMENT]);
    expect(agreementsOf(index, agreements, 'Jordan Ellis').map((a) => a.path)).toEqual([AGREEMENT]);
    expect(agreementsOf(index, agreements, 'Maya Chen')).toEqual([]);
  });

  it('as of 2026-12-01: missed partner check-ins (11-20 missed, the week of 11-24 not logged)', () => {
    const signals = agreementSignals(index, agreements, '2026-12-01');
    expect(signals.map((s) => `${s.client}: ${s.name}`)).toEqual(['Jordan Ellis: partner-check-ins-missed']);
    const s = signals[0];
    expect(s.message).toBe('2 of the last 4 weekly check-ins with Alex Moreau were missed or not logged.');
    expect(s.agreement).toBe(AGREEMENT);
    expect(s.evidence).toEqual([
      { kind: 'agreement', path: AGREEMENT, line: lineOf(TEXT, '2026-11-20 missed'), text: 'missed check-in: Alex at a conference all week', date: '2026-11-17' },
      { kind: 'agreement', path: AGREEMENT, line: lineOf(TEXT, '## Check-in log'), text: 'no check-in logged from 2026-11-24 to 2026-11-30', date: '2026-11-24' },
    ]);
  });

  it('check-in periods are counted from the start date, one per cadence', () => {
    const periods = checkInPeriods(agreements[0], '2026-12-01');
    expect(periods.map((p) => `${p.from} ${p.status}`)).toEqual([
      '2026-10-20 held',
      '2026-10-27 held',
      '2026-11-03 held',
      '2026-11-10 held',
      '2026-11-17 missed',
      '2026-11-24 unlogged',
    ]);
    // Before the first period ends there is nothing to judge yet.
    expect(checkInPeriods(agreements[0], '2026-10-26')).toEqual([]);
    expect(agreementSignals(index, agreements, '2026-11-16')).toEqual([]);
  });

  it("as of 2026-12-09: Alex's item in Jordan's session (due 12-08) is past due too", () => {
    const s = agreementSignals(index, agreements, '2026-12-09').find((x) => x.name === 'partner-commitment-overdue')!;
    expect(s.client).toBe('Jordan Ellis');
    expect(s.message).toBe('1 commitment Alex Moreau took on is overdue.');
    expect(s.agreement).toBe(AGREEMENT);
    expect(s.evidence).toEqual([
      { kind: 'commitment', path: JE, line: lineOf(files[JE], 'Send Jordan the Friday check-in prompt'), text: 'Send Jordan the Friday check-in prompt', date: '2026-12-08' },
    ]);
  });

  it('recalibration due: from 14 days before the date, and after it', () => {
    expect(names('2026-12-31')).not.toContain('Jordan Ellis: recalibration-due');
    const soon = agreementSignals(index, agreements, '2027-01-01').find((s) => s.name === 'recalibration-due')!;
    expect(soon.message).toBe("The recalibration of 'Accountability agreement: Alex and Jordan' is due on 2027-01-15 (in 14 days).");
    expect(soon.evidence).toEqual([{ kind: 'agreement', path: AGREEMENT, line: lineOf(TEXT, 'recalibrate: 2027-01-15'), text: 'recalibration date 2027-01-15', date: '2027-01-15' }]);
    const late = agreementSignals(index, agreements, '2027-01-20').find((s) => s.name === 'recalibration-due')!;
    expect(late.message).toBe("The recalibration of 'Accountability agreement: Alex and Jordan' was due on 2027-01-15.");
  });

  it('partner-owned commitments show on the client view, with the partner and the agreement', () => {
    const list = partnerCommitments(index, agreements, 'Jordan Ellis', '2026-12-01');
    expect(list.map((p) => [p.commitment.id, p.partner, p.partnerName, p.agreement, p.overdue])).toEqual([
      ['je1a4', 'Alex', 'Alex Moreau', AGREEMENT, false],
      ['je2b2', 'Alex', 'Alex Moreau', AGREEMENT, false],
    ]);
  });

  it('signal names do not collide with the roster signals, and every message is neutral', () => {
    for (const n of AGREEMENT_SIGNAL_NAMES) {
      expect((SIGNAL_NAMES as readonly string[]).includes(n)).toBe(false);
      expect(AGREEMENT_SIGNAL_WEIGHT[n]).toBeGreaterThan(0);
    }
    for (const d of ['2026-12-01', '2026-12-09', '2027-01-20']) {
      for (const s of agreementSignals(index, agreements, d)) expect(judgementWords(s.message), s.message).toEqual([]);
    }
  });
});

describe('agreement signals on fixtures', () => {
  const pair = (o: { log?: string[]; recalibrate?: string; partners?: string[] } = {}) =>
    [
      '---',
      'type: agreement',
      'partners:',
      ...(o.partners ?? ['"[[Jane Doe]]"', '"[[Sam Lee]]"']).map((p) => `  - ${p}`),
      'start: 2026-11-02',
      'cadence: weekly',
      `recalibrate: ${o.recalibrate ?? '2027-03-01'}`,
      '---',
      '# Jane and Sam',
      '## Check-in log',
      ...(o.log ?? []),
      '',
    ].join('\n');

  it('both partners who are clients get the signal; a released client gets none', () => {
    const f = vault(
      clientNote('Jane Doe'),
      clientNote('Sam Lee', { status: 'paused' }),
      { 'Agreements/pair.md': pair({ log: ['- 2026-11-05 held'] }) },
    );
    const idx = indexOf(f);
    const ags = agreementsFrom(Object.entries(f));
    expect(agreementSignals(idx, ags, '2026-11-30').map((s) => `${s.client}: ${s.name}: ${s.message}`)).toEqual([
      'Jane Doe: partner-check-ins-missed: 3 of the last 4 weekly check-ins with Sam Lee were missed or not logged.',
    ]);
    const both = vault(f, clientNote('Sam Lee'));
    expect(agreementSignals(indexOf(both), ags, '2026-11-30').map((s) => s.client)).toEqual(['Jane Doe', 'Sam Lee']);
  });

  it('one miss in the window is below the threshold; the window and threshold are options', () => {
    const f = vault(clientNote('Jane Doe'), { 'Agreements/pair.md': pair({ log: ['- 2026-11-05 held', '- 2026-11-12 partial', '- 2026-11-19 missed: flu', '- 2026-11-26 held'] }) });
    const idx = indexOf(f);
    const ags = agreementsFrom(Object.entries(f));
    expect(agreementSignals(idx, ags, '2026-11-30')).toEqual([]);
    expect(agreementSignals(idx, ags, '2026-11-30', { missedCheckIns: 1 }).map((s) => s.name)).toEqual(['partner-check-ins-missed']);
  });

  it('no log section, no inference of missed check-ins', () => {
    const text = pair().replace('## Check-in log\n', '');
    const f = vault(clientNote('Jane Doe'), { 'Agreements/pair.md': text });
    expect(checkInPeriods(parseAgreement('Agreements/pair.md', text)!, '2026-12-30')).toEqual([]);
    expect(agreementSignals(indexOf(f), agreementsFrom(Object.entries(f)), '2026-12-30')).toEqual([]);
  });

  it('partner-owned overdue items raise a signal even without an agreement note', () => {
    const f = vault(
      clientNote('Jane Doe'),
      sessionNote('Jane Doe', '2026-11-10', ['- [ ] Practice the pitch together [owner:: Robin] [due:: 2026-11-20]', '- [ ] Coach: send notes [due:: 2026-11-20]']),
    );
    const s = agreementSignals(indexOf(f), [], '2026-11-25');
    expect(s.map((x) => [x.client, x.name, x.message, x.agreement])).toEqual([
      ['Jane Doe', 'partner-commitment-overdue', '1 commitment Robin took on is overdue.', null],
    ]);
  });
});
