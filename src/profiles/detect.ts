import type { Level } from '../model/metadata.js';
import type { Report } from '../model/report.js';
import type { Deadline, Profile } from './schema.js';

/** The profile a report is checked against, with the level and why they were chosen. */
export interface ActiveProfile {
  profile: Profile;
  /** The variant for the report's level, if the profile has one. */
  variant: Profile['variants'][number] | null;
  level: Level;
  /** Why this profile: the cues found, or `given by the caller`. */
  reason: string;
  deadlines: { report?: Deadline; publish?: Deadline };
}

/** The report's title, or its opening sentence when it has none (the street seed's 现将…汇报如下). */
export function titleOrOpening(report: Report): { text: string; range: { start: number; end: number } } | null {
  if (report.metadata.title) return report.metadata.title;
  const first = report.paragraphs.find((p) => p.role === 'body' && p.section === null);
  if (!first) return null;
  const sentences = first.sentences.map((i) => report.sentences[i]!);
  const framing = sentences.find((s) => /(报告|汇报)如下/.test(report.normalized.slice(s.range.start, s.range.end)));
  if (!framing) return null;
  return { text: report.text.slice(framing.range.start, framing.range.end), range: framing.range };
}

/** Scores a profile's cues: a title cue counts 2, each distinct body cue 1. */
function score(report: Report, profile: Profile): { score: number; cues: string[] } {
  const title = titleOrOpening(report)?.text ?? '';
  const cues: string[] = [];
  let total = 0;
  for (const cue of profile.recognize.title) {
    if (title.includes(cue)) {
      total += 2;
      cues.push(`title: ${cue}`);
      break;
    }
  }
  // A title that names none of the kind's cues names another kind (…政府信息公开工作年度报告
  // that mentions 依法行政 in its body is not a 法治政府建设年度报告).
  if (report.metadata.title && cues.length === 0) return { score: 0, cues: [] };
  // Body cues are looked up in the first 20 000 characters: enough to recognise a kind.
  const body = report.normalized.slice(0, 20_000);
  for (const cue of profile.recognize.body) {
    if (body.includes(cue)) {
      total += 1;
      cues.push(`body: ${cue}`);
    }
  }
  return { score: total, cues };
}

/**
 * Chooses the profile for a report: the caller's, or the best-scoring profile whose score
 * reaches its `minScore`; null when none fits. The level is the caller's or the report's.
 */
export function detectProfile(report: Report, profiles: readonly Profile[], override: { profile?: string; level?: Level } = {}): ActiveProfile | null {
  let chosen: { profile: Profile; reason: string } | null = null;
  if (override.profile) {
    const p = profiles.find((x) => x.id === override.profile);
    if (p) chosen = { profile: p, reason: 'given by the caller' };
  } else {
    let best: { profile: Profile; score: number; cues: string[] } | null = null;
    for (const profile of profiles) {
      const s = score(report, profile);
      if (s.score >= profile.recognize.minScore && (!best || s.score > best.score)) best = { profile, ...s };
    }
    if (best) chosen = { profile: best.profile, reason: best.cues.join(', ') };
  }
  if (!chosen) return null;
  const level = override.level ?? report.metadata.level;
  const variant = chosen.profile.variants.find((v) => v.levels.includes(level)) ?? null;
  return {
    profile: chosen.profile,
    variant,
    level,
    reason: chosen.reason,
    deadlines: { ...chosen.profile.deadlines, ...(variant?.deadlines ?? {}) },
  };
}
