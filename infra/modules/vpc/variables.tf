variable "name" {
  description = "Name prefix, e.g. lectern-production."
  type        = string
}

variable "cidr_block" {
  description = "IPv4 CIDR of the VPC. Public subnets take the first /20s, private subnets start at index 8."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Number of availability zones to spread subnets over (2 or 3)."
  type        = number
  default     = 3

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all private subnets (cheaper, staging) instead of one per AZ (production)."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "KMS key for the VPC flow log group."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the VPC flow log group."
  type        = number
  default     = 365
}
