/** The agreement panel's model over the demo vault: Jordan Ellis and Alex Moreau's agreement. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { agreementActions, buildAgreementModel, cadenceText } from '../../src/app/agreements';
import { readVault } from '../../src/cli/read-vault';
import { AgreementIndex } from '../../src/core/agreements/store';
import { VaultIndex } from '../../src/core/index/vault-index';

const DEMO = fileURLToPath(new URL('../../examples/demo-vault', import.meta.url));
const entries = readVault(DEMO);
const index = new VaultIndex();
index.setNotes(entries);
const agreements = new AgreementIndex();
agreements.setNotes(entries);
const PATH = 'Agreements/Alex and Jordan.md';

describe('buildAgreementModel', () => {
  it('gives Jordan’s agreement with its findings as questions, its recent check-ins and its signal', () => {
    const m = buildAgreementModel(index, agreements, 'jordan ellis', '2026-12-01');
    expect(m.client).toBe('Jordan Ellis');
    expect(m.agreements).toHaveLength(1);
    const a = m.agreements[0];
    expect(a).toMatchObject({
      path: PATH,
      title: 'Accountability agreement: Alex and Jordan',
      partners: ['Jordan Ellis', 'Alex Moreau'],
      others: ['Alex Moreau'],
      coach: 'Priya Nair',
      start: '2026-10-20',
      cadence: 7,
      cadenceText: 'weekly',
      recalibrate: { date: '2027-01-15' },
      recalibrateInDays: 45,
      recalibrateDue: false,
      logLine: 45,
      lastCheckIn: { date: '2026-11-20', status: 'missed' },
    });
    expect(a.findings.map((f) => `${f.kind} ${f.line} ${f.partner}: ${f.text}`)).toEqual([
      'vague-goal 21 Alex Moreau: Get better at marketing.',
      'support-not-actionable 29 Alex Moreau: Direct but kind.',
    ]);
    expect(a.findings.every((f) => f.question.endsWith('?') || f.question.includes('?'))).toBe(true);
    expect(a.periods.map((p) => `${p.from} ${p.status} ${p.line}`)).toEqual(['2026-11-03 held 48', '2026-11-10 held 49', '2026-11-17 missed 50', '2026-11-24 unlogged null']);
    expect(a.signals.map((s) => s.name)).toEqual(['partner-check-ins-missed']);
    expect(m.signals).toEqual([]);
  });

  it('lists the commitments Alex took on in Jordan’s sessions: live ones first, then closed', () => {
    const m = buildAgreementModel(index, agreements.list(), 'Jordan Ellis', '2026-12-01');
    expect(m.partnerCommitments.map((p) => `${p.partnerName} | ${p.commitment.text} | ${p.commitment.status} | ${p.commitment.due}`)).toEqual([
      'Alex Moreau | Send Jordan the Friday check-in prompt | open | 2026-12-08',
      "Alex Moreau | Review Jordan's rate card and mark anything that sounds apologetic | done | 2026-11-24",
    ]);
    expect(m.partnerCommitments.every((p) => p.agreement === PATH)).toBe(true);
  });

  it('shows the recalibration as due two weeks ahead, and the overdue partner commitment once past due', () => {
    const m = buildAgreementModel(index, agreements, 'Jordan Ellis', '2027-01-05');
    expect(m.agreements[0].recalibrateDue).toBe(true);
    expect(m.agreements[0].signals.map((s) => s.name)).toContain('recalibration-due');
    expect(m.agreements[0].signals.map((s) => s.name)).toContain('partner-commitment-overdue');
    expect(m.partnerCommitments[0]).toMatchObject({ overdue: true, commitment: { text: 'Send Jordan the Friday check-in prompt' } });
  });

  it('is empty for a client with no agreement, and for a name the index does not know', () => {
    expect(buildAgreementModel(index, agreements, 'Marcus Bell', '2026-12-01')).toEqual({
      asOf: '2026-12-01',
      client: 'Marcus Bell',
      agreements: [],
      partnerCommitments: [],
      signals: [],
    });
    expect(buildAgreementModel(index, agreements, 'Nobody', '2026-12-01').agreements).toEqual([]);
  });

  it('words cadences, and opens agreement lines through the navigator', () => {
    expect([1, 7, 14, 28, 3.5, 10].map(cadenceText)).toEqual(['daily', 'weekly', 'fortnightly', 'monthly', 'twice a week', 'every 10 days']);
    const nav = { openEvidence: vi.fn() };
    const e = { kind: 'agreement' as const, path: PATH, line: 21, text: 'Get better at marketing.', date: '2026-12-01' };
    agreementActions(nav).openEvidence(e);
    expect(nav.openEvidence).toHaveBeenCalledWith(e);
  });
});
