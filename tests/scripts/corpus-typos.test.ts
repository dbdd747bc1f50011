import { describe, expect, it } from 'vitest';
import { corpusTypos } from '../../scripts/train.js';
import type { TrainingItem } from '../../scripts/training-data.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const knowledge = loadKnowledge('knowledge');
const item = (q: string, want: string, n: number): TrainingItem => ({ id: `t-${n}`, file: 'test', cat: 'typos', q, lang: 'de', want, checks: {} });

describe('typos of the training corpus kept out of the vocabulary', () => {
  it('takes a swapped five-letter cue word for a typo when its questions ask that facet', () => {
    const items = [item('maile bitte die emial', 'contact:email', 1), item('emial wohin', 'contact:email', 2)];
    expect(corpusTypos(items, knowledge).has('emial')).toBe(true);
  });

  it('keeps a word one letter from a cue word when its questions ask something else', () => {
    const items = [item('emial wer leitet das', 'contact:person', 1), item('emial seit wann', 'programme:founded', 2)];
    expect(corpusTypos(items, knowledge).has('emial')).toBe(false);
  });
});
