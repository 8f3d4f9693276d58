output "execution_role_arn" {
  description = "ECS task execution role."
  value       = aws_iam_role.execution.arn
}

output "task_role_arn" {
  description = "ECS task role (the application's permissions)."
  value       = aws_iam_role.task.arn
}

output "deploy_role_arn" {
  description = "Role GitHub Actions assumes through OIDC (GitHub environment variable AWS_DEPLOY_ROLE_ARN)."
  value       = aws_iam_role.deploy.arn
}

output "github_oidc_provider_arn" {
  description = "The account's GitHub OIDC provider."
  value       = local.github_oidc_provider_arn
}
