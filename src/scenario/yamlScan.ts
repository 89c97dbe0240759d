import { CST, Lexer } from 'yaml';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH, MAX_YAML_NODES } from './limits.js';
import type { InputProblem } from './scenarioError.js';

/**
 * Tags a scenario may carry: the YAML core schema's own. Any other (`!!js/function`, `!foo`)
 * would be read as plain text today and mean something else tomorrow, so it is refused.
 */
const CORE_TAGS = new Set(['!', '!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq']);

/** A flow collection being scanned, for the decimal-comma check. */
interface FlowCollection {
  readonly kind: 'seq' | 'map';
  readonly line: number;
  /** `0,25`: a number, a comma and digits with nothing between them. */
  tightNumberCommas: number;
  /** The first such pair as written, for the message. */
  example: string;
  /** Commas followed by a space: the list's own separators. */
  spacedCommas: number;
}

/** Tokens that start a value: scalars, aliases and flow collections (a block item holds one of these). */
const VALUE_TOKENS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar-header', 'alias', 'flow-seq-start', 'flow-map-start']);

const DIGITS = /^\d+$/;
const NUMBER = /^[-+]?\d+$/;

/** Lines a token spans beyond its first. */
function newlinesIn(token: string): number {
  let n = 0;
  for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Reads a YAML text's tokens once, without building anything, and refuses what would make
 * parsing unbounded or silently wrong before the parser runs: nesting deeper than
 * MAX_YAML_DEPTH (the parser recurses), more than MAX_YAML_NODES values (memory grows with
 * them, whatever the bytes), more than MAX_YAML_ALIASES aliases, an alias before its anchor,
 * tags outside the core schema, merge keys, several documents, and decimal commas in flow
 * collections (`[0,25, 0,5]` reads as four numbers). Stops at the first limit exceeded.
 * @returns the problems found, each with its line; empty when the text may be parsed
 */
export function scanYaml(text: string): InputProblem[] {
  const problems: InputProblem[] = [];
  let line = 1;
  let nodes = 0;
  let aliases = 0;
  const anchors = new Set<string>();
  const flows: FlowCollection[] = [];
  // Block nesting: the indentation of each open level, and the indicators (-, :, ?) on this line.
  const indents: number[] = [];
  let lineStart = true;
  let indicatorsOnLine = 0;
  let documents = 0;
  let contentInDocument = false;
  // The decimal-comma check: a number, then a comma with no space, then digits.
  let numberBefore = '';
  let commaState: 'none' | 'number' | 'number-comma' = 'none';
  let scalarTextNext = false;
  // A comma just before: a space after it marks the collection's own separators.
  let afterComma = false;

  const fail = (message: string) => {
    problems.push({ path: `line ${line}`, message });
    return problems;
  };
  const openLine = (indent: number) => {
    while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
    indents.push(indent);
    lineStart = false;
  };

  for (const token of new Lexer().lex(text)) {
    if (scalarTextNext) {
      // A plain scalar's text follows its marker token.
      scalarTextNext = false;
      if (token === '<<' && flows.length === 0) fail('YAML merge keys (<<) are not supported: write the keys out, or repeat a whole value with *anchor');
      const flow = flows[flows.length - 1];
      if (flow && commaState === 'number-comma' && DIGITS.test(token)) {
        flow.tightNumberCommas++;
        if (flow.example === '') flow.example = `${numberBefore},${token}`;
      }
      commaState = NUMBER.test(token) ? 'number' : 'none';
      numberBefore = token;
      line += newlinesIn(token);
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'newline') {
      line++;
      lineStart = true;
      indicatorsOnLine = 0;
      commaState = 'none';
      continue;
    }
    if (type === 'space') {
      if (lineStart && flows.length === 0) openLine(token.length);
      if (afterComma && flows.length > 0) flows[flows.length - 1].spacedCommas++;
      afterComma = false;
      commaState = 'none';
      continue;
    }
    afterComma = type === 'comma';
    if (type === 'comment' || type === 'doc-mode' || type === 'doc-end' || type === 'byte-order-mark') continue;
    if (type === 'doc-start') {
      if (contentInDocument || documents === 0) documents++;
      contentInDocument = false;
      continue;
    }
    if (lineStart && flows.length === 0) openLine(0);
    if (!contentInDocument && documents === 0) documents = 1;
    contentInDocument = true;
    if (type === 'comma') {
      commaState = commaState === 'number' ? 'number-comma' : 'none';
      continue;
    }
    if (type === 'scalar') scalarTextNext = true;
    else commaState = 'none';
    // In block context each indicator on a line opens a level; in flow context brackets count.
    if (flows.length === 0 && (type === 'seq-item-ind' || type === 'map-value-ind' || type === 'explicit-key-ind')) indicatorsOnLine++;
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      flows.push({ kind: type === 'flow-seq-start' ? 'seq' : 'map', line, tightNumberCommas: 0, example: '', spacedCommas: 0 });
    }
    if (type === 'flow-seq-end' || type === 'flow-map-end') {
      const flow = flows.pop();
      if (flow && flow.tightNumberCommas > 0 && (flow.kind === 'map' || flow.spacedCommas > 0)) {
        const [whole, fraction] = flow.example.split(',');
        problems.push({
          path: `line ${flow.line}`,
          message: `"${flow.example}" reads as two numbers, ${whole} and ${fraction}: use a decimal point: ${whole}.${fraction}, not ${flow.example}`,
        });
      }
    }
    if (type === 'anchor') anchors.add(token.slice(1));
    if (type === 'alias') {
      aliases++;
      if (!anchors.has(token.slice(1))) fail(`alias ${token} comes before any anchor &${token.slice(1)} defines it (an anchor must come first)`);
      if (aliases > MAX_YAML_ALIASES) return fail(`more than ${MAX_YAML_ALIASES} aliases (*name); at most ${MAX_YAML_ALIASES} are read`);
    }
    if (type === 'tag' && !CORE_TAGS.has(token)) fail(`tag ${token} is not allowed; a scenario holds plain values (text, numbers, lists, mappings) only`);
    if (VALUE_TOKENS.has(type ?? '') && ++nodes > MAX_YAML_NODES) {
      return fail(
        `more than ${MAX_YAML_NODES.toLocaleString('en-US')} values; at most ${MAX_YAML_NODES.toLocaleString('en-US')} are read (refused before parsing)`,
      );
    }
    if (flows.length + indents.length + indicatorsOnLine > MAX_YAML_DEPTH) {
      return fail(`nesting is deeper than ${MAX_YAML_DEPTH} levels; a scenario needs far fewer (refused before parsing)`);
    }
    line += newlinesIn(token);
  }
  if (documents > 1) problems.push({ path: '', message: `the file holds ${documents} YAML documents (separated by ---); a scenario is one document` });
  return problems;
}
