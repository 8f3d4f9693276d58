output "cluster_name" {
  description = "ECS cluster name (GitHub environment variable ECS_CLUSTER)."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ECS cluster ARN."
  value       = aws_ecs_cluster.this.arn
}

output "service_name" {
  description = "ECS service name (GitHub environment variable ECS_SERVICE)."
  value       = aws_ecs_service.this.name
}

output "service_arn" {
  description = "ECS service ARN."
  value       = aws_ecs_service.this.id
}

output "task_family" {
  description = "Task definition family (GitHub environment variable ECS_TASK_FAMILY)."
  value       = aws_ecs_task_definition.this.family
}

output "container_name" {
  description = "Name of the application container in the task definition."
  value       = local.container_name
}

output "task_security_group_id" {
  description = "Security group of the tasks (GitHub environment variable TASK_SECURITY_GROUP_ID; RDS/Redis ingress)."
  value       = aws_security_group.task.id
}
