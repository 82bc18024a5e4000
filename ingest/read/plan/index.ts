/**
 * A proposed change from a file: Terraform's JSON plan (`terraform show -json
 * PLANFILE`) or a CloudFormation template in JSON or YAML. `loadPlanFile` reads and
 * recognizes the file; `planAccountOf` says which account it names, if any;
 * `changeSetOf` reads its IAM changes for the account chosen.
 */
import { readFile } from 'node:fs/promises';
import type { ChangeSet } from '../../../engine/plan/change.ts';
import { decodeText } from '../decode.ts';
import { isPlainObject, parseJson } from '../json.ts';
import { InputError } from '../problems.ts';
import { isCloudFormationTemplate, readCloudFormation } from './cloudformation.ts';
import { parseCloudFormationYaml } from './cloudformation-yaml.ts';
import type { PlanJson } from './plan-json.ts';
import { parseTerraformPlan, planAccount, readTerraformPlan, type PlanAccount } from './terraform.ts';

export type { PlanAccount } from './terraform.ts';

export type LoadedPlan =
  | { kind: 'terraform-plan'; file: string; plan: PlanJson }
  | { kind: 'cloudformation'; file: string; template: Record<string, unknown>; text: string };

/** Reads and recognizes a plan or template given as text (the file name is for messages). */
export function parsePlanText(text: string, file: string): LoadedPlan {
  if (/^\s*$/.test(text))
    throw new InputError([
      {
        file,
        jsonPath: '',
        message: 'the file is empty',
        expected: 'the output of `terraform show -json PLANFILE`',
      },
    ]);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const yamlLike = /^\s*(AWSTemplateFormatVersion|Resources|Description|Parameters|Transform)\s*:/m.test(
      text,
    );
    if (yamlLike && !/^\s*[{[]/.test(text)) {
      const yaml = parseCloudFormationYaml(text, file);
      if (!yaml.ok) throw new InputError(yaml.problems);
      if (isCloudFormationTemplate(yaml.value))
        return { kind: 'cloudformation', file, template: yaml.value as Record<string, unknown>, text };
      throw new InputError([
        {
          file,
          jsonPath: '',
          message: 'this YAML file has no "Resources" mapping',
          expected: 'a CloudFormation template with a "Resources" section',
        },
      ]);
    }
    throw new InputError([
      {
        file,
        jsonPath: '',
        line: parsed.line,
        column: parsed.column,
        message: `the file is not valid JSON (${parsed.detail})`,
        expected:
          'the output of `terraform show -json PLANFILE`, or a CloudFormation template in JSON or YAML',
      },
    ]);
  }
  const value = parsed.value;
  if (isCloudFormationTemplate(value))
    return { kind: 'cloudformation', file, template: value as Record<string, unknown>, text };
  if (isPlainObject(value) && ('format_version' in value || 'resource_changes' in value))
    return { kind: 'terraform-plan', file, plan: parseTerraformPlan(value, file) };
  throw new InputError([
    {
      file,
      jsonPath: '',
      message:
        isPlainObject(value) && 'version' in value && 'resources' in value
          ? 'this is a Terraform state or a binary plan rendered by another command, not a plan'
          : 'neither a Terraform plan nor a CloudFormation template',
      expected:
        'the output of `terraform show -json PLANFILE` (with "format_version" and "resource_changes"), or a template with "Resources"',
    },
  ]);
}

export async function loadPlanFile(path: string): Promise<LoadedPlan> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([
      {
        file: path,
        jsonPath: '',
        message: code === 'ENOENT' ? 'no such file' : `the file cannot be read (${code ?? String(err)})`,
        expected: 'the path of a plan written by `terraform show -json PLANFILE > plan.json`',
      },
    ]);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok)
    throw new InputError([
      {
        file: path,
        jsonPath: '',
        line: decoded.line,
        column: decoded.column,
        message: `the file is not valid UTF-8 (byte 0x${decoded.byte.toString(16)} at offset ${decoded.byteOffset})`,
        expected: 'JSON text in UTF-8, as Terraform writes it',
      },
    ]);
  return parsePlanText(decoded.text, path);
}

/** The account the file itself names (Terraform's provider configuration or ARNs), if any. */
export function planAccountOf(loaded: LoadedPlan): PlanAccount | undefined {
  return loaded.kind === 'terraform-plan' ? planAccount(loaded.plan) : undefined;
}

export function changeSetOf(loaded: LoadedPlan, accountId: string): ChangeSet {
  return loaded.kind === 'terraform-plan'
    ? readTerraformPlan(loaded.plan, loaded.file, accountId)
    : readCloudFormation(loaded.template, loaded.file, loaded.text, accountId);
}
