# Staging: thin root that wires the modules together. Same shape as production, smaller and
# cheaper: two AZs, one NAT gateway, Spot capacity beyond the first task, deletable buckets.
# Shape of the stack and the order of first-time creation are described in infra/README.md.

locals {
  environment = "staging"
  name        = "lectern-${local.environment}"
  tags = {
    Project     = "lectern"
    Environment = local.environment
    ManagedBy   = "terraform"
  }
}

module "kms" {
  source = "../../modules/kms"

  name = local.name
}

module "vpc" {
  source = "../../modules/vpc"

  name               = local.name
  az_count           = var.az_count
  single_nat_gateway = true
  kms_key_arn        = module.kms.key_arn
}

module "ecr" {
  source = "../../modules/ecr"

  name        = local.name
  kms_key_arn = module.kms.key_arn
}

module "s3" {
  source = "../../modules/s3"

  name                        = local.name
  kms_key_arn                 = module.kms.key_arn
  cloudfront_distribution_arn = module.cloudfront.distribution_arn
  upload_origins              = ["https://${var.domain_name}"]
  force_destroy               = true
}

module "secrets" {
  source = "../../modules/secrets"

  name        = local.name
  kms_key_arn = module.kms.key_arn

  database = {
    address  = module.rds.address
    port     = module.rds.port
    name     = module.rds.database_name
    username = module.rds.username
  }

  redis = {
    address = module.elasticache.primary_endpoint_address
    port    = module.elasticache.port
  }
}

module "alb" {
  source = "../../modules/alb"

  name                       = local.name
  vpc_id                     = module.vpc.vpc_id
  vpc_cidr_block             = module.vpc.vpc_cidr_block
  public_subnet_ids          = module.vpc.public_subnet_ids
  certificate_arn            = var.alb_certificate_arn
  logs_bucket_name           = module.s3.logs_bucket_name
  origin_verify_header_value = module.secrets.origin_verify_header_value
  direct_access_cidrs        = var.direct_access_cidrs
}

module "rds" {
  source = "../../modules/rds"

  name                       = local.name
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.private_subnet_ids
  allowed_security_group_ids = [module.ecs.task_security_group_id]
  kms_key_arn                = module.kms.key_arn
  instance_class             = var.db_instance_class
  password                   = module.secrets.database_password
  multi_az                   = true
  backup_retention_days      = 7
}

module "elasticache" {
  source = "../../modules/elasticache"

  name                       = local.name
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.private_subnet_ids
  allowed_security_group_ids = [module.ecs.task_security_group_id]
  kms_key_arn                = module.kms.key_arn
  auth_token                 = module.secrets.redis_auth_token
  node_type                  = var.redis_node_type
}

module "cloudwatch" {
  source = "../../modules/cloudwatch"

  name                    = local.name
  kms_key_arn             = module.kms.key_arn
  alarm_emails            = var.alarm_emails
  alb_arn_suffix          = module.alb.alb_arn_suffix
  target_group_arn_suffix = module.alb.target_group_arn_suffix
  ecs_cluster_name        = module.ecs.cluster_name
  ecs_service_name        = module.ecs.service_name
}

module "iam" {
  source = "../../modules/iam"

  name                        = local.name
  environment                 = local.environment
  github_repository           = var.github_repository
  create_github_oidc_provider = var.create_github_oidc_provider
  kms_key_arn                 = module.kms.key_arn
  secret_arns                 = module.secrets.secret_arns
  media_bucket_arn            = module.s3.media_bucket_arn
  static_bucket_arn           = module.s3.static_bucket_arn
  ecr_repository_arn          = module.ecr.repository_arn
  ecs_cluster_arn             = module.ecs.cluster_arn
  ecs_service_arn             = module.ecs.service_arn
  task_family                 = module.ecs.task_family
  cloudfront_distribution_arn = module.cloudfront.distribution_arn
  allow_xray_writes           = var.otel_collector_image != ""
}

module "ecs" {
  source = "../../modules/ecs"

  name                    = local.name
  vpc_id                  = module.vpc.vpc_id
  vpc_cidr_block          = module.vpc.vpc_cidr_block
  private_subnet_ids      = module.vpc.private_subnet_ids
  alb_security_group_id   = module.alb.security_group_id
  target_group_arn        = module.alb.target_group_arn
  alb_arn_suffix          = module.alb.alb_arn_suffix
  target_group_arn_suffix = module.alb.target_group_arn_suffix
  image                   = "${module.ecr.repository_url}:${var.image_tag}"
  cpu                     = var.task_cpu
  memory                  = var.task_memory
  min_capacity            = var.min_tasks
  max_capacity            = var.max_tasks
  fargate_spot_weight     = 1
  execution_role_arn      = module.iam.execution_role_arn
  task_role_arn           = module.iam.task_role_arn
  log_group_name          = module.cloudwatch.log_group_name
  kms_key_arn             = module.kms.key_arn
  secrets                 = module.secrets.container_secrets
  otel_collector_image    = var.otel_collector_image

  environment = merge(
    {
      LOG_FORMAT   = "json"
      LECTERN_DEMO = "false"
      RUST_LOG     = "info"
      S3_BUCKET    = module.s3.media_bucket_name
      S3_REGION    = var.aws_region
      S3_ENDPOINT  = "https://s3.${var.aws_region}.amazonaws.com"
      # The site's own origin: Secure session cookies, email links, the cross-site check
      # (CloudFront does not forward Host). The server refuses to start in PROD without it.
      PUBLIC_URL    = "https://${var.domain_name}"
      COOKIE_SECURE = "true"
      # Viewer -> CloudFront -> load balancer -> task: the client is the address CloudFront
      # appended to X-Forwarded-For, the second from the right.
      TRUSTED_PROXY_HOPS = "2"
    },
    var.otel_exporter_otlp_endpoint == "" ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT = var.otel_exporter_otlp_endpoint },
  )
}

module "cloudfront" {
  source = "../../modules/cloudfront"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name                               = local.name
  aliases                            = [var.domain_name]
  acm_certificate_arn                = var.cloudfront_certificate_arn
  static_bucket_regional_domain_name = module.s3.static_bucket_regional_domain_name
  origin_domain_name                 = var.origin_domain_name
  origin_verify_header_value         = module.secrets.origin_verify_header_value
  logs_bucket_domain_name            = module.s3.logs_bucket_domain_name
  price_class                        = "PriceClass_100"
}
