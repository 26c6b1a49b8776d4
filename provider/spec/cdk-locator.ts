/**
 * Locates spec paths in a synthesized `cdk.tf.json` (STYLE §14): a spec path is mapped to where
 * the construct wrote it (provider block, instance, health check or autoscaling resource, output)
 * and the file is read with `yaml` (JSON is YAML) to get line and column.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import type { SourceRange } from '../../cli/diag/index.js';
import { CDK_TYPES } from './cdk-to-spec.js';
import type { CdkSpecOrigins, JsonPath } from './cdk-to-spec.js';
import type { Locator } from './parsed-source.js';
import type { SpecPath } from './spec-path.js';

/** Maps a spec path to the path in cdk.tf.json where the constructs synthesized it. */
export function specPathToJsonPath(path: SpecPath, origins: CdkSpecOrigins): JsonPath {
  const [head, name, sub, ...rest] = path;
  if (head === 'outputs') return ['output', ...path.slice(1)];
  if (head !== 'instances') return ['provider', 'leasehold', 0, ...path];
  if (typeof name !== 'string') return ['resource', CDK_TYPES.instance];
  if (sub === 'health' || sub === 'autoscaling') {
    const attached = origins[sub][name];
    if (attached !== undefined) return ['resource', CDK_TYPES[sub], attached.logicalId, ...rest];
  }
  const id = origins.instances[name]?.logicalId ?? name;
  return ['resource', CDK_TYPES.instance, id, ...path.slice(2)];
}

/** Locators over one cdk.tf.json text: by spec path, and by path inside the JSON itself. */
export interface CdkLocator {
  readonly locate: Locator;
  readonly locateJson: (path: JsonPath) => SourceRange | undefined;
}

/** Builds the locators; the deepest part of a path that exists in the file is what is located. */
export function createCdkLocator(req: {
  file: string;
  text: string;
  origins: CdkSpecOrigins;
}): CdkLocator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(req.text, { lineCounter });
  const toRange = (node: Node | null | undefined): SourceRange | undefined => {
    const range = node?.range;
    if (range === undefined || range === null) return undefined;
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1]);
    return {
      file: req.file,
      line: start.line,
      column: start.col,
      endLine: end.line,
      endColumn: end.col,
    };
  };
  const locateJson = (path: JsonPath): SourceRange | undefined =>
    toRange(findNode(doc.contents, path));
  return { locate: (path) => locateJson(specPathToJsonPath(path, req.origins)), locateJson };
}

/**
 * The node to point at for a path: a scalar value itself, or the key of a collection (a whole map
 * spans many lines; its key is where the user looks). Stops at the deepest segment that exists.
 */
function findNode(root: unknown, path: JsonPath): Node | undefined {
  let current: unknown = root;
  let best: Node | undefined = isNode(root) ? root : undefined;
  for (const seg of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
      if (pair === undefined) break;
      current = pair.value;
      const key = isNode(pair.key) ? pair.key : undefined;
      best = isScalar(current) ? current : (key ?? best);
    } else if (isSeq(current) && typeof seg === 'number') {
      const item: unknown = current.items[seg];
      if (!isNode(item)) break;
      current = item;
      best = item;
    } else {
      break;
    }
  }
  return best;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value);
}
