import { prepareUnderstanding, loadModel } from '../src/understanding/model.js';
import { loadKnowledge } from '../src/knowledge/load.js';
const u = prepareUnderstanding(loadKnowledge('knowledge'), loadModel());
const r = u.read(process.argv[2]!);
console.log(r.tokens.map((t) => `${t.key}${t.corrected ? '*' : ''}${t.domain ? '' : '?'}${t.mention !== undefined ? '@' + t.mention : ''}`).join(' '), JSON.stringify(r.mentions), r.unknownName);
const lp = u.facetLogProbabilities(u.features(r)); console.log([...lp].sort((a,b)=>b[1]-a[1]).slice(0,5));
