variable "name" {
  description = "Replication group ID and prefix of the rest, e.g. lectern-production (max 40 characters)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cache."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets (at least two AZs)."
  type        = list(string)
}

variable "allowed_security_group_ids" {
  description = "Security groups allowed to connect on 6379 (the ECS tasks)."
  type        = list(string)
}

variable "kms_key_arn" {
  description = "KMS key for encryption at rest and the slow log."
  type        = string
}

variable "auth_token" {
  description = "AUTH token (from the secrets module, stored in Secrets Manager)."
  type        = string
  sensitive   = true
}

variable "engine_version" {
  description = "Redis engine version."
  type        = string
  default     = "7.1"
}

variable "node_type" {
  description = "Cache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "num_cache_clusters" {
  description = "Primary + replicas; at least 2 (automatic failover across AZs)."
  type        = number
  default     = 2

  validation {
    condition     = var.num_cache_clusters >= 2 && var.num_cache_clusters <= 6
    error_message = "num_cache_clusters must be between 2 and 6 (Multi-AZ failover needs a replica)."
  }
}

variable "snapshot_retention_days" {
  description = "Daily snapshots kept (sessions survive a node replacement)."
  type        = number
  default     = 7
}

variable "log_retention_days" {
  description = "Retention of the slow log."
  type        = number
  default     = 365
}
