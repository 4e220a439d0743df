// What the guidance pages say about a rule's tier matches the rule: a sentence that names a rule id
// and a tier word ("error", "warning", "note"/"info") must name the rule's own tier.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from './catalogue/index.ts';

const CONTENT = new URL('../../content/docs/', import.meta.url);
const TIER_WORDS = { error: /\berrors?\b/i, warning: /\bwarnings?\b/i, info: /\b(notes?|info)\b/i } as const;

describe('pages describe rule tiers as the rules have them', () => {
  const pages = readdirSync(CONTENT).filter((f) => f.endsWith('.mdx'));
  it('reads the guidance pages', () => expect(pages.length).toBeGreaterThan(10));

  it('never calls a rule by another tier', () => {
    const wrong: string[] = [];
    let mentions = 0;
    for (const page of pages) {
      const text = readFileSync(new URL(page, CONTENT), 'utf8').replace(/\s+/g, ' ');
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        for (const rule of RULES) {
          if (!sentence.includes(`\`${rule.id}\``)) continue;
          // Only sentences about one rule can be judged; lists of several rules mix tiers.
          if (RULES.filter((r) => sentence.includes(`\`${r.id}\``)).length > 1) continue;
          const named = (Object.keys(TIER_WORDS) as (keyof typeof TIER_WORDS)[]).filter((tier) => TIER_WORDS[tier].test(sentence));
          if (named.length === 0) continue;
          mentions++;
          // A sentence may contrast tiers; it is wrong only when the rule's own tier is absent.
          if (!named.includes(rule.severity))
            wrong.push(`${page}: "${sentence.slice(0, 160)}" calls ${rule.id} a ${named.join('/')}; it is a ${rule.severity}`);
        }
      }
    }
    expect(mentions).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
