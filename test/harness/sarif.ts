/**
 * A structural check of SARIF 2.1.0 logs, for tests: the required properties,
 * types, enumerations and closed property sets that the OASIS JSON schema
 * (sarif-schema-2.1.0.json, https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json,
 * described in https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html)
 * sets for the objects plan-check writes. The schema itself is not bundled
 * (no copy ships with the project's dependencies), so this checks the same
 * rules by hand; objects the report never writes are only checked to be
 * objects. Returns one line per problem, with its JSON path.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Property names each object may have (the schema's `additionalProperties: false`). */
const ALLOWED: Record<string, readonly string[]> = {
  sarifLog: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: [
    'tool',
    'invocations',
    'conversion',
    'language',
    'versionControlProvenance',
    'originalUriBaseIds',
    'artifacts',
    'logicalLocations',
    'graphs',
    'results',
    'automationDetails',
    'runAggregates',
    'baselineGuid',
    'redactionTokens',
    'defaultEncoding',
    'defaultSourceLanguage',
    'newlineSequences',
    'columnKind',
    'externalPropertyFileReferences',
    'threadFlowLocations',
    'taxonomies',
    'addresses',
    'translations',
    'policies',
    'webRequests',
    'webResponses',
    'specialLocations',
    'properties',
  ],
  tool: ['driver', 'extensions', 'properties'],
  toolComponent: [
    'guid',
    'name',
    'organization',
    'product',
    'productSuite',
    'shortDescription',
    'fullDescription',
    'fullName',
    'version',
    'semanticVersion',
    'dottedQuadFileVersion',
    'releaseDateUtc',
    'downloadUri',
    'informationUri',
    'globalMessageStrings',
    'notifications',
    'rules',
    'taxa',
    'locations',
    'language',
    'contents',
    'isComprehensive',
    'localizedDataSemanticVersion',
    'minimumRequiredLocalizedDataSemanticVersion',
    'associatedComponent',
    'translationMetadata',
    'supportedTaxonomies',
    'properties',
  ],
  reportingDescriptor: [
    'id',
    'deprecatedIds',
    'guid',
    'deprecatedGuids',
    'name',
    'deprecatedNames',
    'shortDescription',
    'fullDescription',
    'messageStrings',
    'defaultConfiguration',
    'helpUri',
    'help',
    'relationships',
    'properties',
  ],
  multiformatMessageString: ['text', 'markdown', 'properties'],
  reportingConfiguration: ['enabled', 'level', 'rank', 'parameters', 'properties'],
  result: [
    'ruleId',
    'ruleIndex',
    'rule',
    'kind',
    'level',
    'message',
    'analysisTarget',
    'locations',
    'guid',
    'correlationGuid',
    'occurrenceCount',
    'partialFingerprints',
    'fingerprints',
    'stacks',
    'codeFlows',
    'graphs',
    'graphTraversals',
    'relatedLocations',
    'suppressions',
    'baselineState',
    'rank',
    'attachments',
    'hostedViewerUri',
    'workItemUris',
    'provenance',
    'fixes',
    'taxa',
    'webRequest',
    'webResponse',
    'properties',
  ],
  message: ['text', 'markdown', 'id', 'arguments', 'properties'],
  location: [
    'id',
    'physicalLocation',
    'logicalLocations',
    'message',
    'annotations',
    'relationships',
    'properties',
  ],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  region: [
    'startLine',
    'startColumn',
    'endLine',
    'endColumn',
    'charOffset',
    'charLength',
    'byteOffset',
    'byteLength',
    'snippet',
    'message',
    'sourceLanguage',
    'properties',
  ],
  logicalLocation: [
    'name',
    'index',
    'fullyQualifiedName',
    'decoratedName',
    'parentIndex',
    'kind',
    'properties',
  ],
  artifact: [
    'description',
    'location',
    'parentIndex',
    'offset',
    'length',
    'roles',
    'mimeType',
    'contents',
    'encoding',
    'sourceLanguage',
    'hashes',
    'lastModifiedTimeUtc',
    'properties',
  ],
};

const LEVELS = ['none', 'note', 'warning', 'error'];
const KINDS = ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'];

