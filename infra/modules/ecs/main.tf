# Fargate cluster and service for the Lectern server.
#   - rolling deploys with the deployment circuit breaker (automatic rollback)
#   - autoscaling on average CPU and on ALB requests per target
#   - the task definition here is the template: the deploy pipeline renders new revisions from
#     the latest one (same family) with a new image, so Terraform ignores the service's current
#     task definition and desired count

data "aws_region" "current" {}

locals {
  container_name = "lectern"
  # Same HTTP probe as the Dockerfile HEALTHCHECK (bash /dev/tcp; the image has no curl).
  health_probe = "exec 3<>/dev/tcp/127.0.0.1/${var.container_port} && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"

  collector = var.otel_collector_image != ""

  # With the collector sidecar, traces go to it over OTLP/HTTP on the task's loopback (tasks
  # share one network namespace); an explicit OTEL_EXPORTER_OTLP_ENDPOINT still wins.
  environment = merge(
    local.collector ? { OTEL_EXPORTER_OTLP_ENDPOINT = "http://localhost:4318" } : {},
    var.environment,
    {
      LEPTOS_SITE_ADDR      = "0.0.0.0:${var.container_port}"
      SHUTDOWN_TIMEOUT_SECS = tostring(var.shutdown_timeout_seconds)
    },
  )

  # Optional OpenTelemetry collector (e.g. AWS Distro for OpenTelemetry). Its bundled ECS
  # config receives OTLP on 4317/4318 and sends traces to X-Ray. Not essential: if it stops,
  # the app keeps serving and only loses spans.
  collector_containers = local.collector ? [{
    name                   = "otel-collector"
    image                  = var.otel_collector_image
    essential              = false
    command                = ["--config=/etc/ecs/ecs-default-config.yaml"]
    readonlyRootFilesystem = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = "otel-collector"
        mode                  = "non-blocking"
        max-buffer-size       = "25m"
      }
    }
  }] : []
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  configuration {
    execute_command_configuration {
      kms_key_id = var.kms_key_arn
      logging    = "OVERRIDE"

      log_configuration {
        cloud_watch_encryption_enabled = true
        cloud_watch_log_group_name     = var.log_group_name
      }
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }
}

resource "aws_security_group" "task" {
  name_prefix = "${var.name}-task-"
  description = "Lectern Fargate tasks"
  vpc_id      = var.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "task_from_alb" {
  security_group_id            = aws_security_group.task.id
  description                  = "HTTP from the load balancer only"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = var.alb_security_group_id
}

resource "aws_vpc_security_group_egress_rule" "task_https" {
  security_group_id = aws_security_group.task.id
  description       = "HTTPS to AWS APIs (ECR, S3, Secrets Manager, CloudWatch) and outbound webhooks"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "task_smtp" {
  security_group_id = aws_security_group.task.id
  description       = "SMTP submission (STARTTLS) to the mail provider"
  ip_protocol       = "tcp"
  from_port         = 587
  to_port           = 587
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "task_in_vpc" {
  for_each = {
    postgres  = 5432
    redis     = 6379
    otlp      = 4317
    otlp_http = 4318
  }

  security_group_id = aws_security_group.task.id
  description       = "${each.key} inside the VPC"
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  cidr_ipv4         = var.vpc_cidr_block
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # Writable scratch space; the root filesystem is read-only.
  volume {
    name = "tmp"
  }

  container_definitions = jsonencode(concat([
    {
      name      = local.container_name
      image     = var.image
      essential = true
      command   = ["serve"]
      user      = "10001:10001"

      portMappings = [{
        name          = "http"
        containerPort = var.container_port
        protocol      = "tcp"
      }]

      environment = [for k in sort(keys(local.environment)) : { name = k, value = local.environment[k] }]
      secrets     = [for k in sort(keys(var.secrets)) : { name = k, valueFrom = var.secrets[k] }]

      # ECS Exec needs a writable root filesystem for its agent.
      readonlyRootFilesystem = !var.enable_execute_command
      mountPoints = [{
        sourceVolume  = "tmp"
        containerPath = "/tmp"
        readOnly      = false
      }]

      linuxParameters = {
        initProcessEnabled = true
      }
      stopTimeout = var.shutdown_timeout_seconds + 5
      ulimits = [{
        name      = "nofile"
        softLimit = 65536
        hardLimit = 65536
      }]

      healthCheck = {
        command     = ["CMD", "/bin/bash", "-c", local.health_probe]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 30
      }

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = var.log_group_name
          awslogs-region        = data.aws_region.current.name
          awslogs-stream-prefix = "app"
          mode                  = "non-blocking"
          max-buffer-size       = "25m"
        }
      }
    }
  ], local.collector_containers))
}

resource "aws_ecs_service" "this" {
  name                               = var.name
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.min_capacity
  platform_version                   = "LATEST"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60
  enable_execute_command             = var.enable_execute_command
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  wait_for_steady_state              = false

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  dynamic "capacity_provider_strategy" {
    for_each = var.fargate_spot_weight > 0 ? [var.fargate_spot_weight] : []
    content {
      capacity_provider = "FARGATE_SPOT"
      weight            = capacity_provider_strategy.value
    }
  }

  deployment_controller {
    type = "ECS"
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.task.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = local.container_name
    container_port   = var.container_port
  }

  lifecycle {
    # Owned by the deploy pipeline (new revisions) and by autoscaling (task count).
    ignore_changes = [task_definition, desired_count]
  }

  depends_on = [aws_ecs_cluster_capacity_providers.this]
}

# --- autoscaling ----------------------------------------------------------------------------------

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this.name}"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  resource_id        = aws_appautoscaling_target.this.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  name               = "${var.name}-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension
  resource_id        = aws_appautoscaling_target.this.resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${var.alb_arn_suffix}/${var.target_group_arn_suffix}"
    }
  }
}
