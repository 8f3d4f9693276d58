variable "name" {
  description = "Name of the cluster, service, task family and prefix of the rest, e.g. lectern-production."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the service."
  type        = string
}

variable "vpc_cidr_block" {
  description = "VPC CIDR (egress to Postgres, Redis and an in-VPC OTLP collector)."
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets the tasks run in (no public IPs)."
  type        = list(string)
}

variable "alb_security_group_id" {
  description = "Security group of the ALB; the only source allowed to reach the container port."
  type        = string
}

variable "target_group_arn" {
  description = "ALB target group the service registers its tasks in."
  type        = string
}

variable "alb_arn_suffix" {
  description = "ARN suffix of the ALB (request-count autoscaling metric)."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "ARN suffix of the target group (request-count autoscaling metric)."
  type        = string
}

variable "image" {
  description = "Image of the first task definition revision. Later revisions are registered by the deploy pipeline; pass the currently deployed image when Terraform changes the task definition."
  type        = string
}

variable "container_port" {
  description = "Port the server listens on (LEPTOS_SITE_ADDR)."
  type        = number
  default     = 3000
}

variable "cpu" {
  description = "Fargate task CPU units."
  type        = number
  default     = 512
}

variable "memory" {
  description = "Fargate task memory (MiB)."
  type        = number
  default     = 1024
}

variable "min_capacity" {
  description = "Minimum (and initial) number of tasks."
  type        = number
  default     = 2
}

variable "max_capacity" {
  description = "Maximum number of tasks."
  type        = number
  default     = 10
}

variable "cpu_target_percent" {
  description = "Target average CPU utilisation for autoscaling."
  type        = number
  default     = 60
}

variable "requests_per_target" {
  description = "Target ALB requests per task per minute for autoscaling."
  type        = number
  default     = 1000
}

variable "fargate_spot_weight" {
  description = "Weight of FARGATE_SPOT beyond the first (on-demand) task; 0 disables Spot."
  type        = number
  default     = 0
}

variable "execution_role_arn" {
  description = "Task execution role."
  type        = string
}

variable "task_role_arn" {
  description = "Task role."
  type        = string
}

variable "log_group_name" {
  description = "CloudWatch log group of the container and of ECS Exec sessions."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for ECS Exec session encryption."
  type        = string
}

variable "environment" {
  description = "Plain environment variables of the container."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variable name -> Secrets Manager ARN, injected at start."
  type        = map(string)
  default     = {}
}

variable "shutdown_timeout_seconds" {
  description = "Graceful shutdown budget of the server (SHUTDOWN_TIMEOUT_SECS); ECS waits 5 s longer before SIGKILL."
  type        = number
  default     = 25
}

variable "enable_execute_command" {
  description = "Allow ECS Exec into running tasks (needs a writable root filesystem)."
  type        = bool
  default     = false
}

variable "otel_collector_image" {
  description = "Image of an OpenTelemetry collector sidecar, e.g. the AWS Distro for OpenTelemetry collector pinned by digest; empty runs none. When set, the app sends traces to it at http://localhost:4318; the task role then needs X-Ray write access (iam module: allow_xray_writes)."
  type        = string
  default     = ""
}
