variable "name" {
  description = "Name prefix, e.g. lectern-production. Secrets are named <name>/<ENV_VAR>."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key encrypting every secret."
  type        = string
}

variable "recovery_window_in_days" {
  description = "Days a deleted secret can still be restored."
  type        = number
  default     = 30
}

variable "database" {
  description = "Connection facts of the RDS instance, used to compose DATABASE_URL."
  type = object({
    address  = string
    port     = number
    name     = string
    username = string
  })
}

variable "redis" {
  description = "Primary endpoint of the ElastiCache replication group, used to compose REDIS_URL."
  type = object({
    address = string
    port    = number
  })
}
