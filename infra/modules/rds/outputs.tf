output "address" {
  description = "Host name of the instance."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "Port of the instance."
  value       = aws_db_instance.this.port
}

output "database_name" {
  description = "Application database."
  value       = aws_db_instance.this.db_name
}

output "username" {
  description = "Master user name."
  value       = aws_db_instance.this.username
}

output "instance_identifier" {
  description = "Instance identifier (CloudWatch dimension, point-in-time restore)."
  value       = aws_db_instance.this.identifier
}

output "resource_id" {
  description = "DBI resource ID (rds-db:connect IAM policies)."
  value       = aws_db_instance.this.resource_id
}
