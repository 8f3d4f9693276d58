variable "name" {
  description = "Name prefix, e.g. lectern-production."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for the log group and the SNS topic."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the application log group."
  type        = number
  default     = 365
}

variable "alarm_emails" {
  description = "E-mail addresses subscribed to the alarm topic (each must confirm)."
  type        = list(string)
  default     = []
}

variable "alb_arn_suffix" {
  description = "ARN suffix of the ALB."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "ARN suffix of the target group."
  type        = string
}

variable "ecs_cluster_name" {
  description = "ECS cluster of the service."
  type        = string
}

variable "ecs_service_name" {
  description = "ECS service."
  type        = string
}

variable "alb_5xx_threshold" {
  description = "5xx responses (ALB + targets) per 5 minutes that raise the alarm."
  type        = number
  default     = 25
}

variable "latency_p95_threshold_seconds" {
  description = "p95 target response time (seconds) that raises the alarm."
  type        = number
  default     = 1.5
}

variable "cpu_threshold_percent" {
  description = "Average service CPU that raises the alarm (autoscaling targets less)."
  type        = number
  default     = 85
}
