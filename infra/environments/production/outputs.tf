output "github_environment_variables" {
  description = "Set these as variables of the GitHub environment of the same name (see infra/README.md)."
  value = {
    AWS_REGION                 = var.aws_region
    AWS_DEPLOY_ROLE_ARN        = module.iam.deploy_role_arn
    ECR_REPOSITORY             = module.ecr.repository_name
    ECS_CLUSTER                = module.ecs.cluster_name
    ECS_SERVICE                = module.ecs.service_name
    ECS_TASK_FAMILY            = module.ecs.task_family
    PRIVATE_SUBNET_IDS         = join(",", module.vpc.private_subnet_ids)
    TASK_SECURITY_GROUP_ID     = module.ecs.task_security_group_id
    STATIC_BUCKET              = module.s3.static_bucket_name
    CLOUDFRONT_DISTRIBUTION_ID = module.cloudfront.distribution_id
    APP_URL                    = "https://${var.domain_name}"
  }
}

output "ecr_repository_url" {
  description = "Where to push images (tag = commit SHA)."
  value       = module.ecr.repository_url
}

output "alb_dns_name" {
  description = "Point origin_domain_name at this (CNAME or alias record)."
  value       = module.alb.alb_dns_name
}

output "cloudfront_domain_name" {
  description = "Point domain_name at this (CNAME or alias record)."
  value       = module.cloudfront.domain_name
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms (subscribe chat/pager integrations here)."
  value       = module.cloudwatch.alarm_topic_arn
}

output "log_group_name" {
  description = "Application logs."
  value       = module.cloudwatch.log_group_name
}

output "rds_instance_identifier" {
  description = "RDS instance (point-in-time restore source)."
  value       = module.rds.instance_identifier
}
