// The approval workflow (flows/solution) checked against the things it depends on: the Logic Apps
// definition format and connector operations Power Automate expects, and — above all — the list schema:
// every list, field and choice value the flow names must exist, with the right type, in src/data/schema,
// because SharePoint does not check choice values and a renamed field would only fail in a tenant.
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { TIERS, WEIGHTING_METHODS, canTransition } from '../../src/domain';
import { listByTitle } from '../../src/data/schema';
import type { FieldDef, ListDef } from '../../src/data/schema';
import { approvalToItem, decisionKey } from '../../src/data/sharepoint/mapping';

// ---- the solution source ------------------------------------------------------------------------

const ROOT = join(__dirname, '..', '..', 'flows');
const SOLUTION = join(ROOT, 'solution');
const WORKFLOW_DIR = join(SOLUTION, 'Workflows');
const workflowFiles = readdirSync(WORKFLOW_DIR).filter((f) => f.endsWith('.json'));
const WORKFLOW_FILE = workflowFiles[0];
const GUID = /-([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})\.json$/.exec(WORKFLOW_FILE || '');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const workflow: Json = JSON.parse(readFileSync(join(WORKFLOW_DIR, WORKFLOW_FILE), 'utf8'));
const definition: Json = workflow.properties.definition;
const definitionText = JSON.stringify(definition);
const solutionXml = readFileSync(join(SOLUTION, 'solution.xml'), 'utf8');
const customizationsXml = readFileSync(join(SOLUTION, 'customizations.xml'), 'utf8');

const SHAREPOINT = 'shared_sharepointonline';
const APPROVALS = 'shared_approvals';

interface Located {
  name: string;
  action: Json;
  /** Names of the enclosing conditions' branches, outermost first, e.g. ['If_approved:actions']. */
  path: string[];
}

/** Every action, however deeply nested in conditions (actions / else.actions / switch cases). */
function allActions(actions: Json = definition.actions, path: string[] = []): Located[] {
  const out: Located[] = [];
  for (const [name, action] of Object.entries<Json>(actions || {})) {
    out.push({ name, action, path });
    if (action.actions) out.push(...allActions(action.actions, path.concat(`${name}:actions`)));
    if (action.else && action.else.actions) out.push(...allActions(action.else.actions, path.concat(`${name}:else`)));
    if (action.cases) {
      for (const [c, body] of Object.entries<Json>(action.cases)) out.push(...allActions(body.actions, path.concat(`${name}:${c}`)));
    }
    if (action.default && action.default.actions) out.push(...allActions(action.default.actions, path.concat(`${name}:default`)));
  }
  return out;
}

const ACTIONS = allActions();
const TRIGGERS = Object.entries<Json>(definition.triggers);
const [TRIGGER_NAME, TRIGGER] = TRIGGERS[0];

function connectorOps(connector: string): Located[] {
  return ACTIONS.filter((a) => a.action.inputs && a.action.inputs.host && a.action.inputs.host.connectionName === connector);
}

function byOperation(operationId: string): Located[] {
  return ACTIONS.filter((a) => a.action.inputs && a.action.inputs.host && a.action.inputs.host.operationId === operationId);
}

// ---- parameters → lists -------------------------------------------------------------------------

/** "Procurements list (svh_ProcurementsListId)" → { ref: "@parameters('…')", schemaName, list } */
const LIST_PARAMETERS = Object.entries<Json>(definition.parameters)
  .filter(([name]) => / list \(svh_\w+\)$/.test(name))
  .map(([name, p]) => {
    const title = name.replace(/ list \(svh_\w+\)$/, '');
    return { ref: `@parameters('${name}')`, schemaName: p.metadata.schemaName as string, title, list: listByTitle(title) };
  });
const SITE_PARAMETER = Object.keys(definition.parameters).filter((n) => /\(svh_SiteUrl\)$/.test(n))[0];

function listOfTable(table: string): ListDef {
  const found = LIST_PARAMETERS.filter((p) => p.ref === table)[0];
  if (!found) throw new Error(`table ${table} is not one of the list parameters`);
  if (!found.list) throw new Error(`the list "${found.title}" is not in the schema`);
  return found.list;
}

function field(list: ListDef, name: string): FieldDef | undefined {
  return list.fields.filter((f) => f.name === name)[0];
}

