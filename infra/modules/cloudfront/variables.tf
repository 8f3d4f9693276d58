variable "name" {
  description = "Name prefix, e.g. lectern-production."
  type        = string
}

variable "aliases" {
  description = "Public host names of the site (must be covered by acm_certificate_arn)."
  type        = list(string)
}

variable "acm_certificate_arn" {
  description = "ACM certificate in us-east-1 covering the aliases."
  type        = string
}

variable "static_bucket_regional_domain_name" {
  description = "Regional domain name of the static assets bucket."
  type        = string
}

variable "origin_domain_name" {
  description = "Host name CloudFront uses to reach the ALB over HTTPS (DNS record to the ALB; covered by the ALB certificate)."
  type        = string
}

variable "origin_verify_header_value" {
  description = "Secret sent to the ALB in X-Origin-Verify."
  type        = string
  sensitive   = true
}

variable "logs_bucket_domain_name" {
  description = "Domain name of the access log bucket."
  type        = string
}

variable "price_class" {
  description = "CloudFront price class."
  type        = string
  default     = "PriceClass_100"
}

variable "rate_limit_per_5_minutes" {
  description = "Requests per 5 minutes from one IP before WAF blocks it."
  type        = number
  default     = 2000
}

variable "waf_log_retention_days" {
  description = "Retention of the WAF log group (us-east-1)."
  type        = number
  default     = 365
}
