// The `web` stack of examples/web.yaml, field by field, as a CDK (cdktf) program: two replicas
// behind port 80, an HTTP health check on /healthz and CPU autoscaling between 2 and 6 replicas.
//   leasehold validate -f examples/cdk/cdktf.json
//   leasehold synth -f examples/cdk/cdktf.json      # same model bytes as -f examples/web.yaml
//
// Plain ESM JavaScript so it runs with `node main.js`; TypeScript works the same (the props are
// typed): name it main.ts and set "app" in cdktf.json to e.g. "npx tsx main.ts".
import {
  App,
  AutoscalingPolicy,
  HealthCheck,
  Instance,
  LeaseholdProvider,
  TerraformOutput,
  TerraformStack,
} from 'leasehold/constructs';

const app = new App();
const stack = new TerraformStack(app, 'web');

new LeaseholdProvider(stack, 'leasehold', {
  stack: 'web',
  network: 'local',
  // Ceiling for the whole stack, whole tokens per hour (6 replicas at most × 2 USDT).
  // Escrow: apply deposits what the plan needs in steps of at least 100, never above 600.
  budget: { maxPerHour: '15', token: 'USDT', escrow: { topUp: '100', maxDeposit: '600' } },
});

const web = new Instance(stack, 'web', {
  image: 'nginxinc/nginx-unprivileged:1.27',
  env: { LOG_LEVEL: 'info' },
  // Read from the WEB_API_KEY environment variable at apply time; never stored.
  secrets: { API_KEY: { fromEnv: 'WEB_API_KEY' } },
  ports: [{ port: 8080, as: 80 }],
  resources: { cpu: 1, memory: '1Gi', storage: '2Gi' },
  count: 2,
  duration: '24h',
  pricing: { maxPerHour: '2', token: 'USDT' },
});

new HealthCheck(stack, 'web-health', {
  instance: web,
  http: { path: '/healthz', port: 8080 },
  interval: '10s',
  timeout: '2s',
  unhealthyThreshold: 3,
  gracePeriod: '30s',
});

new AutoscalingPolicy(stack, 'web-autoscaling', {
  instance: web,
  min: 2,
  max: 6,
  metrics: [{ type: 'cpu', target: { averageUtilization: 70 } }],
  cooldown: '1m',
});

new TerraformOutput(stack, 'url', {
  value: web.endpoint(0),
  description: "First replica's public endpoint",
});

app.synth();
