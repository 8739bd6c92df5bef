/**
 * The categories of the seed library (`npm run seed`): a managed list, created through
 * `POST /api/v1/content/categories` before any post. LOCAL DEMO CONTENT, written for CareBow.
 */
export interface SeedCategory {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
}

export const SEED_CATEGORIES: readonly SeedCategory[] = [
  {
    slug: 'fever-and-infections',
    name: 'Fever and infections',
    description: 'Temperatures, colds, flu, sore throats, stomach bugs and other common infections.',
  },
  { slug: 'breathing-and-lungs', name: 'Breathing and lungs', description: 'Asthma, coughs and breathlessness.' },
  {
    slug: 'heart-and-circulation',
    name: 'Heart and circulation',
    description: 'Blood pressure, heart attack and stroke warning signs, and looking after your heart.',
  },
  {
    slug: 'diabetes-and-metabolism',
    name: 'Diabetes and metabolism',
    description: 'Living with diabetes, blood sugar, foot care and cholesterol.',
  },
  { slug: 'mental-health', name: 'Mental health', description: 'Anxiety, low mood, stress and sleep.' },
  {
    slug: 'medicines-and-safety',
    name: 'Medicines and safety',
    description: 'Taking, storing and disposing of medicines safely, antibiotics and everyday pain relief.',
  },
  {
    slug: 'children-and-family',
    name: 'Children and family',
    description: 'Fever, fluids and vaccinations for babies and children.',
  },
  {
    slug: 'healthy-ageing-and-home-care',
    name: 'Healthy ageing and home care',
    description: 'Staying safe at home, caring for someone and spotting sudden changes in older adults.',
  },
  { slug: 'skin', name: 'Skin', description: 'Eczema, sun safety and skin infections.' },
  { slug: 'first-aid', name: 'First aid', description: 'What to do first for burns, bleeding, choking, allergic reactions and head injuries.' },
];
