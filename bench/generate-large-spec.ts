/**
 * A valid spec with `n` instances that use every section (ports, resources, placement, pricing,
 * health, autoscaling), so validation cost is measured on realistic nodes, not empty ones.
 */
export function generateLargeSpec(n: number): string {
  const lines = [
    'stack: large',
    'network: local',
    'budget:',
    `  maxPerHour: "${n * 10}"`,
    '  token: USDT',
    'defaults:',
    '  pricing: { maxPerHour: "2.5", token: USDT }',
    '  placement: { tiers: [community], spread: provider }',
    'instances:',
  ];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  svc-${i}:`,
      `    image: ghcr.io/example/svc-${i}:1.${i % 10}.0`,
      '    env: { LOG_LEVEL: info, REGION: us-east }',
      '    ports: [{ port: 8080, as: 80 }]',
      '    resources: { cpu: 500m, memory: 512Mi, storage: 1Gi }',
      '    count: 2',
      '    placement: { regions: [us-east, us-west] }',
      '    health:',
      '      http: { path: /healthz, port: 8080 }',
      '      interval: 10s',
      '    autoscaling:',
      '      min: 2',
      '      max: 4',
      '      metrics: [{ type: cpu, target: { averageUtilization: 70 } }]',
    );
  }
  return lines.join('\n') + '\n';
}
