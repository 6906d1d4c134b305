// The six social value themes of the WMCA policy, section 5.0 ("Objectives"). Every measure belongs
// to exactly one theme; its code starts with the theme's prefix (GSE-01 is Growth, Skills and Employment).

export type ThemeId =
  | 'growth-skills-employment'
  | 'local-businesses'
  | 'healthier-stronger-communities'
  | 'environment'
  | 'social-innovation'
  | 'planning-development';

export type MeasureCodePrefix = 'GSE' | 'PLB' | 'HSC' | 'ENV' | 'INN' | 'PAD';

export interface Theme {
  id: ThemeId;
  label: string;
  /** The policy's aim for the theme, in short. */
  description: string;
  measurePrefix: MeasureCodePrefix;
}

export const THEMES: readonly Theme[] = [
  {
    id: 'growth-skills-employment',
    label: 'Growth, Skills and Employment',
    description:
      'Promote growth where we operate, help our communities develop new skills and gain meaningful employment, and encourage employers to invest in new jobs and skills for everyone.',
    measurePrefix: 'GSE',
  },
  {
    id: 'local-businesses',
    label: 'Promoting Local Businesses',
    description:
      'Give local businesses the skills to compete and the opportunity to work within our supply chain, for the jobs and wealth they create.',
    measurePrefix: 'PLB',
  },
  {
    id: 'healthier-stronger-communities',
    label: 'Creating Healthier, Stronger Communities',
    description:
      'Build stronger relationships with the voluntary sector, use voluntary and social enterprises in our supply chain, and help build local knowledge and resilience.',
    measurePrefix: 'HSC',
  },
  {
    id: 'environment',
    label: 'Protecting and Improving our Environment',
    description:
      'Work with local businesses and communities to make places cleaner and greener, and promote sustainable procurement that protects the planet’s long-term future.',
    measurePrefix: 'ENV',
  },
  {
    id: 'social-innovation',
    label: 'Social Innovation',
    description: 'Promote innovation amongst our suppliers and showcase best practice where it works.',
    measurePrefix: 'INN',
  },
  {
    id: 'planning-development',
    label: 'Planning and Development',
    description:
      'Support and enable Constituent and Non-Constituent Authorities to consider social value in the early stages of project planning and development.',
    measurePrefix: 'PAD',
  },
];

export const THEME_IDS: readonly ThemeId[] = THEMES.map((t) => t.id);

export function isThemeId(value: unknown): value is ThemeId {
  return THEMES.some((t) => t.id === value);
}

export function themeById(id: ThemeId): Theme {
  const found = THEMES.filter((t) => t.id === id)[0];
  if (!found) throw new Error(`Unknown theme "${String(id)}".`);
  return found;
}

/** The theme a measure code belongs to, from its prefix ('GSE-01' → growth-skills-employment), or undefined. */
export function themeForMeasureCode(code: string): Theme | undefined {
  const prefix = String(code).split('-')[0].toUpperCase();
  return THEMES.filter((t) => t.measurePrefix === prefix)[0];
}
