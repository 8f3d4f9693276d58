variable "aws_region" {
  description = "Region of the environment."
  type        = string
  default     = "eu-west-1"
}

variable "allowed_account_ids" {
  description = "Guard against applying to the wrong AWS account."
  type        = list(string)
}

variable "github_repository" {
  description = "GitHub repository that deploys, as owner/name."
  type        = string
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (false if another environment in the same account already did)."
  type        = bool
  default     = true
}

variable "domain_name" {
  description = "Public host name of the site, e.g. lectern.example.org (CloudFront alias)."
  type        = string
}

variable "origin_domain_name" {
  description = "Host name CloudFront uses for the ALB, e.g. origin.lectern.example.org (DNS record to the ALB)."
  type        = string
}

variable "cloudfront_certificate_arn" {
  description = "ACM certificate in us-east-1 for domain_name."
  type        = string
}

variable "alb_certificate_arn" {
  description = "ACM certificate in aws_region for origin_domain_name."
  type        = string
}

variable "image_tag" {
  description = "Image tag (commit SHA) for the task definition Terraform registers: the first pushed image at bootstrap, later the currently deployed one."
  type        = string
}

variable "alarm_emails" {
  description = "E-mail addresses notified by the alarms."
  type        = list(string)
  default     = []
}

variable "otel_exporter_otlp_endpoint" {
  description = "OTLP endpoint for traces (OTEL_EXPORTER_OTLP_ENDPOINT); empty disables export."
  type        = string
  default     = ""
}

variable "otel_collector_image" {
  description = "OpenTelemetry collector sidecar image (AWS Distro for OpenTelemetry, pinned by digest) sending traces to X-Ray; empty runs none."
  type        = string
  default     = ""
}

variable "direct_access_cidrs" {
  description = "Operator CIDRs allowed to reach the ALB directly."
  type        = list(string)
  default     = []
}

variable "az_count" {
  description = "Availability zones."
  type        = number
  default     = 2
}

variable "task_cpu" {
  description = "Fargate task CPU units."
  type        = number
  default     = 512
}

variable "task_memory" {
  description = "Fargate task memory (MiB)."
  type        = number
  default     = 1024
}

variable "min_tasks" {
  description = "Minimum number of tasks."
  type        = number
  default     = 1
}

variable "max_tasks" {
  description = "Maximum number of tasks."
  type        = number
  default     = 3
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}
