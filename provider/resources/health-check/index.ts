// provider/resources/health-check: the health_check resource's plan. Pure.
export { planHealthCheck } from './plan-health-check.js';
