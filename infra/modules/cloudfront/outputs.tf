output "distribution_id" {
  description = "Distribution ID (GitHub environment variable CLOUDFRONT_DISTRIBUTION_ID)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "Distribution ARN."
  value       = aws_cloudfront_distribution.this.arn
}

output "domain_name" {
  description = "CloudFront domain name; point the public aliases (CNAME/alias) at it."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "hosted_zone_id" {
  description = "CloudFront hosted zone (Route 53 alias records)."
  value       = aws_cloudfront_distribution.this.hosted_zone_id
}

output "web_acl_arn" {
  description = "WAF web ACL attached to the distribution."
  value       = aws_wafv2_web_acl.this.arn
}