export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);

  const object = (v: unknown, where: string, type: string): v is Json => {
    if (!isObject(v)) {
      fail(where, `not an object (${type})`);
      return false;
    }
    for (const key of Object.keys(v))
      if (!ALLOWED[type]?.includes(key)) fail(`${where}.${key}`, `not a property of ${type}`);
    if ('properties' in v && !isObject(v.properties))
      fail(`${where}.properties`, 'a property bag must be an object');
    return true;
  };
  const string = (v: unknown, where: string, required: boolean) => {
    if (v === undefined) {
      if (required) fail(where, 'required');
    } else if (typeof v !== 'string') fail(where, 'not a string');
  };
  const array = (v: unknown, where: string, required: boolean): v is unknown[] => {
    if (v === undefined) {
      if (required) fail(where, 'required');
      return false;
    }
    if (!Array.isArray(v)) {
      fail(where, 'not an array');
      return false;
    }
    return true;
  };
  const mfMessage = (v: unknown, where: string) => {
    if (v === undefined) return;
    if (object(v, where, 'multiformatMessageString')) string(v.text, `${where}.text`, true);
  };
  const message = (v: unknown, where: string) => {
    if (v === undefined) return fail(where, 'required');
    if (!object(v, where, 'message')) return;
    string(v.text, `${where}.text`, false);
    string(v.id, `${where}.id`, false);
    if (v.text === undefined && v.id === undefined) fail(where, 'a message needs "text" or "id"');
  };
  const artifactLocation = (v: unknown, where: string) => {
    if (v === undefined || !object(v, where, 'artifactLocation')) return;
    string(v.uri, `${where}.uri`, false);
    if (typeof v.uri === 'string' && /\s/.test(v.uri))
      fail(`${where}.uri`, 'not a URI reference (contains white space)');
    if (v.index !== undefined && (!isInt(v.index) || v.index < -1))
      fail(`${where}.index`, 'an integer >= -1');
  };
  const region = (v: unknown, where: string) => {
    if (v === undefined || !object(v, where, 'region')) return;
    for (const [key, min] of [
      ['startLine', 1],
      ['startColumn', 1],
      ['endLine', 1],
      ['endColumn', 1],
      ['charOffset', -1],
      ['byteOffset', -1],
    ] as const) {
      const n = v[key];
      if (n !== undefined && (!isInt(n) || n < min)) fail(`${where}.${key}`, `an integer >= ${min}`);
    }
    if (v.startLine === undefined && v.charOffset === undefined && v.byteOffset === undefined)
      fail(where, 'a region needs startLine, charOffset or byteOffset');
  };
  const location = (v: unknown, where: string) => {
    if (!object(v, where, 'location')) return;
    if (
      v.physicalLocation !== undefined &&
      object(v.physicalLocation, `${where}.physicalLocation`, 'physicalLocation')
    ) {
      const p = v.physicalLocation;
      if (p.address === undefined && p.artifactLocation === undefined)
        fail(`${where}.physicalLocation`, 'needs "address" or "artifactLocation"');
      artifactLocation(p.artifactLocation, `${where}.physicalLocation.artifactLocation`);
      region(p.region, `${where}.physicalLocation.region`);
    }
    if (array(v.logicalLocations, `${where}.logicalLocations`, false))
      v.logicalLocations.forEach((l, i) => {
        const at = `${where}.logicalLocations[${i}]`;
        if (!object(l, at, 'logicalLocation')) return;
        for (const key of ['name', 'fullyQualifiedName', 'decoratedName', 'kind'])
          string(l[key], `${at}.${key}`, false);
      });
  };

  if (!object(log, '$', 'sarifLog')) return problems;
  if (log.version !== '2.1.0') fail('$.version', 'must be "2.1.0"');
  string(log.$schema, '$.$schema', false);
  if (!array(log.runs, '$.runs', true)) return problems;
  log.runs.forEach((run, r) => {
    const at = `$.runs[${r}]`;
    if (!object(run, at, 'run')) return;
    let ruleIds: string[] = [];
    if (run.tool === undefined) fail(`${at}.tool`, 'required');
    else if (object(run.tool, `${at}.tool`, 'tool')) {
      const driver = run.tool.driver;
      if (driver === undefined) fail(`${at}.tool.driver`, 'required');
      else if (object(driver, `${at}.tool.driver`, 'toolComponent')) {
        string(driver.name, `${at}.tool.driver.name`, true);
        string(driver.version, `${at}.tool.driver.version`, false);
        if (array(driver.rules, `${at}.tool.driver.rules`, false)) {
          ruleIds = driver.rules.map((rule, i) => {
            const rat = `${at}.tool.driver.rules[${i}]`;
            if (!object(rule, rat, 'reportingDescriptor')) return '';
            string(rule.id, `${rat}.id`, true);
            mfMessage(rule.shortDescription, `${rat}.shortDescription`);
            mfMessage(rule.fullDescription, `${rat}.fullDescription`);
            const c = rule.defaultConfiguration;
            if (c !== undefined && object(c, `${rat}.defaultConfiguration`, 'reportingConfiguration'))
              if (c.level !== undefined && !LEVELS.includes(String(c.level)))
                fail(`${rat}.defaultConfiguration.level`, `one of ${LEVELS.join(', ')}`);
            return typeof rule.id === 'string' ? rule.id : '';
          });
        }
      }
    }
    if (array(run.artifacts, `${at}.artifacts`, false))
      run.artifacts.forEach((a, i) => {
        if (object(a, `${at}.artifacts[${i}]`, 'artifact'))
          artifactLocation(a.location, `${at}.artifacts[${i}].location`);
      });
    if (array(run.results, `${at}.results`, false))
      run.results.forEach((res, i) => {
        const rat = `${at}.results[${i}]`;
        if (!object(res, rat, 'result')) return;
        message(res.message, `${rat}.message`);
        string(res.ruleId, `${rat}.ruleId`, false);
        if (res.level !== undefined && !LEVELS.includes(String(res.level)))
          fail(`${rat}.level`, `one of ${LEVELS.join(', ')}`);
        if (res.kind !== undefined && !KINDS.includes(String(res.kind)))
          fail(`${rat}.kind`, `one of ${KINDS.join(', ')}`);
        if (res.ruleIndex !== undefined) {
          if (!isInt(res.ruleIndex) || res.ruleIndex < -1) fail(`${rat}.ruleIndex`, 'an integer >= -1');
          else if (res.ruleIndex >= 0 && ruleIds[res.ruleIndex] !== res.ruleId)
            fail(`${rat}.ruleIndex`, `rules[${res.ruleIndex}] is not rule "${String(res.ruleId)}"`);
        }
        if (array(res.locations, `${rat}.locations`, false))
          res.locations.forEach((l, k) => location(l, `${rat}.locations[${k}]`));
        if (res.partialFingerprints !== undefined) {
          if (!isObject(res.partialFingerprints)) fail(`${rat}.partialFingerprints`, 'not an object');
          else
            for (const [k, v] of Object.entries(res.partialFingerprints))
              if (typeof v !== 'string') fail(`${rat}.partialFingerprints.${k}`, 'not a string');
        }
      });
  });
  return problems;
}
