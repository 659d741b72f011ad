/** yaml's errors and warnings, and errors from turning a document into data, as problems. */
import { isScalar, visit, type Document, type Node as YamlNode, type YAMLError } from 'yaml';
import { keyText, position } from './locate.js';
import type { SyntaxProblem, SyntaxTree } from './source.js';
import { unclosedConstruct, type Unclosed } from './unclosed.js';

/** At most this many duplicate keys are reported per file. */
const MAX_DUPLICATES = 20;

/**
 * The problems in yaml's errors and warnings: the first error that makes the file unreadable,
 * duplicate keys, and unsupported tags, in that order.
 */
export function yamlErrorProblems(tree: SyntaxTree, text: string): SyntaxProblem[] {
  const { doc, lineCounter } = tree;
  const problems: SyntaxProblem[] = [];
  // Only the first error that makes the file unreadable is reported: later ones are nearly
  // always consequences of it (one mis-indented key misaligns every key after it).
  const fatalError = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  if (fatalError) {
    const unclosed = unclosedConstruct(fatalError, doc, text);
    const offset = unclosed?.start ?? fatalError.pos[0];
    problems.push({ ...position(lineCounter, offset), message: describeYamlError(fatalError, unclosed?.kind), fatal: true });
  }
  for (const error of doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').slice(0, MAX_DUPLICATES)) {
    const dup = fatalError ? undefined : duplicateKey(doc, error.pos[0]);
    const problem: SyntaxProblem = {
      ...position(lineCounter, error.pos[0]),
      message: dup
        ? `the key \`${dup.key}\` appears twice in the same mapping, and only this last one is used: remove or rename one`
        : 'this key appears twice in the same mapping; only the last one is used: remove or rename one',
      fatal: false,
    };
    if (dup?.first !== undefined) problem.related = { ...position(lineCounter, dup.first), message: `\`${dup.key}\` first appears here` };
    problems.push(problem);
  }
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    // The tag's name, resolved through `%TAG` and `!!`, is only in the message; other
    // TAG_RESOLVE_FAILED messages name none.
    const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1]?.replace('tag:yaml.org,2002:', '!!') ?? 'this tag';
    problems.push({
      ...position(lineCounter, warning.pos[0]),
      message: `the tag \`${tag}\` is not supported in shiftready files: remove it`,
      fatal: false,
    });
  }
  return problems;
}

/** The key a DUPLICATE_KEY error is about, and where that key first appears in its mapping. */
function duplicateKey(doc: Document.Parsed, offset: number): { key: string; first?: number } | undefined {
  let result: { key: string; first?: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const at = map.items.findIndex((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      if (at < 0) return undefined;
      const key = keyText(map.items[at]!.key)!;
      const first = map.items.find((p) => keyText(p.key) === key);
      result = { key, first: (first?.key as YamlNode | undefined)?.range?.[0] };
      return visit.BREAK;
    },
  });
  return result;
}

const UNCLOSED_MESSAGES: Record<Unclosed, string> = {
  'double-quoted': 'the quoted text that starts here is never closed: add the closing "',
  'single-quoted': "the quoted text that starts here is never closed: add the closing '",
  'flow-sequence':
    'the [ list that starts here is never closed: add ] (a list continued on the next lines must be indented more than its key)',
  'flow-mapping':
    'the { mapping that starts here is never closed: add } (a mapping continued on the next lines must be indented more than its key)',
};

/** The message for a yaml error, by its code; `unclosed` when it reports an unclosed construct. */
function describeYamlError(error: YAMLError, unclosed: Unclosed | undefined): string {
  if (unclosed) return UNCLOSED_MESSAGES[unclosed];
  // For codes without a message of their own, yaml's words say which token or character is wrong.
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  switch (error.code) {
    case 'RESOURCE_EXHAUSTION':
      return 'the document is nested too deeply to read; flatten it';
    case 'MULTIPLE_DOCS':
      return 'a config file holds one YAML document; move the part after `---` into its own file';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed as indentation in YAML; indent with spaces';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `YAML syntax error: ${lowerFirst(first)}; check the indentation of this line and the one before`;
    default:
      return `YAML syntax error: ${lowerFirst(first)}`;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * An error from turning the document into data (aliases, merges), placed at its node. yaml throws
 * these as plain `Error`s and `ReferenceError`s, with no code: the message is all there is.
 */
export function toJsProblem(tree: SyntaxTree, e: unknown, maxAliasCount: number): SyntaxProblem {
  const { doc, lineCounter } = tree;
  const text = e instanceof Error ? e.message : String(e);
  const at = (offset: number | undefined) => (offset === undefined ? { line: 1, column: 1 } : position(lineCounter, offset));
  if (/Excessive alias count/.test(text)) {
    return {
      message: `aliases expand to too many nodes (more than ${maxAliasCount}); write the values out or use fewer aliases`,
      ...at(undefined),
      fatal: true,
    };
  }
  const unresolved = /Unresolved alias[^:]*: (.+)$/.exec(text);
  if (unresolved) {
    const name = unresolved[1]!.trim();
    let offset: number | undefined;
    visit(doc, {
      Alias(_, alias) {
        if (alias.source !== name) return undefined;
        offset = alias.range?.[0];
        return visit.BREAK;
      },
    });
    return { message: `the alias \`*${name}\` refers to no anchor: put \`&${name}\` on a value before it`, ...at(offset), fatal: true };
  }
  if (/Merge sources/.test(text)) {
    let offset: number | undefined;
    visit(doc, {
      Pair(_, pair) {
        if (!(isScalar(pair.key) && pair.key.value === '<<') && !(pair.key && (pair.key as { source?: string }).source === '<<'))
          return undefined;
        offset = (pair.key as YamlNode).range?.[0];
        return visit.BREAK;
      },
    });
    return { message: 'a `<<` merge must name a mapping, e.g. `<<: *shift-defaults`', ...at(offset), fatal: true };
  }
  return { message: `the document cannot be read: ${text}`, ...at(undefined), fatal: true };
}
