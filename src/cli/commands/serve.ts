import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { Option } from 'commander';
import { parseIntegerFlag } from '../../bench/parse-flags.js';
import { parseModelConcurrency } from '../../providers/call-policy.js';
import { ensureLocalApiKey } from '../../service/first-api-key.js';
import { defaultFairUse } from '../../server/fair-use.js';
import { minMetricsTokenLength } from '../../server/metrics-token-auth.js';
import { startService } from '../../server/start-service.js';
import { InvalidInputError } from '../../spec/index.js';
import { defaultSqlitePath } from '../../store/sqlite-database.js';
import { isPostgresUrl } from '../../store/open-stores.js';

/** Options of `tailor serve`, as commander parses them. */
interface ServeFlags {
  store: string;
  schema?: string;
  port: string;
  host: string;
  model: string;
  embedder: string;
  learner: string;
  upstream?: string;
  keyFile?: string;
  sqliteSynchronous: 'full' | 'normal';
  newKey?: boolean;
  ui: boolean;
  rateLimit: string;
  tenantConcurrency: string;
  modelConcurrency?: string;
  tenantModelConcurrency?: string;
  learnFromFollowUps?: string;
  metricsToken?: string;
}

/** `--learn-from-follow-ups all` or a comma-separated list of tenants. */
function parseTenants(value: string): readonly string[] | 'all' {
  if (value.trim() === 'all') return 'all';
  const tenants = value
    .split(',')
    .map((tenant) => tenant.trim())
    .filter((tenant) => tenant !== '');
  if (tenants.length === 0) {
    throw new InvalidInputError({
      field: '--learn-from-follow-ups',
      value,
      accepted: 'all, or a comma-separated list of tenant names',
    });
  }
  return tenants;
}

function parseCount(value: string, field: string, accepted: string): number {
  const count = Number(value);
  if (value.trim() === '' || !Number.isInteger(count) || count < 0) {
    throw new InvalidInputError({ field, value, accepted });
  }
  return count;
}

/** The metrics token from the flag or `TAILOR_METRICS_TOKEN` (none: `/metrics` is off). */
function metricsToken(flag: string | undefined): string | undefined {
  const token = flag ?? process.env.TAILOR_METRICS_TOKEN;
  if (token === undefined || token === '') return undefined;
  if (token.length < minMetricsTokenLength || /\s/.test(token)) {
    // NOTE: the value is a secret: the error never repeats it.
    throw new InvalidInputError({
      field: '--metrics-token',
      message: `invalid --metrics-token (or TAILOR_METRICS_TOKEN): at least ${minMetricsTokenLength} characters without spaces are needed, e.g. \`openssl rand -hex 32\``,
    });
  }
  return token;
}

/**
 * The built web UI of this package (`web/dist` at its root), found from this module so an installed
 * `tailor serve` serves it whatever the working directory: three folders up from `src/cli/commands` and
 * from `dist/cli/commands` alike.
 */
function packagedUi(): string {
  return fileURLToPath(new URL('../../../web/dist', import.meta.url));
}

function parsePort(value: string): number {
  return parseIntegerFlag('--port', value, {
    min: 0,
    max: 65_535,
    accepted: 'an integer from 0 to 65535 (0: any free port)',
  });
}

