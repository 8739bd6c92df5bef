import { POSTS_CARE } from './posts-care';
import { POSTS_CHRONIC } from './posts-chronic';
import { POSTS_FIRST_AID } from './posts-first-aid';
import { POSTS_INFECTIONS } from './posts-infections';

/**
 * The seed library of `npm run seed`: patient-education posts written for CareBow (no copied text),
 * general education only: no diagnosis, no dosing beyond "follow the label or your pharmacist".
 * Every body is Markdown with headings, a list and a "When to get help" section. LOCAL DEMO CONTENT:
 * the seed has a demo provider review it so the assistant has something to cite; a real deployment
 * has its own clinicians review its own library.
 */
export interface SeedPost {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly language: 'en';
  /** Markdown: no raw HTML. */
  readonly body: string;
}

export const SEED_POSTS: readonly SeedPost[] = [...POSTS_INFECTIONS, ...POSTS_CHRONIC, ...POSTS_CARE, ...POSTS_FIRST_AID];
