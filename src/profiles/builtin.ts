import fazhi from '../../rules/profiles/fazhi-zhengfu-annual-report.json';
import { parseProfile, type Profile } from './schema.js';

/** The built-in profiles, validated once at load. */
export const BUILTIN_PROFILES: readonly Profile[] = [parseProfile(fazhi, 'rules/profiles/fazhi-zhengfu-annual-report.json')];
