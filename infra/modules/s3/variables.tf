variable "name" {
  description = "Name prefix, e.g. lectern-production. Bucket names get the account ID appended for global uniqueness."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for the media bucket (user uploads)."
  type        = string
}

variable "cloudfront_distribution_arn" {
  description = "The CloudFront distribution allowed to read the static bucket through origin access control."
  type        = string
}

variable "noncurrent_version_days" {
  description = "Days a replaced or deleted object version is kept (media and static buckets)."
  type        = number
  default     = 30
}

variable "log_expiry_days" {
  description = "Days ALB and CloudFront access logs are kept."
  type        = number
  default     = 365
}

variable "force_destroy" {
  description = "Allow `terraform destroy` to delete non-empty buckets (staging only)."
  type        = bool
  default     = false
}

variable "upload_origins" {
  description = "Site origins (https://host) whose browsers upload media straight to the bucket with presigned PUT URLs (CORS)."
  type        = list(string)
  default     = []
}
