import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge, parseKnowledgeFiles } from '../../src/knowledge/load.js';

const realFiles = () =>
  readdirSync('knowledge')
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ name, text: readFileSync(join('knowledge', name), 'utf8') }));

/** The real knowledge with one file's text changed. */
function withChange(file: string, change: (text: string) => string) {
  return realFiles().map((f) => (f.name === file ? { ...f, text: change(f.text) } : f));
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
  it('loads the repository knowledge with every fact of the city page', () => {
    const knowledge = loadKnowledge('knowledge');
    expect(knowledge.contact.phone).toBe('0451 122 2029');
    expect(knowledge.contact.email).toBe('ehrenamt@luebeck.de');
    expect(knowledge.programme.website).toBe('https://www.engagiertestadt.de');
    expect(knowledge.programme.cities.count).toBe(120);
    expect(knowledge.programme.joined.year).toBe(2024);
    expect(knowledge.organisations.filter((o) => o.roles.includes('local-partner'))).toHaveLength(9);
    expect(knowledge.organisations.filter((o) => o.roles.includes('programme-sponsor'))).toHaveLength(8);
    expect(knowledge.organisations.filter((o) => o.roles.includes('programme-partner'))).toHaveLength(8);
    expect(knowledge.people.map((p) => p.name)).toEqual(['Jens Ilse', 'Pia Steinrücke', 'Filiz Günsür', 'Felix Schulz von Thun']);
  });
});

describe('a broken knowledge file', () => {
  it('names file, field and problem for a wrong type', () => {
    const problems = problemsOf(withChange('organisations.yaml', (t) => t.replace('founded: 2022', 'founded: zweitausend')));
    expect(problems[0]).toMatchObject({ file: 'organisations.yaml', field: expect.stringMatching(/^organisations\.\d+\.founded$/) });
  });

  it('names a missing translation', () => {
    const problems = problemsOf(withChange('people.yaml', (t) => t.replace('      en: Social Smart City manager of Lübeck\n', '')));
    expect(problems[0]).toMatchObject({ file: 'people.yaml', field: 'people.2.role.en' });
  });

  it('refuses an invalid e-mail address and an unknown field', () => {
    const problems = problemsOf(
      withChange('programme.yaml', (t) => t.replace('email: ehrenamt@luebeck.de', 'email: ehrenamt(at)luebeck.de\n  fax: 123')),
    );
    const fields = problems.map((p) => p.field);
    expect(fields).toContain('contact.email');
    expect(problems.some((p) => p.file === 'programme.yaml' && /fax/.test(p.message + p.field))).toBe(true);
  });

  it('refuses broken YAML with the file named', () => {
    const problems = problemsOf(withChange('events.yaml', (t) => `${t}\n  - id: [unclosed\n`));
    expect(problems[0]!.file).toBe('events.yaml');
    expect(problems[0]!.message).toMatch(/YAML/);
  });

  it('refuses a reference to an id that does not exist', () => {
    const problems = problemsOf(withChange('events.yaml', (t) => t.replace('organiser: tandem-ehrenamt', 'organiser: tandem')));
    expect(problems[0]).toMatchObject({ file: 'events.yaml', field: 'events.0.organiser', message: expect.stringContaining('"tandem"') });
  });

  it('refuses a duplicate id and says where the first one is', () => {
    const problems = problemsOf(withChange('events.yaml', (t) => t.replace('id: fachtage', 'id: ehrenamtsmesse')));
    expect(problems[0]!.message).toMatch(/already used in events\.yaml/);
  });

  it('refuses knowledge without a contact', () => {
    const problems = problemsOf(withChange('programme.yaml', (t) => t.slice(0, t.indexOf('contact:'))));
    expect(problems.some((p) => p.field === 'contact')).toBe(true);
  });
});