/**
 * `tailor serve`: the HTTP API (and the web UI when `web/dist` is built) on a local port, with the
 * SQLite store by default. The local API key is created on first start and kept in `--key-file`; only
 * then is it printed (in the UI link's fragment, `#key=...`, which the UI reads). Later starts name the
 * file instead: no secret is ever printed or logged again. `/metrics` needs `--metrics-token`.
 *
 * @example
 * tailor serve --store postgres://tailor@db/tailor --model openai:gpt-4o --embedder openai:text-embedding-3-small
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API, the OpenAI-compatible proxy and the web UI')
    .option(
      '--store <location>',
      'SQLite file or postgres:// URL',
      process.env.TAILOR_STORE ?? defaultSqlitePath,
    )
    .option('--schema <name>', 'PostgreSQL schema (default tailor)')
    .addOption(
      new Option(
        '--sqlite-synchronous <mode>',
        'full: commits survive a power cut; normal: a crash only, faster',
      )
        .choices(['full', 'normal'])
        .default('full'),
    )
    .option('--port <n>', 'port (0: any free port)', process.env.PORT ?? '8787')
    .option('--host <address>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .option('--model <spec>', "the agent's writer: sim (offline) or a model spec", 'sim')
    .option('--embedder <spec>', 'context embedder: lexical (offline) or a model spec', 'lexical')
    .option(
      '--learner <name>',
      'learner (refine-verify-5, cipher-5, cipher-1, icl-edit-5, ...)',
      'refine-verify-5',
    )
    .option('--upstream <spec>', 'model behind /v1/chat/completions (default: --model when remote)')
    .option('--key-file <path>', 'where the local API key is kept (default: beside the SQLite file)')
    .option('--new-key', 'create and print a new local API key')
    .addOption(new Option('--no-ui', 'do not serve the web UI'))
    .option(
      '--rate-limit <n>',
      'requests per minute per API key, per process (0: no limit)',
      String(defaultFairUse.requestsPerMinute),
    )
    .option(
      '--tenant-concurrency <n>',
      "a tenant's requests in flight at once, per process (0: no cap)",
      String(defaultFairUse.concurrentPerTenant),
    )
    .option(
      '--model-concurrency <limits>',
      'model calls in flight per provider: a number and/or provider=number pairs (default 32, ollama=4)',
    )
    .option(
      '--tenant-model-concurrency <n>',
      "a tenant's model calls in flight at once, over all providers (default 16; 0: no cap)",
    )
    .option(
      '--learn-from-follow-ups <tenants>',
      'learn from chat follow-ups ("please, no bullet points") relayed by the proxy, for these tenants (comma-separated, or all; default none)',
    )
    .option(
      '--metrics-token <token>',
      'bearer token /metrics requires (default: TAILOR_METRICS_TOKEN; none: /metrics is off); API keys never read /metrics',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ tailor serve                                   # offline writer, SQLite in .tailor/, UI on :8787
  $ tailor serve --model openai:gpt-4o --embedder openai:text-embedding-3-small --port 8080
  $ tailor serve --store postgres://tailor@db:5432/tailor --host 0.0.0.0   # one of several servers
  $ tailor serve --model ollama:llama3.1:8b --upstream ollama:llama3.1:8b --learner cipher-1`,
    )
    .action(async (flags: ServeFlags) => {
      const port = parsePort(flags.port);
      const fairUse = {
        requestsPerMinute: parseCount(flags.rateLimit, '--rate-limit', 'an integer >= 0 (0: no limit)'),
        concurrentPerTenant: parseCount(
          flags.tenantConcurrency,
          '--tenant-concurrency',
          'an integer >= 0 (0: no cap)',
        ),
      };
      const service = await startService({
        store: flags.store,
        schema: flags.schema,
        sqliteSynchronous: flags.sqliteSynchronous,
        port,
        host: flags.host,
        model: flags.model,
        embedder: flags.embedder,
        learner: flags.learner,
        upstream: flags.upstream,
        staticRoot: flags.ui ? packagedUi() : null,
        fairUse,
        modelCalls: {
          ...(flags.modelConcurrency === undefined ? {} : parseModelConcurrency(flags.modelConcurrency)),
          tenantConcurrency:
            flags.tenantModelConcurrency === undefined
              ? undefined
              : parseCount(
                  flags.tenantModelConcurrency,
                  '--tenant-model-concurrency',
                  'an integer >= 0 (0: no cap)',
                ),
        },
        metricsToken: metricsToken(flags.metricsToken),
        learnFromFollowUps:
          flags.learnFromFollowUps === undefined ? undefined : parseTenants(flags.learnFromFollowUps),
      });
      const keyFile =
        flags.keyFile ??
        (isPostgresUrl(flags.store) ? join('.tailor', 'api-key') : join(dirname(flags.store), 'api-key'));
      const key = await ensureLocalApiKey({
        apiKeys: service.stores.apiKeys,
        keyFile,
        createNew: flags.newKey,
      });
      const lines = [`Tailor is serving ${service.stores.location} at ${service.url}`];
      if (key.kind === 'none') {
        lines.push(`Open ${service.url} (${key.reason})`);
      } else if (key.kind === 'created') {
        // NOTE: the only time a secret is printed: it was just created. Logs and later starts never
        // show it (they go to files and terminals others may read).
        lines.push(`Open ${service.url}#key=${encodeURIComponent(key.secret)}`);
        lines.push(
          `A new API key (tenant "default") was created and saved in ${key.keyFile}; it is shown only this once, keep it secret.`,
        );
      } else {
        lines.push(
          `Open ${service.url} and give it the API key saved in ${key.keyFile} (link: the URL, then #key= and the key).`,
        );
        lines.push(
          'The key is not printed again; start with --new-key for another one, or `tailor keys create --tenant NAME`.',
        );
      }
      if (flags.model === 'sim') {
        lines.push(
          'Writer: the offline rule-based one (drafts come from rules, not a language model). Connect a model with',
          '  --model openai:gpt-4o (OPENAI_API_KEY), anthropic:<model> or ollama:<model>; see README "Run the service".',
        );
      }
      lines.push('API: /openapi.json  Health: /healthz  Stop: Ctrl-C');
      process.stdout.write(`${lines.join('\n')}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.stdout.write('stopping…\n');
      await service.close();
    });
}