/** SharePoint connector columns: `X/Value` is a choice, `X/Claims|Email|DisplayName` a person; a bare name neither. */
const PERSON_PARTS = ['Claims', 'Email', 'DisplayName'];
function expectedKinds(accessor: string | undefined): readonly string[] {
  if (accessor === 'Value') return ['Choice'];
  if (accessor && PERSON_PARTS.indexOf(accessor) >= 0) return ['User'];
  return ['Text', 'Note', 'Number', 'Boolean', 'DateTime'];
}

/** Properties the SharePoint connector adds to every item, which are not list columns. */
const SYSTEM_PROPERTIES = ['ID', 'value', '{Link}', '{TriggerWindowStartToken}', '{TriggerWindowEndToken}', '{VersionNumber}'];

interface FieldUse {
  where: string;
  list: ListDef;
  name: string;
  accessor?: string;
}

/** Every field the flow reads: from the trigger, from "Get item" and from "Get changes". */
function fieldReads(): FieldUse[] {
  const sources: { pattern: RegExp; list: ListDef; where: string; changes?: boolean }[] = [
    { pattern: /triggerOutputs\(\)\?\['body\/([^']+)'\]/g, list: listOfTable(TRIGGER.inputs.parameters.table), where: 'trigger' },
  ];
  for (const a of byOperation('GetItem').concat(byOperation('GetItemChanges'))) {
    const changes = a.action.inputs.host.operationId === 'GetItemChanges';
    sources.push({
      pattern: new RegExp(`outputs\\('${a.name}'\\)\\?\\['body/([^']+)'\\]`, 'g'),
      list: listOfTable(a.action.inputs.parameters.table),
      where: a.name,
      changes,
    });
  }
  const uses: FieldUse[] = [];
  for (const s of sources) {
    let m: RegExpExecArray | null;
    while ((m = s.pattern.exec(definitionText)) !== null) {
      const parts = m[1].split('/');
      if (s.changes) {
        expect(parts[0]).toBe('ColumnHasChanged');
        uses.push({ where: s.where, list: s.list, name: parts[1], accessor: 'ColumnHasChanged' });
      } else {
        uses.push({ where: s.where, list: s.list, name: parts[0], accessor: parts[1] });
      }
    }
  }
  return uses;
}

/** Every field the flow writes: the `item/<InternalName>[/Value|/Claims]` keys of Create item and Update item. */
function fieldWrites(): (FieldUse & { value: unknown; action: string })[] {
  const writes: (FieldUse & { value: unknown; action: string })[] = [];
  for (const a of byOperation('PostItem').concat(byOperation('PatchItem'))) {
    const list = listOfTable(a.action.inputs.parameters.table);
    for (const [key, value] of Object.entries(a.action.inputs.parameters)) {
      if (!key.startsWith('item/')) continue;
      const [, name, accessor] = key.split('/');
      writes.push({ where: a.name, action: a.name, list, name, accessor, value });
    }
  }
  return writes;
}

/**
 * The expressions in a string: the whole string after a leading "@", or each "@{…}" interpolation
 * (found by scanning, so braces inside quoted names such as '{Link}' do not end it).
 */
function expressionsIn(s: string): string[] {
  if (s.startsWith('@') && !s.startsWith('@{')) return [s.slice(1)];
  const out: string[] = [];
  let i = s.indexOf('@{');
  while (i >= 0) {
    let quoted = false;
    let j = i + 2;
    for (; j < s.length; j++) {
      if (s[j] === "'") quoted = !quoted;
      else if (s[j] === '}' && !quoted) break;
    }
    out.push(s.slice(i + 2, j));
    i = s.indexOf('@{', j);
  }
  return out;
}

// ---- tests ----------------------------------------------------------------------------------------

