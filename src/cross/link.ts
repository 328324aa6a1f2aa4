import type { Level, Place } from '../model/metadata.js';
import type { Report } from '../model/report.js';

/** A child report (street, town) placed under its parent (district, county). */
export interface Link {
  child: string;
  parent: string;
  /** Why: the shared place name, or `given by the caller`. */
  reason: string;
  explicit: boolean;
}

/** A report that could not be placed, and why. */
export interface Unplaced {
  id: string;
  reason: string;
}

const CHILD_LEVELS: Level[] = ['street', 'town'];
const PARENT_LEVELS: Level[] = ['district', 'county'];

/** The district or county a report names (白云区 of 广州市白云区人民政府石门街道办事处). */
export function parentPlace(report: Report): Place | null {
  return report.metadata.places.find((p) => p.kind === 'district' || p.kind === 'county') ?? null;
}

/** The city a report names (广州市), or null. */
export function cityOf(report: Report): Place | null {
  return report.metadata.places.find((p) => p.kind === 'city') ?? null;
}

/** Whether two reports may be of one place: same district, and same city when both name one (广州市白云区 ≠ 贵阳市白云区). */
export function samePlace(a: Report, b: Report): boolean {
  const da = parentPlace(a);
  const db = parentPlace(b);
  if (!da || !db || da.name !== db.name) return false;
  const ca = cityOf(a);
  const cb = cityOf(b);
  return !ca || !cb || ca.name === cb.name;
}

/**
 * Links each street or town report to its district or county: by the caller's explicit parent,
 * else by the district named in its issuer or title. A report with no candidate, or several, is
 * unplaced, with the reason.
 */
export function linkReports(docs: ReadonlyArray<{ id: string; report: Report }>, parents: Readonly<Record<string, string>> = {}): { links: Link[]; unplaced: Unplaced[] } {
  const links: Link[] = [];
  const unplaced: Unplaced[] = [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const parentsByPlace = new Map<string, Array<{ id: string; report: Report }>>();
  for (const d of docs) {
    if (!PARENT_LEVELS.includes(d.report.metadata.level)) continue;
    const place = parentPlace(d.report);
    if (!place) continue;
    const list = parentsByPlace.get(place.name) ?? [];
    list.push(d);
    parentsByPlace.set(place.name, list);
  }
  for (const d of docs) {
    const explicit = parents[d.id];
    if (explicit !== undefined) {
      const p = byId.get(explicit);
      if (!p) unplaced.push({ id: d.id, reason: `the parent ${explicit} is not among the reports` });
      else if (!CHILD_LEVELS.includes(d.report.metadata.level)) unplaced.push({ id: d.id, reason: `it is a ${d.report.metadata.level} report, not a street's or town's` });
      else if (!PARENT_LEVELS.includes(p.report.metadata.level) && p.report.metadata.level !== 'city') unplaced.push({ id: d.id, reason: `the parent ${explicit} is a ${p.report.metadata.level} report, not a district's or county's` });
      else links.push({ child: d.id, parent: explicit, reason: 'given by the caller', explicit: true });
      continue;
    }
    if (!CHILD_LEVELS.includes(d.report.metadata.level)) continue;
    const place = parentPlace(d.report);
    if (!place) {
      // A street of a county-level city (江门市台山市台城街道) belongs to the most local city.
      const cities = d.report.metadata.places.filter((p) => p.kind === 'city');
      const city = cities[cities.length - 1];
      const cityParents = city
        ? docs.filter((p) => p.id !== d.id && p.report.metadata.level === 'city' && !parentPlace(p.report) && p.report.metadata.places.some((x) => x.kind === 'city' && x.name === city.name))
        : [];
      if (city && cityParents.length === 1) {
        links.push({ child: d.id, parent: cityParents[0]!.id, reason: `${city.name} names the county-level city of ${cityParents[0]!.id}`, explicit: false });
      } else unplaced.push({ id: d.id, reason: 'its issuer and title name no district or county' });
      continue;
    }
    const candidates = (parentsByPlace.get(place.name) ?? []).filter((p) => p.id !== d.id && samePlace(d.report, p.report));
    if (candidates.length === 1) {
      const p = candidates[0]!;
      const issuer = d.report.metadata.issuers.find((i) => i.text.includes(place.name))?.text ?? d.report.metadata.title?.text ?? place.name;
      links.push({ child: d.id, parent: p.id, reason: `${issuer} names ${place.name}, the district of ${p.id}`, explicit: false });
    } else if (candidates.length === 0) {
      unplaced.push({ id: d.id, reason: `no report of ${place.name} among the reports` });
    } else {
      unplaced.push({ id: d.id, reason: `several reports of ${place.name}: ${candidates.map((c) => c.id).join(', ')}` });
    }
  }
  return { links, unplaced };
}
