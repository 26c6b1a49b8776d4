/**
 * The one door to cdktf. cdktf was archived upstream at 0.21.0 (Dec 2025); the community fork
 * `cdktn` is a drop-in, so moving to it means changing the two module names below and nothing else
 * (STYLE §20). Every other file imports cdktf's classes from here.
 */
export {
  App,
  Fn,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Testing,
  Token,
} from 'cdktf';
export type { AppConfig, TerraformOutputConfig } from 'cdktf';
export { Construct } from 'constructs';
