import { describe, expect, it } from 'vitest';
import { corpusTypos } from '../../scripts/train.js';
import type { TrainingItem } from '../../scripts/training-data.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const knowledge = loadKnowledge('knowledge');
const item = (q: string, want: string, n: number): TrainingItem => ({ id: `t-${n}`, file: 'test', cat: 'typos', q, lang: 'de', want, checks: {} });

describe('typos of the training corpus kept out of the vocabulary', () => {
  it('takes a swapped five-letter cue word for a typo when its questions ask that facet', () => {
    const items = [item('hnady nummer bitte', 'contact:phone', 1), item('gibt es eine hnady nummer', 'contact:phone', 2)];
    expect(corpusTypos(items, knowledge).has('hnady')).toBe(true);
  });

  it('keeps a word one letter from a cue word when its questions ask something else', () => {
    const items = [item('hnady wer leitet das', 'contact:person', 1), item('hnady seit wann', 'programme:founded', 2)];
    expect(corpusTypos(items, knowledge).has('hnady')).toBe(false);
  });
});
