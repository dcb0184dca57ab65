import type { Expected, Metrics, ScanLike, Thresholds } from './score';

export function scoreLayout(scan: ScanLike, expected: Expected): Metrics;
export function formatReport(metrics: Metrics, options?: { maxPerKind?: number }): string;
export function failedThresholds(metrics: Metrics, thresholds?: Thresholds): string[];
export const ACCEPTANCE: Required<Thresholds>;
