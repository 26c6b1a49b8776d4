// provider/resources/autoscaling-policy: the autoscaling_policy resource's plan. Pure.
export { planAutoscalingPolicy } from './plan-autoscaling-policy.js';
