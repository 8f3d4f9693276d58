output "media_bucket_name" {
  description = "Media (uploads) bucket name; the app's S3_BUCKET."
  value       = aws_s3_bucket.media.id
}

output "media_bucket_arn" {
  description = "Media bucket ARN."
  value       = aws_s3_bucket.media.arn
}

output "static_bucket_name" {
  description = "Static assets bucket name; the deploy pipeline uploads /pkg/* here."
  value       = aws_s3_bucket.static.id
}

output "static_bucket_arn" {
  description = "Static assets bucket ARN."
  value       = aws_s3_bucket.static.arn
}

output "static_bucket_regional_domain_name" {
  description = "Regional domain name of the static bucket (CloudFront origin)."
  value       = aws_s3_bucket.static.bucket_regional_domain_name
}

output "logs_bucket_name" {
  description = "Access log bucket name."
  value       = aws_s3_bucket.logs.id
  # The ALB checks on creation that it can write its logs.
  depends_on = [aws_s3_bucket_policy.logs]
}

output "logs_bucket_domain_name" {
  description = "Domain name of the log bucket (CloudFront logging target)."
  value       = aws_s3_bucket.logs.bucket_domain_name
  # CloudFront standard logging needs the ACL grant in place.
  depends_on = [aws_s3_bucket_acl.logs, aws_s3_bucket_policy.logs]
}