describe('solution layout', () => {
  test('one workflow, named <Name>-<GUID>.json, registered in customizations.xml and solution.xml', () => {
    expect(workflowFiles).toHaveLength(1);
    expect(GUID).not.toBeNull();
    const guid = (GUID as RegExpExecArray)[1];
    expect(customizationsXml).toContain(`<JsonFileName>/Workflows/${WORKFLOW_FILE}</JsonFileName>`);
    expect(customizationsXml.toLowerCase()).toContain(`workflowid="{${guid.toLowerCase()}}"`);
    expect(solutionXml.toLowerCase()).toContain(`<rootcomponent type="29" id="{${guid.toLowerCase()}}"`);
    expect(customizationsXml).toMatch(/<Category>5<\/Category>/); // a modern (cloud) flow
    expect(existsSync(join(SOLUTION, '[Content_Types].xml'))).toBe(true);
  });

  test('connection references for SharePoint and Approvals, declared and used', () => {
    const refs = workflow.properties.connectionReferences;
    expect(Object.keys(refs).sort()).toEqual([APPROVALS, SHAREPOINT]);
    for (const [key, ref] of Object.entries<Json>(refs)) {
      expect(ref.api.name).toBe(key);
      const logical = ref.connection.connectionReferenceLogicalName as string;
      expect(logical).toMatch(/^svh_/);
      const declared = new RegExp(`<connectionreference connectionreferencelogicalname="${logical}">[\\s\\S]*?<connectorid>/providers/Microsoft\\.PowerApps/apis/${key}</connectorid>`);
      expect(customizationsXml).toMatch(declared);
    }
    for (const a of ACTIONS.filter((x) => x.action.inputs && x.action.inputs.host)) {
      const host = a.action.inputs.host;
      expect(refs[host.connectionName]).toBeDefined();
      expect(host.apiId).toBe(`/providers/Microsoft.PowerApps/apis/${host.connectionName}`);
      expect(a.action.inputs.authentication).toBe("@parameters('$authentication')");
    }
  });

  test('environment variables for the site URL and each list: parameters, definitions and root components agree', () => {
    const envParams = Object.entries<Json>(definition.parameters).filter(([n]) => !n.startsWith('$'));
    expect(envParams.length).toBe(3);
    for (const [name, p] of envParams) {
      const schemaName = p.metadata.schemaName as string;
      expect(name.endsWith(`(${schemaName})`)).toBe(true);
      expect(p.type).toBe('String');
      expect(p.defaultValue).toBe(''); // set per tenant on import, never shipped
      const def = readFileSync(join(SOLUTION, 'environmentvariabledefinitions', schemaName, 'environmentvariabledefinition.xml'), 'utf8');
      expect(def).toContain(`schemaname="${schemaName}"`);
      expect(def).toContain('<type>100000000</type>');
      expect(def).not.toContain('<defaultvalue>');
      expect(solutionXml).toContain(`<RootComponent type="380" schemaName="${schemaName}" behavior="0" />`);
    }
    expect(SITE_PARAMETER).toBeDefined();
    expect(LIST_PARAMETERS.map((p) => p.title).sort()).toEqual(['Approvals', 'Procurements']);
    for (const p of LIST_PARAMETERS) expect(p.list).toBeDefined();
  });

  test('no tenant address is shipped: every URL is a schema namespace or a placeholder', () => {
    const all = [solutionXml, customizationsXml, JSON.stringify(workflow)].join('\n');
    const urls = all.match(/https?:\/\/[^\s"'<>)\\]+/g) || [];
    const allowed = /^https?:\/\/(schema\.management\.azure\.com|schemas\.openxmlformats\.org|www\.w3\.org)\//;
    expect(urls.filter((u) => !allowed.test(u))).toEqual([]);
  });
});

describe('the workflow definition', () => {
  test('is a Logic Apps workflow definition with $connections and $authentication', () => {
    expect(definition.$schema).toBe('https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#');
    expect(definition.contentVersion).toBe('1.0.0.0');
    expect(definition.parameters.$connections).toEqual({ defaultValue: {}, type: 'Object' });
    expect(definition.parameters.$authentication).toEqual({ defaultValue: {}, type: 'SecureObject' });
  });

  test('trigger: SharePoint "When an item is created or modified" on Procurements, only when Awaiting approval', () => {
    expect(TRIGGERS).toHaveLength(1);
    expect(TRIGGER_NAME).toBe('When_a_procurement_is_awaiting_approval');
    expect(TRIGGER.type).toBe('OpenApiConnection');
    expect(TRIGGER.inputs.host.connectionName).toBe(SHAREPOINT);
    expect(TRIGGER.inputs.host.operationId).toBe('GetOnUpdatedItems');
    expect(TRIGGER.inputs.parameters.dataset).toBe(`@parameters('${SITE_PARAMETER}')`);
    expect(listOfTable(TRIGGER.inputs.parameters.table).title).toBe('Procurements');
    expect(TRIGGER.splitOn).toBe("@triggerOutputs()?['body/value']");
    expect(TRIGGER.conditions).toEqual([{ expression: "@equals(triggerOutputs()?['body/Status/Value'], 'Awaiting approval')" }]);
    const status = field(listOfTable(TRIGGER.inputs.parameters.table), 'Status');
    expect(status && status.kind === 'Choice' && status.choices.indexOf('Awaiting approval') >= 0).toBe(true);
  });

  test('re-runs only for a submission: status or approval round changed since the last check', () => {
    const changes = byOperation('GetItemChanges');
    expect(changes).toHaveLength(1);
    expect(changes[0].action.inputs.parameters.since).toBe("@triggerOutputs()?['body/{TriggerWindowStartToken}']");
    // Asked only about an item that existed before: in the new-item check's "else" branch.
    expect(changes[0].path).toEqual(['Is_it_a_new_item:else']);
    const gate = definition.actions.Is_it_a_new_item.else.actions.Stop_unless_status_or_round_changed;
    expect(gate.expression).toContain("['body/ColumnHasChanged/Status']");
    expect(gate.expression).toContain("['body/ColumnHasChanged/ApprovalRound']");
    expect(gate.actions.Not_a_new_submission.type).toBe('Terminate');
  });

  test('"Start and wait for an approval": Basic, to the approver the hub named, with the decision in the details', () => {
    const found = byOperation('StartAndWaitForAnApproval');
    expect(found).toHaveLength(1);
    const { action, path } = found[0];
    expect(path).toEqual([]);
    expect(action.type).toBe('OpenApiConnectionWebhook');
    expect(action.inputs.host.connectionName).toBe(APPROVALS);
    const p = action.inputs.parameters;
    expect(p.approvalType).toBe('Basic');
    expect(p['WebhookApprovalCreationInput/title']).toContain("triggerOutputs()?['body/Reference']");
    expect(p['WebhookApprovalCreationInput/title']).toContain("triggerOutputs()?['body/Title']");
    expect(p['WebhookApprovalCreationInput/assignedTo']).toBe("@{triggerOutputs()?['body/Approver/Email']}");
    expect(p['WebhookApprovalCreationInput/details']).toBe("@{outputs('Approval_details')}");
    expect(p['WebhookApprovalCreationInput/itemLink']).toBe("@{triggerOutputs()?['body/{Link}']}");
    expect(p['WebhookApprovalCreationInput/requestor']).toBe("@{triggerOutputs()?['body/SubmittedBy/Email']}");
    expect(p['WebhookApprovalCreationInput/enableNotifications']).toBe(true);
    // Reassigning would let the request reach someone the hub did not check for self-approval.
    expect(p['WebhookApprovalCreationInput/enableReassignment']).toBe(false);
    const details = definition.actions.Approval_details.inputs as string;
    for (const f of ['Tier/Value', 'EstimatedValuePence', 'Justification', 'Reference', 'Title']) expect(details).toContain(`['body/${f}']`);
    expect(details).toContain("outputs('Weighting_summary')");
    expect(details).toContain("outputs('Essential_criteria')");
    expect(definition.actions.Weighting_summary.inputs).toContain("['body/WeightingPercent']");
    expect(definition.actions.Essential_criteria.inputs).toContain("['body/PassFailCriteria']");
  });

  test('the labels in the approval request are the domain’s, keyed by the stored choice values', () => {
    const tiers: Record<string, string> = {};
    for (const t of TIERS) tiers[t.id] = t.label;
    const methods: Record<string, string> = {};
    for (const m of WEIGHTING_METHODS) methods[m.id] = m.label;
    expect(definition.actions.Tier_labels.inputs).toEqual(tiers);
    expect(definition.actions.Weighting_method_labels.inputs).toEqual(methods);
    const procurements = listByTitle('Procurements') as ListDef;
    const tier = field(procurements, 'Tier');
    const method = field(procurements, 'WeightingMethod');
    expect(tier && tier.kind === 'Choice' && tier.choices.slice().sort()).toEqual(Object.keys(tiers).sort());
    expect(method && method.kind === 'Choice' && method.choices.slice().sort()).toEqual(Object.keys(methods).sort());
    expect(definition.actions.Weighting_summary.inputs).toContain("'weighted'");
    expect(definition.actions.Essential_criteria.inputs).toContain("'pass-fail'");
  });

  test('a condition on the outcome (Approve / Reject, exactly) records the decision, then sets the status', () => {
    const outcome = "@outputs('Start_and_wait_for_an_approval')?['body/outcome']";
    const approved = ACTIONS.filter((a) => a.action.type === 'If' && JSON.stringify(a.action.expression) === JSON.stringify({ equals: [outcome, 'Approve'] }));
    const rejected = ACTIONS.filter((a) => a.action.type === 'If' && JSON.stringify(a.action.expression) === JSON.stringify({ equals: [outcome, 'Reject'] }));
    expect(approved).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    for (const [cond, status] of [[approved[0], 'Approved'], [rejected[0], 'Rejected']] as const) {
      const branch = Object.entries<Json>(cond.action.actions);
      const post = branch.filter(([, a]) => a.inputs && a.inputs.host.operationId === 'PostItem');
      const patch = branch.filter(([, a]) => a.inputs && a.inputs.host.operationId === 'PatchItem');
      expect(post).toHaveLength(1);
      expect(patch).toHaveLength(1);
      expect(listOfTable(post[0][1].inputs.parameters.table).title).toBe('Approvals');
      expect(listOfTable(patch[0][1].inputs.parameters.table).title).toBe('Procurements');
      expect(post[0][1].inputs.parameters['item/Outcome/Value']).toBe(status);
      expect(patch[0][1].inputs.parameters['item/Status/Value']).toBe(status);
      expect(patch[0][1].inputs.parameters.id).toBe("@triggerOutputs()?['body/ID']");
      // The status follows the recorded decision, never the other way round (a retry finds the decision).
      expect(patch[0][1].runAfter).toEqual({ [post[0][0]]: ['Succeeded'] });
      const p = post[0][1].inputs.parameters;
      expect(p['item/DecidedBy/Claims']).toContain("['responder']?['email']");
      expect(p['item/DecidedAt']).toContain("['responseDate']");
      expect(p['item/Comments']).toContain("['comments']");
    }
  });

  test('the decision is applied only to the round it was asked for, and never from the submitter or lead officer', () => {
    const moved = definition.actions.Stop_if_the_procurement_moved_on;
    expect(moved.expression).toContain("outputs('Get_the_procurement_now')?['body/Status/Value'], 'Awaiting approval'");
    expect(moved.expression).toContain("outputs('Get_the_procurement_now')?['body/ApprovalRound'], triggerOutputs()?['body/ApprovalRound']");
    const self = definition.actions.Stop_if_the_responder_led_or_submitted_it;
    expect(self.expression).toContain("['body/LeadOfficer/Email']");
    expect(self.expression).toContain("['body/SubmittedBy/Email']");
    expect(self.actions.Refuse_self_approval.inputs.runStatus).toBe('Failed');
    expect(definition.actions.If_approved.runAfter).toEqual({ Stop_if_the_responder_led_or_submitted_it: ['Succeeded'] });
  });

  test('writes the Approvals item exactly as the hub’s own write-back does (title and decision key)', () => {
    const post = byOperation('PostItem').filter((a) => a.name === 'Record_the_approval')[0].action.inputs.parameters;
    const fill = (template: string): string =>
      template
        .replace("@{outputs('Get_the_procurement_now')?['body/Reference']}", 'SV-2026-0042')
        .replace("@{triggerOutputs()?['body/ApprovalRound']}", '3');
    const item = approvalToItem({ procurementReference: 'SV-2026-0042', round: 3, outcome: 'Approved', decidedByEmail: 'a@b', decidedAt: '2026-01-01T00:00:00Z' }, 7);
    expect(fill(post['item/Title'])).toBe(item.Title);
    expect(fill(post['item/DecisionKey'])).toBe(decisionKey('SV-2026-0042', 3));
  });

  test('every runAfter names an action in the same scope, and expressions are balanced', () => {
    const scopes: Json[] = [definition.actions];
    for (const a of ACTIONS) {
      if (a.action.actions) scopes.push(a.action.actions);
      if (a.action.else && a.action.else.actions) scopes.push(a.action.else.actions);
    }
    for (const scope of scopes) {
      for (const [name, action] of Object.entries<Json>(scope)) {
        for (const dep of Object.keys(action.runAfter || {})) {
          expect(`${name} after ${dep}: ${scope[dep] ? 'found' : 'missing'}`).toBe(`${name} after ${dep}: found`);
        }
      }
    }
    const strings: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(definition);
    for (const s of strings.filter((x) => x.includes('@'))) {
      for (const e of expressionsIn(s)) {
        const outsideQuotes = e.replace(/'[^']*'/g, "''");
        expect((e.match(/'/g) || []).length % 2).toBe(0);
        expect(outsideQuotes.split('(').length).toBe(outsideQuotes.split(')').length);
        expect(outsideQuotes.split('[').length).toBe(outsideQuotes.split(']').length);
      }
    }
  });
});

// ---- Runs, as Power Automate runs them up to the approval request -------------------------------------------
// A small interpreter for the definition's control flow (runAfter order, If with its else, Terminate) and the
// expression functions the gate uses (not, or, and, equals; triggerOutputs()/outputs() with ?['body/…']).
// "Get changes for an item" answers as the connector does: for an item created inside the trigger's window there
// is no earlier version to compare with and the action fails — the failure a brand-new item used to hit.

type Outputs = Record<string, unknown>;
interface Run {
  ran: string[];
  ended: 'terminated' | 'failed' | 'reached approval';
  by?: string;
}

function evaluate(expr: string, trigger: Outputs, outputs: Record<string, Outputs>): unknown {
  let i = 0;
  const text = expr.replace(/^@/, '');
  const ws = (): void => {
    while (/\s/.test(text[i])) i++;
  };
  const value = (): unknown => {
    ws();
    if (text[i] === "'") {
      const end = text.indexOf("'", i + 1);
      const v = text.slice(i + 1, end);
      i = end + 1;
      return v;
    }
    const name = /^[A-Za-z]+/.exec(text.slice(i))![0];
    i += name.length;
    if (name === 'true' || name === 'false') return name === 'true';
    expect(text[i]).toBe('(');
    i++;
    const args: unknown[] = [];
    ws();
    while (text[i] !== ')') {
      args.push(value());
      ws();
      if (text[i] === ',') i++;
      ws();
    }
    i++;
    let result: unknown;
    if (name === 'not') result = !args[0];
    else if (name === 'or') result = args.some(Boolean);
    else if (name === 'and') result = args.every(Boolean);
    else if (name === 'equals') result = args[0] === args[1];
    else if (name === 'triggerOutputs') result = trigger;
    else if (name === 'outputs') result = outputs[String(args[0])];
    else throw new Error(`the interpreter does not know ${name}()`);
    while (text.slice(i, i + 3) === "?['") {
      const end = text.indexOf("']", i);
      const key = text.slice(i + 3, end);
      // The connectors' 'body/A/B' reads body.A.B.
      for (const part of key.split('/')) result = result === undefined || result === null ? undefined : (result as Outputs)[part];
      i = end + 2;
    }
    return result;
  };
  return value();
}

function runUntilApproval(trigger: Outputs, connector: (name: string, action: Json) => Outputs): Run {
  const run: Run = { ran: [], ended: 'reached approval' };
  const outputs: Record<string, Outputs> = {};
  const scope = (actions: Json): boolean => {
    const done = new Set<string>();
    const names = Object.keys(actions);
    while (done.size < names.length) {
      const next = names.find((n) => !done.has(n) && Object.keys(actions[n].runAfter || {}).every((r) => done.has(r)));
      if (!next) throw new Error('runAfter cycle');
      const action = actions[next];
      done.add(next);
      if (next === 'Start_and_wait_for_an_approval') return false;
      run.ran.push(next);
      if (action.type === 'Terminate') {
        run.ended = 'terminated';
        run.by = next;
        return false;
      }
      if (action.type === 'If') {
        const branch = evaluate(typeof action.expression === 'string' ? action.expression : '', trigger, outputs) ? action.actions : action.else?.actions;
        if (branch && !scope(branch)) return false;
      } else if (action.type === 'OpenApiConnection') {
        try {
          outputs[next] = connector(next, action);
        } catch (e) {
          run.ended = 'failed';
          run.by = `${next}: ${(e as Error).message}`;
          return false;
        }
      }
    }
    return true;
  };
  scope(definition.actions);
  return run;
}

/** "Get changes for an item" as the connector answers: an item with no version before the window has nothing to compare. */
function changesConnector(changed: Record<string, boolean>, existedBefore: boolean): (name: string, action: Json) => Outputs {
  return (_name, action) => {
    if (action.inputs.host.operationId !== 'GetItemChanges') throw new Error(`unexpected ${action.inputs.host.operationId}`);
    if (!existedBefore) throw new Error('The item has no version before the trigger window start token.');
    return { body: { ColumnHasChanged: changed } };
  };
}

describe('runs of the approval flow (as documented in flows/README.md)', () => {
  test('a brand-new item awaiting approval: no "Get changes", straight on to the approval request', () => {
    const run = runUntilApproval({ body: { ID: 41, '{VersionNumber}': '1.0', Status: { Value: 'Awaiting approval' } } }, changesConnector({}, false));
    expect(run).toEqual({ ran: ['Is_it_a_new_item', 'Tier_labels', 'Weighting_method_labels', 'Weighting_summary', 'Essential_criteria', 'Approval_details'], ended: 'reached approval' });
  });

  test('a changed item whose status (or round) changed: "Get changes", then the approval request', () => {
    for (const changed of [{ Status: true, ApprovalRound: false }, { Status: false, ApprovalRound: true }]) {
      const run = runUntilApproval({ body: { ID: 42, '{VersionNumber}': '4.0', Status: { Value: 'Awaiting approval' } } }, changesConnector(changed, true));
      expect(run.ended).toBe('reached approval');
      expect(run.ran.slice(0, 3)).toEqual(['Is_it_a_new_item', 'Get_changes_since_the_last_check', 'Stop_unless_status_or_round_changed']);
    }
  });

  test('a changed item with only other edits while awaiting approval: the run ends without a second request', () => {
    const run = runUntilApproval({ body: { ID: 43, '{VersionNumber}': '5.0', Status: { Value: 'Awaiting approval' } } }, changesConnector({ Status: false, ApprovalRound: false }, true));
    expect(run).toMatchObject({ ended: 'terminated', by: 'Not_a_new_submission' });
  });

  test('the interpreter bites: had "Get changes" run first, a new item would fail the run', () => {
    const first = { Get: { type: 'OpenApiConnection', inputs: { host: { operationId: 'GetItemChanges' } } } };
    expect(() => changesConnector({}, false)('Get', first.Get)).toThrow(/no version/);
  });
});

describe('every list and field the flow names is in the list schema', () => {
  test('SharePoint actions point at the site parameter and a schema list', () => {
    const sp = connectorOps(SHAREPOINT);
    expect(sp.map((a) => a.action.inputs.host.operationId).sort()).toEqual(
      ['GetItem', 'GetItemChanges', 'PatchItem', 'PatchItem', 'PostItem', 'PostItem'].sort(),
    );
    for (const a of sp) {
      expect(a.action.inputs.parameters.dataset).toBe(`@parameters('${SITE_PARAMETER}')`);
      expect(listOfTable(a.action.inputs.parameters.table)).toBeDefined();
    }
  });

  test('fields read (trigger, Get item, Get changes) exist with the type the accessor implies', () => {
    const reads = fieldReads();
    expect(reads.length).toBeGreaterThan(15);
    const problems: string[] = [];
    for (const r of reads) {
      if (SYSTEM_PROPERTIES.indexOf(r.name) >= 0) continue;
      const f = field(r.list, r.name);
      if (!f) problems.push(`${r.where} reads ${r.name}, which ${r.list.title} does not have`);
      else if (r.accessor !== 'ColumnHasChanged' && expectedKinds(r.accessor).indexOf(f.kind) < 0) problems.push(`${r.where} reads ${r.name}${r.accessor ? '/' + r.accessor : ''} but it is a ${f.kind} column`);
    }
    expect(problems).toEqual([]);
    // The ones the approval request and the guards depend on.
    const names = reads.map((r) => `${r.list.title}.${r.name}`);
    for (const n of ['Reference', 'Title', 'Tier', 'EstimatedValuePence', 'WeightingMethod', 'WeightingPercent', 'Justification', 'PassFailCriteria', 'Approver', 'SubmittedBy', 'LeadOfficer', 'ApprovalRound', 'Status']) {
      expect(names).toContain(`Procurements.${n}`);
    }
  });

  test('fields written exist with the right type; choice values written are the field’s choices', () => {
    const writes = fieldWrites();
    const problems: string[] = [];
    for (const w of writes) {
      const f = field(w.list, w.name);
      if (!f) {
        problems.push(`${w.action} writes ${w.name}, which ${w.list.title} does not have`);
        continue;
      }
      if (f.name === 'Modified') problems.push(`${w.action} writes Modified, which SharePoint sets itself`);
      if (expectedKinds(w.accessor).indexOf(f.kind) < 0) problems.push(`${w.action} writes ${w.name}${w.accessor ? '/' + w.accessor : ''} but it is a ${f.kind} column`);
      if (f.kind === 'Choice' && typeof w.value === 'string' && !w.value.startsWith('@')) {
        if ((f.choices as readonly string[]).indexOf(w.value) < 0) problems.push(`${w.action} writes "${w.value}" to ${w.name}, not one of its choices`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('Create item on Approvals and Update item on Procurements give every required column', () => {
    for (const a of byOperation('PostItem').concat(byOperation('PatchItem'))) {
      const list = listOfTable(a.action.inputs.parameters.table);
      const given = Object.keys(a.action.inputs.parameters).filter((k) => k.startsWith('item/')).map((k) => k.split('/')[1]);
      const required = list.fields.filter((f) => f.required && f.name !== 'Modified').map((f) => f.name);
      expect({ action: a.name, missing: required.filter((r) => given.indexOf(r) < 0) }).toEqual({ action: a.name, missing: [] });
    }
  });

  test('the statuses the flow writes are moves the lifecycle allows from Awaiting approval', () => {
    for (const w of fieldWrites().filter((x) => x.list.title === 'Procurements' && x.name === 'Status')) {
      expect(canTransition('Awaiting approval', w.value as never)).toBe(true);
    }
  });
});

describe('flows/README.md, the import guide', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  test('names every environment variable and connection reference the import asks for', () => {
    for (const m of solutionXml.match(/schemaName="svh_\w+"/g) || []) {
      const schemaName = m.slice('schemaName="'.length, -1);
      const def = readFileSync(join(SOLUTION, 'environmentvariabledefinitions', schemaName, 'environmentvariabledefinition.xml'), 'utf8');
      const display = (/<displayname default="([^"]+)"/.exec(def) as RegExpExecArray)[1];
      expect(readme).toContain(`*${display}*`);
    }
    for (const m of customizationsXml.match(/<connectionreferencedisplayname>[^<]+</g) || []) {
      expect(readme).toContain(`*${m.slice('<connectionreferencedisplayname>'.length, -1)}*`);
    }
  });

  test('lists every column the flow writes on the Approvals list', () => {
    const written = fieldWrites().filter((w) => w.list.title === 'Approvals').map((w) => w.name);
    for (const name of written) expect(readme).toContain(`| ${name} |`);
  });
});

describe('flows/pack.mjs', () => {
  test('zips the solution with the required files at the root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svh-flow-'));
    const out = join(dir, 'SocialValueHubApproval.zip');
    execFileSync(process.execPath, [join(ROOT, 'pack.mjs'), '--out', out], { stdio: 'pipe' });
    const zip = await JSZip.loadAsync(readFileSync(out));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    for (const required of ['[Content_Types].xml', 'solution.xml', 'customizations.xml', `Workflows/${WORKFLOW_FILE}`]) {
      expect(names).toContain(required);
    }
    for (const p of LIST_PARAMETERS) expect(names).toContain(`environmentvariabledefinitions/${p.schemaName}/environmentvariabledefinition.xml`);
    expect(names).toContain('environmentvariabledefinitions/svh_SiteUrl/environmentvariabledefinition.xml');
    const packed = JSON.parse(await (zip.file(`Workflows/${WORKFLOW_FILE}`) as JSZip.JSZipObject).async('string'));
    expect(packed).toEqual(workflow);
  });
});
