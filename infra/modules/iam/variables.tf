variable "name" {
  description = "Name prefix, e.g. lectern-production."
  type        = string
}

variable "environment" {
  description = "Environment name; also the GitHub environment allowed to assume the deploy role."
  type        = string
}

variable "github_repository" {
  description = "GitHub repository allowed to deploy, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must look like owner/name."
  }
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub OIDC provider. An account has at most one per URL: set false for the second environment sharing an account."
  type        = bool
  default     = true
}

variable "kms_key_arn" {
  description = "The environment's KMS key (secrets, media bucket)."
  type        = string
}

variable "secret_arns" {
  description = "Secrets the task may read."
  type        = list(string)
}

variable "media_bucket_arn" {
  description = "Media bucket the application reads and writes."
  type        = string
}

variable "static_bucket_arn" {
  description = "Static assets bucket the deploy role uploads to."
  type        = string
}

variable "ecr_repository_arn" {
  description = "ECR repository the deploy role pushes to."
  type        = string
}

variable "ecs_cluster_arn" {
  description = "ECS cluster of the service."
  type        = string
}

variable "ecs_service_arn" {
  description = "ECS service the deploy role updates."
  type        = string
}

variable "task_family" {
  description = "Task definition family the deploy role registers and runs."
  type        = string
}

variable "cloudfront_distribution_arn" {
  description = "Distribution the deploy role may invalidate."
  type        = string
}

variable "enable_execute_command" {
  description = "Grant the task role the SSM permissions ECS Exec needs."
  type        = bool
  default     = false
}

variable "allow_xray_writes" {
  description = "Let the task send traces to X-Ray (for an OpenTelemetry collector sidecar)."
  type        = bool
  default     = false
}
