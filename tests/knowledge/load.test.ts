import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainProblems } from '../../src/knowledge/explain.js';
import { factOf } from '../../src/knowledge/knowledge.js';
import { KnowledgeError, listFiles, loadKnowledge, parseKnowledgeFiles } from '../../src/knowledge/load.js';

const realFiles = () => listFiles('knowledge').map((path) => ({ name: path.slice('knowledge/'.length), text: readFileSync(path, 'utf8') }));

/** The real knowledge with one file's text changed. */
function withChange(file: string, change: (text: string) => string) {
  const files = realFiles();
  expect(files.some((f) => f.name === file)).toBe(true);
  return files.map((f) => (f.name === file ? { ...f, text: change(f.text) } : f));
}

function problemsOf(files: { name: string; text: string }[]) {
  try {
    parseKnowledgeFiles(files);
  } catch (error) {
    if (error instanceof KnowledgeError) return error.problems;
    throw error;
  }
  throw new Error('expected the knowledge to be refused');
}

describe('loadKnowledge', () => {
  it('loads both halves with every fact of the city page', () => {
    const knowledge = loadKnowledge('knowledge');
    expect(knowledge.contacts[0]?.facts).toMatchObject({ phone: '0451 122 2029', email: 'ehrenamt@luebeck.de', title: 'Dr.' });
    expect(factOf(knowledge.programme, 'website')).toBe('https://www.engagiertestadt.de');
    expect(factOf(knowledge.programme, 'cities')).toMatchObject({ value: 120 });
    expect(factOf(knowledge.city, 'joined')).toMatchObject({ value: 2024 });
    expect(knowledge.town).toBe('Lübeck');
    const withRole = (role: string) => [...knowledge.subjects.values()].filter((s) => s.roles.includes(role));
    expect(withRole('local-partner')).toHaveLength(9);
    expect(withRole('sponsor')).toHaveLength(8);
    expect(withRole('programme-partner')).toHaveLength(8);
    expect(knowledge.people.map((p) => p.name.text.de)).toEqual(['Dr. Jens Ilse', 'Pia Steinrücke', 'Filiz Günsür', 'Felix Schulz von Thun']);
    expect(knowledge.messages.map((m) => m.name)).toEqual([
      'programme/answers.de.ftl',
      'programme/answers.en.ftl',
      'city/messages.de.ftl',
      'city/messages.en.ftl',
    ]);
  });

  it('checks each fact against the type its facet declares, with file, line and field', () => {
    const [problem] = problemsOf(withChange('city/organisations.yaml', (t) => t.replace('founded: 2022', 'founded: zweitausend')));
    expect(problem).toMatchObject({ file: 'city/organisations.yaml', code: 'year-format', field: 'organisations.1.founded' });
    expect(problem?.line).toBeGreaterThan(1);
  });

  it('names a missing translation', () => {
    const [problem] = problemsOf(withChange('city/people.yaml', (t) => t.replace(/\n {6}en: the contact person[^\n]*/, '')));
    expect(problem).toMatchObject({ code: 'field-missing', field: 'people.0.role.en' });
  });

  it('refuses an unknown field and suggests the one meant', () => {
    const [problem] = problemsOf(withChange('city/organisations.yaml', (t) => t.replace('founded: 2022', 'fouded: 2022')));
    expect(problem).toMatchObject({ code: 'field-unknown', args: { field: 'fouded', known: 'founded' } });
  });

  it('refuses an invalid e-mail address', () => {
    expect(problemsOf(withChange('city/city.yaml', (t) => t.replace('ehrenamt@luebeck.de', 'ehrenamt(at)luebeck.de')))[0]).toMatchObject({
      code: 'email-format',
    });
  });

  it('names the common YAML slips by their kind and line', () => {
    const colon = problemsOf(withChange('city/people.yaml', (t) => t.replace('name: Jens Ilse', 'name: Jens: Ilse')));
    expect(colon).toEqual([expect.objectContaining({ file: 'city/people.yaml', code: 'yaml-block-as-implicit-key', line: 8 })]);
    const tab = problemsOf(withChange('city/people.yaml', (t) => t.replace('  - id: jens-ilse', '\t- id: jens-ilse')));
    expect(tab).toEqual([expect.objectContaining({ code: 'yaml-tab-as-indent', line: 7 })]);
  });

  it('refuses a reference to an id that does not exist and suggests the nearest', () => {
    const [problem] = problemsOf(withChange('city/people.yaml', (t) => t.replace('organisation: stabsstelle', 'organisation: stabstelle')));
    expect(problem).toMatchObject({ code: 'ref-unknown', args: { id: 'stabstelle', known: 'stabsstelle' } });
  });

  it('refuses a duplicate id and says where the first one is', () => {
    const [problem] = problemsOf(withChange('city/events.yaml', (t) => t.replace('id: fachtage', 'id: forum-ehrenamt')));
    expect(problem).toMatchObject({
      file: 'city/organisations.yaml',
      code: 'id-duplicate',
      args: { id: 'forum-ehrenamt', other: 'city/events.yaml' },
    });
  });

  it('refuses knowledge without a city', () => {
    const files = realFiles().filter((f) => f.name !== 'city/city.yaml');
    expect(problemsOf(files)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'section-missing', args: { section: 'city' } })]));
  });

  it('refuses a message file with a broken line', () => {
    const [problem] = problemsOf(withChange('city/messages.de.ftl', (t) => `${t}kaputt ohne Gleichheitszeichen\n`));
    expect(problem).toMatchObject({ file: 'city/messages.de.ftl', code: 'ftl-syntax' });
  });
});

describe('explainProblems', () => {
  it('tells editors in German, with entries counted from 1, what to write instead', () => {
    const problems = problemsOf(withChange('city/people.yaml', (t) => t.replace('organisation: stabsstelle', 'organisation: stabstelle')));
    expect(explainProblems(problems)).toEqual([
      'city/people.yaml, Zeile 12 – people → 1. Eintrag → organisation: Es gibt keinen Eintrag mit der id „stabstelle“. Meinen Sie „stabsstelle“?',
    ]);
  });

  it('speaks English on request', () => {
    const problems = problemsOf(withChange('city/people.yaml', (t) => t.replace('  - id: jens-ilse', '\t- id: jens-ilse')));
    expect(explainProblems(problems, 'en')[0]).toMatch(/^city\/people\.yaml, line 7: This line is indented with a tab/);
  });
});
