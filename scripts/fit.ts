/**
 * Fitting the weights and thresholds of the scoring function (`dialogue/decide.ts`).
 *
 * 1. Evidence out of sample: the corpus is split by voice (file); for each voice the
 *    counts come from all the other voices, and the real assistant answers that voice's
 *    questions in order (conversations included), recording every candidate's evidence.
 * 2. Weights: a conditional logit – the weights that make the candidates a question's
 *    label accepts most probable among all of its candidates – fitted by gradient ascent
 *    with a little L2 regularisation (deterministic: fixed start, fixed steps).
 * 3. Thresholds: answer / ask back / decline, chosen by how many answers pass their
 *    checks (the evaluation format), again voice by voice.
 */
import { createAssistant } from '../src/assistant.js';
import { type Candidate, EVIDENCE } from '../src/dialogue/decide.js';
import type { Knowledge } from '../src/knowledge/knowledge.js';
import { factOf } from '../src/knowledge/knowledge.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { renderPlainText } from '../src/reply.js';
import type { ScorerParams, UnderstandingModel } from '../src/understanding/model.js';
import { type EvalItem, parseEvalLine, scoreAnswer } from './eval-scoring.js';
import { type Label, labelOf, type TrainingItem } from './training-data.js';

type BuildModel = (items: TrainingItem[], knowledgeDir: string, params: ScorerParams) => UnderstandingModel;

export function evalItemOf(item: TrainingItem): EvalItem {
  return parseEvalLine(JSON.stringify({ id: item.id, cat: item.cat, q: item.q, lang: item.lang, ...item.checks }));
}

/** Per voice: the model from the other voices, and an assistant on it that reports its decisions. */
function* folds(items: TrainingItem[], knowledgeDir: string, build: BuildModel, params: ScorerParams) {
  const knowledge = loadKnowledge(knowledgeDir);
  for (const held of [...new Set(items.map((item) => item.file))]) {
    const model = build(
      items.filter((item) => item.file !== held),
      knowledgeDir,
      params,
    );
    yield { knowledge, model, held: items.filter((item) => item.file === held) };
  }
}

/** The share of items whose answer passes its checks, with voices held out in turn. */
export function crossValidate(items: TrainingItem[], knowledgeDir: string, build: BuildModel, params: ScorerParams): number {
  let passed = 0;
  for (const { knowledge, model, held } of folds(items, knowledgeDir, build, params)) {
    const assistant = createAssistant(knowledge, { model });
    for (const item of held) {
      const reply = assistant.respond({ channel: 'batch', conversationId: item.conv ?? item.id, text: item.q });
      if (scoreAnswer(evalItemOf(item), { text: renderPlainText(reply), fallback: reply.fallback, locale: reply.locale }).pass) passed++;
    }
  }
  return passed / items.length;
}

interface Observation {
  evidence: Float64Array[];
  /** Which candidates the label accepts. */
  correct: boolean[];
}

/** Every decision's candidates on held-out voices, with which of them the label accepts. */
function observe(items: TrainingItem[], knowledgeDir: string, build: BuildModel, params: ScorerParams): Observation[] {
  const observations: Observation[] = [];
  for (const { knowledge, model, held } of folds(items, knowledgeDir, build, params)) {
    let current: Candidate[] | undefined;
    const assistant = createAssistant(knowledge, { model, onDecision: (decision) => (current = decision.candidates) });
    for (const item of held) {
      current = undefined;
      assistant.respond({ channel: 'batch', conversationId: item.conv ?? item.id, text: item.q });
      const label = labelOf(item.want, knowledge);
      if (!current || !label) continue;
      const candidates: Candidate[] = current;
      const correct = candidates.map((c) => accepts(label, c, knowledge));
      if (!correct.some(Boolean)) continue;
      observations.push({ evidence: candidates.map((c) => c.evidence!), correct });
    }
  }
  return observations;
}

