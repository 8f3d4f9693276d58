variable "name" {
  description = "Repository name, e.g. lectern-production."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key encrypting the images."
  type        = string
}

variable "keep_tagged_images" {
  description = "How many commit-SHA-tagged images to keep (rollback depth)."
  type        = number
  default     = 50
}

variable "untagged_expiry_days" {
  description = "Days after which untagged images (layers of failed pushes) are deleted."
  type        = number
  default     = 7
}
