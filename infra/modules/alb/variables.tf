variable "name" {
  description = "Name of the load balancer and prefix of the rest (max 28 characters)."
  type        = string

  validation {
    condition     = length(var.name) <= 28
    error_message = "name must be at most 28 characters (ALB and target group name limits)."
  }
}

variable "vpc_id" {
  description = "VPC of the load balancer."
  type        = string
}

variable "vpc_cidr_block" {
  description = "VPC CIDR; the ALB may only send traffic into the VPC."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets, one per AZ."
  type        = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate (same region) for the origin host name CloudFront connects to."
  type        = string
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "container_port" {
  description = "Port of the tasks."
  type        = number
  default     = 3000
}

variable "health_check_path" {
  description = "Target health check path: /readyz answers 200 only while the database answers."
  type        = string
  default     = "/readyz"
}

variable "logs_bucket_name" {
  description = "Bucket for ALB access logs (prefix alb/)."
  type        = string
}

variable "origin_verify_header_value" {
  description = "Secret value of X-Origin-Verify; requests without it get 403."
  type        = string
  sensitive   = true
}

variable "deletion_protection" {
  description = "Protect the load balancer from deletion."
  type        = bool
  default     = true
}

variable "direct_access_cidrs" {
  description = "Extra CIDRs allowed to reach the ALB on 80/443 directly (debugging). CloudFront's origin-facing ranges are always allowed on 443."
  type        = list(string)
  default     = []
}

variable "idle_timeout" {
  description = "Idle connection timeout in seconds."
  type        = number
  default     = 60
}