/** Whether a candidate gives the answer a label asks for. */
function accepts(label: Label, candidate: Candidate, knowledge: Knowledge): boolean {
  const { facet, subject, evidence } = candidate;
  const missing = evidence ? evidence[EVIDENCE.indexOf('missing')]! + evidence[EVIDENCE.indexOf('unsaid')]! > 0 : false;
  if (label.intent === 'decline') return facet.kind === 'decline' || missing;
  // "Ist die AWO Partner?" labelled with the list it is not on: a name the knowledge lacks, as the subject, says just that.
  if (candidate.unnamed) return !label.subject && knowledge.facets.some((f) => f.id === label.intent && f.kind === 'list' && f.role !== undefined);
  if (!label.subject) return facet.id === label.intent;
  if (subject?.id !== label.subject) return false;
  if (facet.id === label.intent) return true;
  // Another facet that the same field answers (about and role of a person) gives the same answer.
  const wanted = knowledge.facets.find((f) => f.id === label.intent);
  const fieldOf = (f: typeof facet) => f.fields.find((field) => factOf(subject, field.name) !== undefined)?.name;
  return wanted !== undefined && fieldOf(wanted) !== undefined && fieldOf(wanted) === fieldOf(facet);
}

/**
 * Conditional logit: the weights that make the accepted candidates most probable (mean log
 * likelihood, with a small L2 penalty so that evidence that never varies stays at 0).
 * Gradient ascent with an adaptive step: a step that lowers the objective is taken back
 * and the step halved, a good one lengthens the next.
 */
function fitWeights(observations: Observation[], start: Record<string, number>): Record<string, number> {
  const l2 = 0.001;
  const objective = (w: Float64Array, gradient?: Float64Array) => {
    gradient?.fill(0);
    let likelihood = 0;
    for (const { evidence, correct } of observations) {
      const scores = evidence.map((e) => e.reduce((sum, v, i) => sum + v * w[i]!, 0));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const total = exp.reduce((a, b) => a + b, 0);
      const good = exp.reduce((a, v, i) => a + (correct[i] ? v : 0), 0);
      likelihood += Math.log(good / total);
      if (!gradient) continue;
      // d/dw log(good/total) = E_good[φ] − E_all[φ]
      evidence.forEach((e, i) => {
        const weight = (correct[i] ? exp[i]! / good : 0) - exp[i]! / total;
        if (weight !== 0) for (let k = 0; k < w.length; k++) gradient[k]! += weight * e[k]!;
      });
    }
    let value = likelihood / observations.length;
    for (let k = 0; k < w.length; k++) {
      value -= l2 * w[k]! * w[k]!;
      if (gradient) gradient[k] = gradient[k]! / observations.length - 2 * l2 * w[k]!;
    }
    return value;
  };
  let w = Float64Array.from(EVIDENCE, (name) => start[name] ?? 0);
  const gradient = new Float64Array(w.length);
  let value = objective(w, gradient);
  let rate = 1;
  for (let step = 0; step < 300 && rate > 1e-6; step++) {
    const next = w.map((v, k) => v + rate * gradient[k]!);
    const nextValue = objective(next);
    if (nextValue < value) {
      rate /= 2;
      continue;
    }
    w = next;
    value = objective(w, gradient);
    rate *= 1.2;
  }
  console.log(`  mean log likelihood ${value.toFixed(4)}`);
  return Object.fromEntries(EVIDENCE.map((name, i) => [name, Math.round(w[i]! * 1000) / 1000]));
}

export async function fitParams(items: TrainingItem[], knowledgeDir: string, build: BuildModel, start: ScorerParams): Promise<ScorerParams> {
  let params = start;
  for (let round = 1; round <= 2; round++) {
    const observations = observe(items, knowledgeDir, build, params);
    params = { ...params, weights: fitWeights(observations, params.weights) };
    console.log(`round ${round}: weights fitted on ${observations.length} questions`, params.weights);
  }
  let best = { params, score: crossValidate(items, knowledgeDir, build, params) };
  for (const answer of [0.03, 0.06, 0.1, 0.15, 0.2, 0.3]) {
    for (const clarify of [0.3, 0.6]) {
      const trial = { ...params, answer, clarify };
      const score = crossValidate(items, knowledgeDir, build, trial);
      if (score > best.score) best = { params: trial, score };
    }
  }
  console.log(
    `thresholds: answer ${best.params.answer}, clarify ${best.params.clarify}; ${(100 * best.score).toFixed(1)} % of corpus answers pass, voices held out`,
  );
  return best.params;
}
