output "container_secrets" {
  description = "Map of environment variable name -> secret ARN, for the ECS task definition."
  value = merge(
    # Version ARNs (= secret ARNs) so tasks are only defined once every secret has a value.
    { for k, v in aws_secretsmanager_secret_version.generated : k => v.arn if k != "REDIS_AUTH_TOKEN" },
    { SMTP_URL = aws_secretsmanager_secret_version.smtp_url.arn },
    { for k, v in aws_secretsmanager_secret_version.stripe : k => v.arn },
  )
}

output "secret_arns" {
  description = "Every secret ARN (IAM policies)."
  value = concat(
    [for s in aws_secretsmanager_secret.generated : s.arn],
    [aws_secretsmanager_secret.smtp_url.arn],
    [for s in aws_secretsmanager_secret.stripe : s.arn],
  )
}

output "database_password" {
  description = "Master password of the RDS instance."
  value       = random_password.database.result
  sensitive   = true
}

output "redis_auth_token" {
  description = "ElastiCache AUTH token."
  value       = random_password.redis_auth.result
  sensitive   = true
}

output "origin_verify_header_value" {
  description = "Value of the X-Origin-Verify header shared by CloudFront and the ALB."
  value       = random_password.origin_verify.result
  sensitive   = true
}
