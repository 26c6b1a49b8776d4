import { hostname, userInfo } from 'node:os';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Who runs this command, for the activity log and state versions: the CI job when GitHub Actions
 * runs it (`github:owner/repo run 42 job plan by octocat`), else `user@host`. Only names and ids:
 * never a token (GITHUB_TOKEN is not read).
 */
export function activityWho(env: Env): string {
  const repo = env['GITHUB_REPOSITORY'];
  if (env['GITHUB_ACTIONS'] === 'true' && repo !== undefined) {
    const run = env['GITHUB_RUN_ID'];
    const job = env['GITHUB_JOB'];
    const actor = env['GITHUB_ACTOR'];
    return [
      `github:${repo}`,
      run === undefined ? null : `run ${run}`,
      job === undefined ? null : `job ${job}`,
      actor === undefined ? null : `by ${actor}`,
    ]
      .filter((p) => p !== null)
      .join(' ');
  }
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = env['USER'] ?? 'unknown';
  }
  return `${user}@${hostname()}`;
}
